package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Stops, take-profits, trailing stops and OCO lists, triggered by prices set through the control API. */
class TriggeredOrderTest extends SimFixture {

    private void price(String symbol, String price) {
        SimClient.Response r = publicClient().admin("POST", "/sim/v1/price", TOKEN,
                "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
        assertThat(r.status()).isEqualTo(200);
    }

    private static JsonNode order(SimClient c, String symbol, JsonNode placed) {
        return c.signed("GET", "/api/v3/order", "symbol", symbol, "orderId", placed.path("orderId").asText()).body();
    }

    @Test
    void stopsThatWouldTriggerAtOnceAreRejected() {
        price("BNBUSDT", "600");
        SimClient a = client("BNB", "5", "USDT", "10000");
        SimClient.Response sl = a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "SELL", "type", "STOP_LOSS",
                "quantity", "1", "stopPrice", "610");
        assertThat(sl.status()).isEqualTo(400);
        assertThat(sl.code()).isEqualTo(-2010);
        assertThat(sl.msg()).isEqualTo("Order would trigger immediately.");
        SimClient.Response tp = a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "BUY", "type", "TAKE_PROFIT_LIMIT",
                "quantity", "1", "stopPrice", "610", "price", "611", "timeInForce", "GTC");
        assertThat(tp.msg()).isEqualTo("Order would trigger immediately.");
        assertThat(a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "SELL", "type", "STOP_LOSS",
                "quantity", "1").code()).isEqualTo(-1102);
        assertThat(balance(a, "BNB")).containsExactly(new BigDecimal("5.00000000"), new BigDecimal("0E-8"));
    }

    @Test
    void stopLossSellTriggersFromTheLastTradePriceAndSellsAtMarket() {
        price("BNBUSDT", "600");
        SimClient a = client("BNB", "5");
        JsonNode placed = a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "SELL", "type", "STOP_LOSS",
                "quantity", "1", "stopPrice", "590", "newOrderRespType", "RESULT").body();
        assertThat(placed.path("status").asText()).isEqualTo("NEW");
        assertThat(placed.path("workingTime").asLong()).isEqualTo(-1);
        assertThat(placed.path("stopPrice").asText()).isEqualTo("590.00000000");
        assertThat(balance(a, "BNB")).containsExactly(new BigDecimal("4.00000000"), new BigDecimal("1.00000000"));
        JsonNode waiting = order(a, "BNBUSDT", placed);
        assertThat(waiting.path("isWorking").asBoolean()).isFalse();

        price("BNBUSDT", "595");
        assertThat(order(a, "BNBUSDT", placed).path("status").asText()).isEqualTo("NEW");
        price("BNBUSDT", "589.5");
        JsonNode done = order(a, "BNBUSDT", placed);
        assertThat(done.path("status").asText()).isEqualTo("FILLED");
        assertThat(done.path("executedQty").asText()).isEqualTo("1.00000000");
        assertThat(done.path("workingTime").asLong()).isPositive();
        assertThat(balance(a, "BNB")).containsExactly(new BigDecimal("4.00000000"), new BigDecimal("0E-8"));
        assertThat(dec(done.path("cummulativeQuoteQty"))).isBetween(new BigDecimal("580"), new BigDecimal("590"));
    }

    @Test
    void takeProfitLimitRestsOnTheBookOnceTriggered() {
        price("BNBUSDT", "600");
        SimClient a = client("BNB", "5");
        JsonNode placed = a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "SELL", "type", "TAKE_PROFIT_LIMIT",
                "quantity", "1", "stopPrice", "620", "price", "650", "timeInForce", "GTC").body();
        price("BNBUSDT", "621");
        JsonNode working = order(a, "BNBUSDT", placed);
        assertThat(working.path("status").asText()).isEqualTo("NEW");
        assertThat(working.path("isWorking").asBoolean()).isTrue();
        assertThat(a.signed("DELETE", "/api/v3/order", "symbol", "BNBUSDT", "orderId", placed.path("orderId").asText())
                .body().path("status").asText()).isEqualTo("CANCELED");
        assertThat(balance(a, "BNB")).containsExactly(new BigDecimal("5.00000000"), new BigDecimal("0E-8"));
    }

    /** binance-api.md §3.4 / trailing-stop FAQ scenario A: stop 44,000, delta 500, low 42,000, fires at 44,100. */
    @Test
    void trailingStopLossLimitBuyFollowsTheFaqExample() {
        price("ETHUSDT", "40000");
        SimClient a = client("USDT", "1000");
        JsonNode placed = a.signed("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "BUY", "type", "STOP_LOSS_LIMIT",
                "quantity", "0.01", "price", "45000", "stopPrice", "44000", "trailingDelta", "500", "timeInForce", "GTC",
                "newOrderRespType", "RESULT").body();
        assertThat(placed.path("trailingDelta").asLong()).isEqualTo(500);
        assertThat(placed.path("trailingTime").asLong()).isEqualTo(-1);
        for (String p : new String[]{"37000", "44000", "45000", "46000", "42000", "44090"}) {
            price("ETHUSDT", p);
            assertThat(order(a, "ETHUSDT", placed).path("status").asText()).as("after %s", p).isEqualTo("NEW");
        }
        assertThat(order(a, "ETHUSDT", placed).path("trailingTime").asLong()).isPositive();
        price("ETHUSDT", "44100");
        JsonNode fired = order(a, "ETHUSDT", placed);
        assertThat(fired.path("status").asText()).isEqualTo("FILLED");
        assertThat(dec(fired.path("cummulativeQuoteQty"))).isLessThan(new BigDecimal("450"));
        assertThat(balance(a, "USDT")[1]).isEqualByComparingTo("0");
    }

    @Test
    void trailingStopWithoutStopPriceTracksFromTheNextTrade() {
        price("ETHUSDT", "3000");
        SimClient a = client("ETH", "1");
        JsonNode placed = a.signed("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "SELL", "type", "STOP_LOSS",
                "quantity", "0.5", "trailingDelta", "100").body();
        price("ETHUSDT", "3100");   // tracking starts: high 3100
        price("ETHUSDT", "3200");   // new high
        price("ETHUSDT", "3169");   // 3200 x 0.99 = 3168: not yet
        assertThat(order(a, "ETHUSDT", placed).path("status").asText()).isEqualTo("NEW");
        price("ETHUSDT", "3168");
        assertThat(order(a, "ETHUSDT", placed).path("status").asText()).isEqualTo("FILLED");
        SimClient.Response tooSmall = a.signed("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "SELL", "type", "STOP_LOSS",
                "quantity", "0.1", "trailingDelta", "5");
        assertThat(tooSmall.msg()).isEqualTo("Filter failure: TRAILING_DELTA");
    }

    @Test
    void ocoLimitLegFillsAndTheStopLegExpires() {
        price("SOLUSDT", "150");
        SimClient a = client("SOL", "10");
        SimClient.Response r = a.signed("POST", "/api/v3/orderList/oco", "symbol", "SOLUSDT", "side", "SELL", "quantity", "2",
                "aboveType", "LIMIT_MAKER", "abovePrice", "160", "belowType", "STOP_LOSS_LIMIT", "belowStopPrice", "140",
                "belowPrice", "139", "belowTimeInForce", "GTC", "listClientOrderId", "my-oco");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode list = r.body();
        assertThat(list.path("contingencyType").asText()).isEqualTo("OCO");
        assertThat(list.path("listStatusType").asText()).isEqualTo("EXEC_STARTED");
        assertThat(list.path("listOrderStatus").asText()).isEqualTo("EXECUTING");
        assertThat(list.path("listClientOrderId").asText()).isEqualTo("my-oco");
        assertThat(list.path("orders")).hasSize(2);
        assertThat(list.path("orderReports")).hasSize(2);
        assertThat(balance(a, "SOL")).containsExactly(new BigDecimal("8.00000000"), new BigDecimal("2.00000000"));
        JsonNode stopLeg = list.path("orderReports").get(0);
        JsonNode limitLeg = list.path("orderReports").get(1);
        assertThat(stopLeg.path("type").asText()).isEqualTo("STOP_LOSS_LIMIT");
        assertThat(limitLeg.path("type").asText()).isEqualTo("LIMIT_MAKER");

        price("SOLUSDT", "160.5");
        assertThat(order(a, "SOLUSDT", limitLeg).path("status").asText()).isEqualTo("FILLED");
        JsonNode expired = order(a, "SOLUSDT", stopLeg);
        assertThat(expired.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("expiryReason").asText()).isEqualTo("OCO_TRIGGER");
        JsonNode after = a.signed("GET", "/api/v3/orderList", "orderListId", list.path("orderListId").asText()).body();
        assertThat(after.path("listOrderStatus").asText()).isEqualTo("ALL_DONE");
        assertThat(balance(a, "SOL")).containsExactly(new BigDecimal("8.00000000"), new BigDecimal("0E-8"));
        assertThat(balance(a, "USDT")[0]).isEqualByComparingTo(new BigDecimal("320").multiply(new BigDecimal("0.999")));
    }

    @Test
    void cancelingOneLegCancelsTheWholeLegacyOco() {
        price("SOLUSDT", "150");
        SimClient a = client("USDT", "1000");
        SimClient.Response r = a.signed("POST", "/api/v3/order/oco", "symbol", "SOLUSDT", "side", "BUY", "quantity", "1",
                "price", "140", "stopPrice", "160", "stopLimitPrice", "161", "stopLimitTimeInForce", "GTC");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        // one lock for the list: the dearer leg, 161 x 1
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("839.00000000"), new BigDecimal("161.00000000"));
        JsonNode limitLeg = null;
        for (JsonNode o : r.body().path("orderReports")) {
            if (o.path("type").asText().equals("LIMIT_MAKER")) {
                limitLeg = o;
            }
        }
        assertThat(limitLeg).isNotNull();
        JsonNode canceled = a.signed("DELETE", "/api/v3/order", "symbol", "SOLUSDT", "orderId", limitLeg.path("orderId").asText()).body();
        assertThat(canceled.path("status").asText()).isEqualTo("CANCELED");
        for (JsonNode o : r.body().path("orderReports")) {
            assertThat(order(a, "SOLUSDT", o).path("status").asText()).isEqualTo("CANCELED");
        }
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("1000.00000000"), new BigDecimal("0E-8"));
        assertThat(a.signed("GET", "/api/v3/openOrderList").body()).isEmpty();
    }

    @Test
    void deleteOrderListAndOcoValidation() {
        price("SOLUSDT", "150");
        SimClient a = client("SOL", "10");
        JsonNode list = a.signed("POST", "/api/v3/orderList/oco", "symbol", "SOLUSDT", "side", "SELL", "quantity", "1",
                "aboveType", "TAKE_PROFIT", "aboveStopPrice", "170", "belowType", "STOP_LOSS", "belowStopPrice", "130").body();
        assertThat(a.signed("GET", "/api/v3/openOrderList").body()).hasSize(1);
        JsonNode canceled = a.signed("DELETE", "/api/v3/orderList", "symbol", "SOLUSDT", "orderListId",
                list.path("orderListId").asText()).body();
        assertThat(canceled.path("listStatusType").asText()).isEqualTo("ALL_DONE");
        assertThat(canceled.path("orderReports").get(0).path("status").asText()).isEqualTo("CANCELED");
        assertThat(a.signed("DELETE", "/api/v3/orderList", "symbol", "SOLUSDT", "orderListId",
                list.path("orderListId").asText()).code()).isEqualTo(-2011);

        SimClient.Response badPrices = a.signed("POST", "/api/v3/orderList/oco", "symbol", "SOLUSDT", "side", "SELL", "quantity", "1",
                "aboveType", "LIMIT_MAKER", "abovePrice", "140", "belowType", "STOP_LOSS", "belowStopPrice", "130");
        assertThat(badPrices.code()).isEqualTo(-2010);
        assertThat(badPrices.msg()).isEqualTo("The relationship of the prices for the orders is not correct.");
        SimClient.Response badType = a.signed("POST", "/api/v3/orderList/oco", "symbol", "SOLUSDT", "side", "SELL", "quantity", "1",
                "aboveType", "LIMIT_MAKER", "abovePrice", "160", "belowType", "LIMIT_MAKER", "belowPrice", "130");
        assertThat(badType.code()).isEqualTo(-1158);
        assertThat(balance(a, "SOL")).containsExactly(new BigDecimal("10.00000000"), new BigDecimal("0E-8"));
    }
}
