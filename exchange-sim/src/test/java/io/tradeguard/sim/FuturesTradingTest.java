package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders, algo orders, liquidation, funding and the user stream of the futures side, over loopback. */
class FuturesTradingTest extends FuturesFixture {

    private static List<JsonNode> ofType(WsProbe ws, String e) {
        return ws.messages.stream().filter(m -> m.path("e").asText().equals(e)).toList();
    }

    @Test
    void isolatedLongIsLiquidatedWhenTheMarkCrossesItsLiquidationPrice() {
        SimClient c = futures("5000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "1", "10000", 10, "isolated", "1000");
        try (WsProbe ws = userStream(c)) {
            // LP 9036.14457831: one tick above, equity 36.2 ≥ MM 36.1448 — margin call, no liquidation
            price("BTCUSDT", "9036.2", null);
            JsonNode call = ws.await(m -> m.path("e").asText().equals("MARGIN_CALL"));
            assertThat(call.path("p").get(0).path("mm").asText()).isEqualTo("36.14480000");
            assertThat(position(c, "BTCUSDT").path("positionAmt").asText()).isEqualTo("1.000");

            price("BTCUSDT", "9100", "9036.1");
            JsonNode done = ws.await(m -> m.path("e").asText().equals("ORDER_TRADE_UPDATE") && m.path("o").path("X").asText().equals("FILLED"));
            JsonNode o = done.path("o");
            assertThat(o.path("c").asText()).startsWith("autoclose-");
            assertThat(o.path("o").asText()).isEqualTo("LIQUIDATION");
            assertThat(o.path("x").asText()).isEqualTo("CALCULATED");
            assertThat(o.path("S").asText()).isEqualTo("SELL");
            assertThat(o.path("z").asText()).isEqualTo("1.000");
            assertThat(o.path("L").asText()).isEqualTo("9036.1");
            // realized at the mark: 9036.1 − 10000; the 36.1 left of the isolated margin is the clearance fee
            assertThat(o.path("rp").asText()).isEqualTo("-963.90000000");
            assertThat(o.path("n").asText()).isEqualTo("36.10000000");
            JsonNode update = ws.await(m -> m.path("e").asText().equals("ACCOUNT_UPDATE") && m.path("a").path("m").asText().equals("ORDER"));
            assertThat(update.path("a").path("P").get(0).path("pa").asText()).isEqualTo("0.000");
            assertThat(update.path("a").path("B").get(0).path("wb").asText()).isEqualTo("4000.00000000");
            assertThat(ws.messages.indexOf(done)).isLessThan(ws.messages.indexOf(update));
        }
        assertThat(position(c, "BTCUSDT").path("positionAmt").asText()).isEqualTo("0.000");
        assertThat(wallet(c)).isEqualTo("4000.00000000");
    }

    @Test
    void crossShortIsLiquidatedAndLosesTheCrossWallet() {
        SimClient c = futures("20000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "-10", "10000", 20, "cross", "0");
        price("BTCUSDT", "11945.2", null);
        assertThat(position(c, "BTCUSDT").path("positionAmt").asText()).isEqualTo("-10.000");
        price("BTCUSDT", "11945.3", null);
        await().atMost(5, TimeUnit.SECONDS).until(() -> position(c, "BTCUSDT").path("positionAmt").asText().equals("0.000"));
        assertThat(wallet(c)).isEqualTo("0.00000000");
        JsonNode trade = c.signed("GET", "/fapi/v1/userTrades", "symbol", "BTCUSDT").body().get(0);
        assertThat(trade.path("realizedPnl").asText()).isEqualTo("-19453.00000000");
        assertThat(trade.path("commission").asText()).isEqualTo("547.00000000");
    }

    @Test
    void fundingMovesMoneyFromLongsToShorts() {
        SimClient longs = futures("1000");
        SimClient shorts = futures("1000");
        price("BTCUSDT", "10000", null);
        seed(longs, "BTCUSDT", "1", "10000", 10, "cross", "0");
        seed(shorts, "BTCUSDT", "-1", "10000", 10, "isolated", "1000");
        try (WsProbe ws = userStream(longs); WsProbe wsShort = userStream(shorts)) {
            SimClient.Response r = admin("/sim/v1/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":\"0.0001\",\"apply\":true}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode fee = ws.await(m -> m.path("a").path("m").asText().equals("FUNDING_FEE"));
            assertThat(fee.path("a").path("B").get(0).path("bc").asText()).isEqualTo("-1.00000000");
            assertThat(fee.path("a").path("P")).isEmpty();
            JsonNode received = wsShort.await(m -> m.path("a").path("m").asText().equals("FUNDING_FEE"));
            assertThat(received.path("a").path("P").get(0).path("iw").asText()).isEqualTo("1001.00000000");
        }
        assertThat(wallet(longs)).isEqualTo("999.00000000");
        assertThat(wallet(shorts)).isEqualTo("1001.00000000");
        assertThat(new SimClient(sim.baseUrl(), null).get("/fapi/v1/premiumIndex", "symbol", "BTCUSDT").body()
                .path("lastFundingRate").asText()).isEqualTo("0.0001");
    }

    @Test
    void ordersOnFapiV1() {
        SimClient c = futures("10000");
        price("BTCUSDT", "10000", null);
        SimClient.Response stop = c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "SELL", "type", "STOP_MARKET",
                "stopPrice", "9000", "quantity", "0.01");
        assertThat(stop.status()).isEqualTo(400);
        assertThat(stop.code()).isEqualTo(-4120);
        assertThat(stop.msg()).isEqualTo("Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");

        assertThat(c.signed("POST", "/fapi/v1/leverage", "symbol", "BTCUSDT", "leverage", "126").code()).isEqualTo(-4028);
        JsonNode lev = c.signed("POST", "/fapi/v1/leverage", "symbol", "BTCUSDT", "leverage", "10").body();
        assertThat(lev.path("maxNotionalValue").asText()).isEqualTo("80000000");

        JsonNode buy = c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.010").body();
        assertThat(buy.path("status").asText()).isEqualTo("FILLED");
        // the house ask 2 bips above the last price
        assertThat(buy.path("avgPrice").asText()).isEqualTo("10002.00000000");
        JsonNode trade = c.signed("GET", "/fapi/v1/userTrades", "symbol", "BTCUSDT").body().get(0);
        // taker 0.05 % of 100.02
        assertThat(trade.path("commission").asText()).isEqualTo("0.05001000");
        assertThat(position(c, "BTCUSDT").path("positionAmt").asText()).isEqualTo("0.010");

        SimClient.Response grow = c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "0.010", "reduceOnly", "true");
        assertThat(grow.code()).isEqualTo(-2022);
        assertThat(grow.msg()).isEqualTo("ReduceOnly Order is rejected.");
        assertThat(c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.001", "price", "9000").code()).isEqualTo(-4164);
        assertThat(c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTX",
                "quantity", "0.020", "price", "10005").code()).isEqualTo(-5022);
        assertThat(c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01",
                "positionSide", "LONG").code()).isEqualTo(-4061);

        JsonNode close = c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "SELL", "type", "MARKET",
                "quantity", "0.020", "reduceOnly", "true").body();
        // reduce-only never flips: only the 0.010 held is sold
        assertThat(close.path("executedQty").asText()).isEqualTo("0.010");
        assertThat(close.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(position(c, "BTCUSDT").path("positionAmt").asText()).isEqualTo("0.000");

        JsonNode rest = c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.020", "price", "9800", "newClientOrderId", "rest-1").body();
        assertThat(rest.path("status").asText()).isEqualTo("NEW");
        JsonNode open = c.signed("GET", "/fapi/v1/openOrders", "symbol", "BTCUSDT").body();
        assertThat(open).hasSize(1);
        assertThat(c.signed("GET", "/fapi/v3/account").body().path("totalOpenOrderInitialMargin").asText()).isEqualTo("19.60000000");
        assertThat(c.signed("GET", "/fapi/v1/order", "symbol", "BTCUSDT", "origClientOrderId", "rest-1").body()
                .path("price").asText()).isEqualTo("9800.0");
        assertThat(c.signed("POST", "/fapi/v1/marginType", "symbol", "BTCUSDT", "marginType", "ISOLATED").code()).isEqualTo(-4047);
        JsonNode canceled = c.signed("DELETE", "/fapi/v1/order", "symbol", "BTCUSDT", "orderId", rest.path("orderId").asText()).body();
        assertThat(canceled.path("status").asText()).isEqualTo("CANCELED");
        assertThat(c.signed("DELETE", "/fapi/v1/allOpenOrders", "symbol", "BTCUSDT").body().path("code").asInt()).isEqualTo(200);
        assertThat(c.signed("POST", "/fapi/v1/marginType", "symbol", "BTCUSDT", "marginType", "ISOLATED").body()
                .path("msg").asText()).isEqualTo("success");
        assertThat(c.signed("POST", "/fapi/v1/marginType", "symbol", "BTCUSDT", "marginType", "ISOLATED").code()).isEqualTo(-4046);
        assertThat(c.signed("GET", "/fapi/v1/allOrders", "symbol", "BTCUSDT").body()).hasSize(3);
        assertThat(c.signed("GET", "/fapi/v1/positionSide/dual").body().path("dualSidePosition").asBoolean()).isFalse();
        assertThat(c.signed("POST", "/fapi/v1/positionSide/dual", "dualSidePosition", "false").code()).isEqualTo(-4059);

        SimClient poor = futures("100");
        poor.signed("POST", "/fapi/v1/leverage", "symbol", "BTCUSDT", "leverage", "1");
        SimClient.Response refused = poor.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.011");
        assertThat(refused.code()).isEqualTo(-2019);
        assertThat(refused.msg()).isEqualTo("Margin is insufficient.");
    }

