package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's real answers carry the same field names and JSON types as Binance's documented
 * examples in wire-fixtures/spot (traced in wire-fixtures/SOURCES.md).
 */
class WireShapeTest extends SimFixture {
    /** Fields of a documented example that only appear in situations the scenario does not create. */
    private static final Map<String, Set<String>> CONDITIONAL = Map.of(
            "user_execution_report.json", Set.of("v"),
            "order_list_oco.json", Set.of("icebergQty"));

    private final List<String> problems = new ArrayList<>();

    private static JsonNode fixture(String name) {
        try {
            return SimClient.JSON.readTree(TestKeys.resource("/wire-fixtures/spot/" + name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(String name, JsonNode actual) {
        compare(name, "$", fixture(name), actual, CONDITIONAL.getOrDefault(name, Set.of()));
    }

    private static String kind(JsonNode n) {
        return n.getNodeType() == JsonNodeType.NUMBER ? (n.isIntegralNumber() ? "integer" : "decimal number") : n.getNodeType().name();
    }

    private void compare(String file, String path, JsonNode expected, JsonNode actual, Set<String> conditional) {
        if (!kind(expected).equals(kind(actual))) {
            problems.add(file + " " + path + ": expected " + kind(expected) + " but the simulator sent " + kind(actual));
            return;
        }
        if (expected.isObject()) {
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!expected.has(f)) {
                    problems.add(file + " " + path + "." + f + ": sent but not in the documented example");
                }
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!actual.has(f)) {
                    if (!conditional.contains(f)) {
                        problems.add(file + " " + path + "." + f + ": documented but not sent");
                    }
                } else {
                    compare(file, path + "." + f, expected.get(f), actual.get(f), conditional);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            // a kline row is a tuple of mixed types; other arrays are lists of one kind
            boolean positional = false;
            for (JsonNode e : expected) {
                positional |= !kind(e).equals(kind(expected.get(0)));
            }
            if (positional) {
                if (expected.size() != actual.size()) {
                    problems.add(file + " " + path + ": " + expected.size() + " elements documented, " + actual.size() + " sent");
                    return;
                }
                for (int i = 0; i < expected.size(); i++) {
                    compare(file, path + "[" + i + "]", expected.get(i), actual.get(i), conditional);
                }
            } else {
                compare(file, path + "[0]", expected.get(0), actual.get(0), conditional);
            }
        }
    }

    private void price(String symbol, String price) {
        publicClient().admin("POST", "/sim/v1/price", TOKEN, "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
    }

    @Test
    void everyResponseAndEventHasTheDocumentedShape() {
        SimClient c = publicClient();
        SimClient maker = client("BTC", "1", "USDT", "100000", "SOL", "10");
        SimClient taker = client("USDT", "100000");
        price("BTCUSDT", "60000");
        price("SOLUSDT", "150");
        try (WsProbe user = WsProbe.connect(sim.wsBaseUrl() + "/ws-api/v3?returnRateLimits=false");
             WsProbe market = WsProbe.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade");
             WsProbe combined = WsProbe.connect(sim.wsBaseUrl() + "/stream?streams=btcusdt@aggTrade/btcusdt@kline_1m/btcusdt@bookTicker")) {
            long ts = System.currentTimeMillis();
            Map<String, String> p = new TreeMap<>(Map.of("apiKey", maker.account.apiKey(), "timestamp", String.valueOf(ts)));
            JsonNode subscribed = user.request("{\"id\":\"s1\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\""
                    + maker.account.apiKey() + "\",\"timestamp\":" + ts + ",\"signature\":\""
                    + SimClient.hmac(maker.account.secretKey(), SimClient.query(p)) + "\"}}", 0);
            check("wsapi_user_data_subscribe.json", subscribed);
            check("wsapi_session_subscriptions.json", user.request("{\"id\":\"s2\",\"method\":\"session.subscriptions\"}", 0));
            java.security.KeyPair kp = TestKeys.ed25519();
            String edKey = sim.createEd25519Account(TestKeys.publicPem(kp), Map.of());
            long lts = System.currentTimeMillis();
            String lsig = TestKeys.sign(kp, "apiKey=" + edKey + "&timestamp=" + lts);
            try (WsProbe session = WsProbe.connect(sim.wsBaseUrl() + "/ws-api/v3?returnRateLimits=false")) {
                check("wsapi_session_logon.json", session.request("{\"id\":\"l1\",\"method\":\"session.logon\",\"params\":{\"apiKey\":\""
                        + edKey + "\",\"timestamp\":" + lts + ",\"signature\":\"" + lsig + "\"}}", 0));
            }

            check("error.json", c.get("/api/v3/depth", "symbol", "NOPEUSDT").body());
            check("ping.json", c.get("/api/v3/ping").body());
            check("time.json", c.get("/api/v3/time").body());
            check("exchange_info.json", c.get("/api/v3/exchangeInfo", "symbol", "BTCUSDT").body());
            check("depth.json", c.get("/api/v3/depth", "symbol", "BTCUSDT", "limit", "5").body());

            JsonNode ack = maker.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.1", "price", "60005", "newOrderRespType", "ACK").body();
            check("order_ack.json", ack);
            check("order_full.json", taker.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                    "quantity", "0.01").body());
            check("order_result.json", taker.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                    "quantity", "0.01", "newOrderRespType", "RESULT").body());
            check("order_test.json", taker.signed("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                    "quantity", "0.01").body());
            check("order_test_commission.json", taker.signed("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY",
                    "type", "MARKET", "quantity", "0.01", "computeCommissionRates", "true").body());
            check("query_order.json", maker.signed("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", ack.path("orderId").asText()).body());
            check("open_orders.json", maker.signed("GET", "/api/v3/openOrders", "symbol", "BTCUSDT").body());
            check("all_orders.json", maker.signed("GET", "/api/v3/allOrders", "symbol", "BTCUSDT").body());
            check("my_trades.json", taker.signed("GET", "/api/v3/myTrades", "symbol", "BTCUSDT").body());
            check("cancel_order.json", maker.signed("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "orderId", ack.path("orderId").asText()).body());

            JsonNode oco = maker.signed("POST", "/api/v3/orderList/oco", "symbol", "SOLUSDT", "side", "SELL", "quantity", "1",
                    "aboveType", "LIMIT_MAKER", "abovePrice", "160", "belowType", "STOP_LOSS_LIMIT", "belowStopPrice", "140",
                    "belowPrice", "139", "belowTimeInForce", "GTC").body();
            check("order_list_oco.json", oco);
            check("query_order_list.json", maker.signed("GET", "/api/v3/orderList", "orderListId", oco.path("orderListId").asText()).body());
            check("open_order_lists.json", maker.signed("GET", "/api/v3/openOrderList").body());
            check("cancel_order_list.json", maker.signed("DELETE", "/api/v3/orderList", "symbol", "SOLUSDT",
                    "orderListId", oco.path("orderListId").asText()).body());
            maker.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "50000");
            check("cancel_open_orders.json", maker.signed("DELETE", "/api/v3/openOrders", "symbol", "BTCUSDT").body());

            check("account.json", maker.signed("GET", "/api/v3/account").body());
            check("account_commission.json", maker.signed("GET", "/api/v3/account/commission", "symbol", "BTCUSDT").body());
            check("rate_limit_order.json", maker.signed("GET", "/api/v3/rateLimit/order").body());
            check("trades.json", c.get("/api/v3/trades", "symbol", "BTCUSDT").body());
            check("klines.json", c.get("/api/v3/klines", "symbol", "BTCUSDT", "interval", "1m").body());
            check("avg_price.json", c.get("/api/v3/avgPrice", "symbol", "BTCUSDT").body());
            check("ticker_24hr.json", c.get("/api/v3/ticker/24hr", "symbol", "BTCUSDT").body());
            check("ticker_24hr_mini.json", c.get("/api/v3/ticker/24hr", "symbol", "BTCUSDT", "type", "MINI").body());
            check("ticker_price.json", c.get("/api/v3/ticker/price", "symbol", "BTCUSDT").body());
            check("ticker_price_list.json", c.get("/api/v3/ticker/price").body());
            check("book_ticker.json", c.get("/api/v3/ticker/bookTicker", "symbol", "BTCUSDT").body());

            publicClient().admin("POST", "/sim/v1/balance", TOKEN, "{\"api_key\":\"" + maker.account.apiKey() + "\",\"asset\":\"USDT\",\"delta\":\"1\"}");
            check("user_execution_report.json", user.await(m -> m.path("event").path("e").asText().equals("executionReport")));
            check("user_outbound_account_position.json", user.await(m -> m.path("event").path("e").asText().equals("outboundAccountPosition")));
            check("user_list_status.json", user.await(m -> m.path("event").path("e").asText().equals("listStatus")));
            check("user_balance_update.json", user.await(m -> m.path("event").path("e").asText().equals("balanceUpdate")));
            user.request("{\"id\":\"s3\",\"method\":\"userDataStream.unsubscribe\"}", 0);
            check("user_event_stream_terminated.json", user.await(m -> m.path("event").path("e").asText().equals("eventStreamTerminated")));

            check("stream_trade.json", market.await(m -> m.path("e").asText().equals("trade")));
            check("stream_agg_trade.json", combined.await(m -> m.path("stream").asText().endsWith("@aggTrade")).path("data"));
            check("stream_kline.json", combined.await(m -> m.path("stream").asText().endsWith("@kline_1m")).path("data"));
            check("stream_book_ticker.json", combined.await(m -> m.path("stream").asText().endsWith("@bookTicker")).path("data"));
        }
        assertThat(problems).isEmpty();
    }
}