    @Test
    void algoOrdersTriggerOnTheirWorkingPriceAndCancel() {
        SimClient c = futures("10000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "0.02", "10000", 10, "cross", "0");
        assertThat(c.signed("POST", "/fapi/v1/algoOrder", "algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL",
                "type", "STOP_MARKET", "triggerPrice", "10100", "quantity", "0.01").code()).isEqualTo(-2021);
        try (WsProbe ws = userStream(c)) {
            JsonNode mark = c.signed("POST", "/fapi/v1/algoOrder", "algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL",
                    "type", "STOP_MARKET", "triggerPrice", "9900", "workingType", "MARK_PRICE", "quantity", "0.01",
                    "reduceOnly", "true", "clientAlgoId", "sl-mark").body();
            assertThat(mark.path("algoStatus").asText()).isEqualTo("NEW");
            JsonNode contract = c.signed("POST", "/fapi/v1/algoOrder", "algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL",
                    "type", "STOP_MARKET", "triggerPrice", "9900", "workingType", "CONTRACT_PRICE", "closePosition", "true",
                    "clientAlgoId", "sl-last").body();
            // the last price crosses 9900, the mark does not: only the CONTRACT_PRICE stop fires (and closes everything)
            price("BTCUSDT", "9890", "9950");
            await().atMost(5, TimeUnit.SECONDS).until(() -> c.signed("GET", "/fapi/v1/algoOrder", "clientAlgoId", "sl-last").body()
                    .path("algoStatus").asText().equals("FINISHED"));
            assertThat(position(c, "BTCUSDT").path("positionAmt").asText()).isEqualTo("0.000");
            assertThat(c.signed("GET", "/fapi/v1/algoOrder", "algoId", mark.path("algoId").asText()).body()
                    .path("algoStatus").asText()).isEqualTo("NEW");
            List<String> statuses = ofType(ws, "ALGO_UPDATE").stream().filter(m -> m.path("o").path("caid").asText().equals("sl-last"))
                    .map(m -> m.path("o").path("X").asText()).toList();
            assertThat(statuses).containsExactly("NEW", "TRIGGERING", "TRIGGERED", "FINISHED");
            assertThat(contract.path("closePosition").asBoolean()).isTrue();
        }
        // the mark now crosses: the reduce-only stop has no position left to reduce and is rejected
        price("BTCUSDT", "9890", "9899.9");
        await().atMost(5, TimeUnit.SECONDS).until(() -> c.signed("GET", "/fapi/v1/algoOrder", "clientAlgoId", "sl-mark").body()
                .path("algoStatus").asText().equals("REJECTED"));

        seed(c, "BTCUSDT", "0.02", "9890", 10, "cross", "0");
        JsonNode tp = c.signed("POST", "/fapi/v1/algoOrder", "algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL",
                "type", "TAKE_PROFIT_MARKET", "triggerPrice", "12000", "quantity", "0.01", "reduceOnly", "true").body();
        assertThat(c.signed("GET", "/fapi/v1/openAlgoOrders", "symbol", "BTCUSDT").body()).hasSize(1);
        JsonNode canceled = c.signed("DELETE", "/fapi/v1/algoOrder", "algoId", tp.path("algoId").asText()).body();
        assertThat(canceled.path("msg").asText()).isEqualTo("success");
        assertThat(c.signed("GET", "/fapi/v1/algoOrder", "algoId", tp.path("algoId").asText()).body().path("algoStatus").asText())
                .isEqualTo("CANCELED");
        assertThat(c.signed("GET", "/fapi/v1/allAlgoOrders", "symbol", "BTCUSDT").body()).hasSize(3);

        JsonNode trail = c.signed("POST", "/fapi/v1/algoOrder", "algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL",
                "type", "TRAILING_STOP_MARKET", "callbackRate", "1", "quantity", "0.02", "reduceOnly", "true").body();
        price("BTCUSDT", "10000", null);
        price("BTCUSDT", "9901", null);
        assertThat(c.signed("GET", "/fapi/v1/algoOrder", "algoId", trail.path("algoId").asText()).body().path("algoStatus").asText())
                .isEqualTo("NEW");
        // 1 % below the highest price seen (10000)
        price("BTCUSDT", "9900", null);
        await().atMost(5, TimeUnit.SECONDS).until(() -> position(c, "BTCUSDT").path("positionAmt").asText().equals("0.000"));
        assertThat(c.signed("DELETE", "/fapi/v1/algoOpenOrders", "symbol", "BTCUSDT").body().path("code").asInt()).isEqualTo(200);
    }

    @Test
    void listenKeyExpiresAfterSixtyMinutesWithoutKeepAlive() {
        SimClient c = futures("1000");
        try (WsProbe ws = userStream(c)) {
            assertThat(c.raw("PUT", "/fapi/v1/listenKey", "", "", c.account.apiKey()).status()).isEqualTo(200);
            clock.advanceMillis(59 * 60_000L);
            c.clockOffsetMillis += 59 * 60_000L;
            assertThat(c.signed("POST", "/fapi/v1/leverage", "symbol", "ETHUSDT", "leverage", "5").status()).isEqualTo(200);
            ws.await(m -> m.path("e").asText().equals("ACCOUNT_CONFIG_UPDATE") && m.path("ac").path("l").asInt() == 5);
            clock.advanceMillis(2 * 60_000L);
            JsonNode expired = ws.await(m -> m.path("e").asText().equals("listenKeyExpired"));
            assertThat(expired.path("listenKey").asText()).hasSize(64);
            SimClient.Response again = c.raw("PUT", "/fapi/v1/listenKey", "", "", c.account.apiKey());
            assertThat(again.code()).isEqualTo(-1125);
        }
    }

    @Test
    void publicEndpointsAndMarketStreams() {
        SimClient p = new SimClient(sim.baseUrl(), null);
        assertThat(p.get("/fapi/v1/ping").status()).isEqualTo(200);
        assertThat(p.get("/fapi/v1/time").body().path("serverTime").asLong()).isCloseTo(clock.millis(), org.assertj.core.data.Offset.offset(5_000L));
        JsonNode info = p.get("/fapi/v1/exchangeInfo").body();
        JsonNode btc = info.path("symbols").get(0);
        assertThat(btc.path("contractType").asText()).isEqualTo("PERPETUAL");
        List<String> filters = new java.util.ArrayList<>();
        btc.path("filters").forEach(f -> filters.add(f.path("filterType").asText()));
        assertThat(filters).containsExactly("PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS",
                "MIN_NOTIONAL", "PERCENT_PRICE");
        assertThat(btc.path("filters").get(5).path("notional").asText()).isEqualTo("100");
        try (WsProbe mark = WsProbe.connect(sim.wsBaseUrl() + "/market/ws/btcusdt@markPrice@1s");
             WsProbe agg = WsProbe.connect(sim.wsBaseUrl() + "/market/stream?streams=btcusdt@aggTrade/btcusdt@kline_1m");
             WsProbe book = WsProbe.connect(sim.wsBaseUrl() + "/public/ws/btcusdt@bookTicker")) {
            price("BTCUSDT", "10000", "9990");
            JsonNode m = mark.await(x -> x.path("e").asText().equals("markPriceUpdate") && x.path("p").asText().equals("9990.0"));
            assertThat(m.path("r").asText()).isEqualTo("0.0001");
            agg.await(x -> x.path("stream").asText().equals("btcusdt@aggTrade") && x.path("data").path("p").asText().equals("10000.0"));
            agg.await(x -> x.path("stream").asText().equals("btcusdt@kline_1m"));
            JsonNode bt = book.await(x -> x.path("e").asText().equals("bookTicker"));
            assertThat(bt.path("a").asText()).isEqualTo("10002.0");
            JsonNode wrongRoute = book.request("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@markPrice\"],\"id\":3}", 3);
            assertThat(wrongRoute.path("code").asInt()).isEqualTo(2);
        }
        assertThat(p.get("/fapi/v1/premiumIndex", "symbol", "BTCUSDT").body().path("markPrice").asText()).isEqualTo("9990.0");
        assertThat(p.get("/fapi/v2/ticker/price", "symbol", "BTCUSDT").body().path("price").asText()).isEqualTo("10000.0");
        assertThat(p.get("/fapi/v2/ticker/price").body()).hasSize(4);
        assertThat(p.get("/fapi/v1/ticker/bookTicker", "symbol", "BTCUSDT").body().path("bidPrice").asText()).isEqualTo("9998.0");
        assertThat(p.get("/fapi/v1/depth", "symbol", "BTCUSDT", "limit", "5").body().path("asks")).hasSize(5);
        JsonNode klines = p.get("/fapi/v1/klines", "symbol", "BTCUSDT", "interval", "1m").body();
        assertThat(new java.math.BigDecimal(klines.get(klines.size() - 1).get(4).asText())).isEqualByComparingTo("10000");
        assertThat(p.get("/fapi/v1/klines", "symbol", "BTCUSDT", "interval", "1s").code()).isEqualTo(-1120);
        SimClient c = futures("1");
        JsonNode brackets = c.signed("GET", "/fapi/v1/leverageBracket", "symbol", "BTCUSDT").body().get(0).path("brackets");
        assertThat(brackets.get(1).path("cum").decimalValue()).isEqualByComparingTo("50");
        assertThat(brackets.get(0).path("initialLeverage").asInt()).isEqualTo(125);
        assertThat(c.signed("GET", "/fapi/v3/balance").body().get(0).path("availableBalance").asText()).isEqualTo("1.00000000");
        assertThat(c.signed("GET", "/fapi/v2/account").body().path("canTrade").asBoolean()).isTrue();
        assertThat(c.raw("DELETE", "/fapi/v1/listenKey", "", "", c.account.apiKey()).code()).isEqualTo(-1125);
    }
}
