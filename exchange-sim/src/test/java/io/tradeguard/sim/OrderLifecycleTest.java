package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Limit orders, partial fills, market sweeps, IOC/FOK, queries and cancels over real HTTP. */
class OrderLifecycleTest extends SimFixture {

    @Test
    void limitOrderLocksQuoteAndCancelReleasesIt() {
        SimClient a = client("USDT", "10000");
        SimClient.Response placed = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.1", "price", "50000", "newClientOrderId", "my-order-1");
        assertThat(placed.status()).isEqualTo(200);
        JsonNode o = placed.body();
        assertThat(o.path("status").asText()).isEqualTo("NEW");
        assertThat(o.path("orderListId").asLong()).isEqualTo(-1);
        assertThat(o.path("clientOrderId").asText()).isEqualTo("my-order-1");
        assertThat(o.path("price").asText()).isEqualTo("50000.00000000");
        assertThat(o.path("origQty").asText()).isEqualTo("0.10000000");
        assertThat(o.path("fills").isArray()).isTrue();
        assertThat(o.path("fills")).isEmpty();
        assertThat(o.path("workingTime").asLong()).isPositive();
        assertThat(placed.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("1");
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("5000.00000000"), new BigDecimal("5000.00000000"));

        JsonNode open = a.signed("GET", "/api/v3/openOrders", "symbol", "BTCUSDT").body();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("isWorking").asBoolean()).isTrue();

        SimClient.Response canceled = a.signed("DELETE", "/api/v3/order", "symbol", "BTCUSDT",
                "origClientOrderId", "my-order-1", "newClientOrderId", "cancel-1");
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().path("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.body().path("origClientOrderId").asText()).isEqualTo("my-order-1");
        assertThat(canceled.body().path("clientOrderId").asText()).isEqualTo("cancel-1");
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("10000.00000000"), new BigDecimal("0E-8"));

        SimClient.Response again = a.signed("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "orderId", o.path("orderId").asText());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(-2011);
        assertThat(again.msg()).isEqualTo("Unknown order sent.");
    }

    @Test
    void partialFillBetweenTwoAccountsChargesCommissionInTheReceivedAsset() {
        SimClient seller = client("BTC", "1");
        SimClient buyer = client("USDT", "100000");
        JsonNode ask = seller.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.5", "price", "60005").body();
        assertThat(ask.path("status").asText()).isEqualTo("NEW");
        assertThat(balance(seller, "BTC")).containsExactly(new BigDecimal("0.50000000"), new BigDecimal("0.50000000"));

        JsonNode bid = buyer.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.2", "price", "60005.00").body();
        assertThat(bid.path("status").asText()).isEqualTo("FILLED");
        assertThat(bid.path("fills")).hasSize(1);
        JsonNode fill = bid.path("fills").get(0);
        assertThat(fill.path("price").asText()).isEqualTo("60005.00000000");
        assertThat(fill.path("qty").asText()).isEqualTo("0.20000000");
        assertThat(fill.path("commission").asText()).isEqualTo("0.00020000");
        assertThat(fill.path("commissionAsset").asText()).isEqualTo("BTC");
        assertThat(bid.path("cummulativeQuoteQty").asText()).isEqualTo("12001.00000000");

        JsonNode sellerOrder = seller.signed("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", ask.path("orderId").asText()).body();
        assertThat(sellerOrder.path("status").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(sellerOrder.path("executedQty").asText()).isEqualTo("0.20000000");
        // 12001 USDT less the 0.1 % maker commission, in USDT
        assertThat(balance(seller, "USDT")[0]).isEqualByComparingTo("11988.999");
        assertThat(balance(seller, "BTC")).containsExactly(new BigDecimal("0.50000000"), new BigDecimal("0.30000000"));
        assertThat(balance(buyer, "BTC")[0]).isEqualByComparingTo("0.1998");
        assertThat(balance(buyer, "USDT")).containsExactly(new BigDecimal("87999.00000000"), new BigDecimal("0E-8"));

        JsonNode trades = seller.signed("GET", "/api/v3/myTrades", "symbol", "BTCUSDT").body();
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).path("isMaker").asBoolean()).isTrue();
        assertThat(trades.get(0).path("isBuyer").asBoolean()).isFalse();
        assertThat(trades.get(0).path("commissionAsset").asText()).isEqualTo("USDT");
        assertThat(trades.get(0).path("quoteQty").asText()).isEqualTo("12001.00000000");
        JsonNode buyerTrades = buyer.signed("GET", "/api/v3/myTrades", "symbol", "BTCUSDT", "orderId", bid.path("orderId").asText()).body();
        assertThat(buyerTrades.get(0).path("isMaker").asBoolean()).isFalse();

        seller.signed("DELETE", "/api/v3/openOrders", "symbol", "BTCUSDT");
        assertThat(balance(seller, "BTC")).containsExactly(new BigDecimal("0.80000000"), new BigDecimal("0E-8"));
    }

    @Test
    void marketBuySweepsTheHouseDepthWithSlippage() {
        SimClient a = client("USDT", "200000");
        JsonNode o = a.signed("POST", "/api/v3/order", "symbol", "SOLUSDT", "side", "BUY", "type", "MARKET", "quantity", "700").body();
        assertThat(o.path("status").asText()).isEqualTo("FILLED");
        assertThat(o.path("executedQty").asText()).isEqualTo("700.00000000");
        assertThat(o.path("fills").size()).isGreaterThanOrEqualTo(3);
        BigDecimal previous = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        for (JsonNode f : o.path("fills")) {
            BigDecimal p = dec(f.path("price"));
            assertThat(p).isGreaterThan(previous);
            previous = p;
            quote = quote.add(p.multiply(dec(f.path("qty"))));
            assertThat(f.path("commissionAsset").asText()).isEqualTo("SOL");
        }
        assertThat(dec(o.path("cummulativeQuoteQty"))).isEqualByComparingTo(quote);
        assertThat(balance(a, "USDT")[0]).isEqualByComparingTo(new BigDecimal("200000").subtract(quote));
        assertThat(balance(a, "SOL")[0]).isEqualByComparingTo(new BigDecimal("700").multiply(new BigDecimal("0.999")));
    }

    @Test
    void marketByQuoteOrderQtySpendsAtMostTheQuote() {
        SimClient a = client("USDT", "5000");
        JsonNode o = a.signed("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "BUY", "type", "MARKET",
                "quoteOrderQty", "1000", "newOrderRespType", "RESULT").body();
        assertThat(o.path("status").asText()).isEqualTo("FILLED");
        assertThat(o.path("origQuoteOrderQty").asText()).isEqualTo("1000.00000000");
        assertThat(o.has("fills")).isFalse();
        BigDecimal spent = dec(o.path("cummulativeQuoteQty"));
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("1000")).isGreaterThan(new BigDecimal("999"));
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("5000").subtract(spent).setScale(8), new BigDecimal("0E-8"));

        SimClient s = client("ETH", "1");
        JsonNode sell = s.signed("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "SELL", "type", "MARKET", "quoteOrderQty", "600").body();
        assertThat(sell.path("status").asText()).isEqualTo("FILLED");
        assertThat(dec(sell.path("cummulativeQuoteQty"))).isLessThanOrEqualTo(new BigDecimal("600"));
    }

    @Test
    void iocAndFokExpireWithTheirReasonsAndGiveTheFundsBack() {
        SimClient a = client("USDT", "100000");
        JsonNode ioc = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "IOC", "quantity", "0.1", "price", "59000").body();
        assertThat(ioc.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(ioc.path("expiryReason").asText()).isEqualTo("UNFILLED_IOC_QUANTITY_EXPIRED");
        JsonNode fok = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "FOK", "quantity", "1.5", "price", "60012").body();
        assertThat(fok.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(fok.path("expiryReason").asText()).isEqualTo("UNFILLED_FOK_ORDER_EXPIRED");
        assertThat(fok.path("executedQty").asText()).isEqualTo("0.00000000");
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("100000.00000000"), new BigDecimal("0E-8"));
        JsonNode queried = a.signed("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", fok.path("orderId").asText()).body();
        assertThat(queried.path("expiryReason").asText()).isEqualTo("UNFILLED_FOK_ORDER_EXPIRED");
    }

    @Test
    void limitMakerThatWouldTakeIsRejected() {
        SimClient a = client("USDT", "100000");
        SimClient.Response r = a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "BUY", "type", "LIMIT_MAKER",
                "quantity", "1", "price", "700");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(-2010);
        assertThat(r.msg()).isEqualTo("Order would immediately match and take.");
        SimClient.Response ok = a.signed("POST", "/api/v3/order", "symbol", "BNBUSDT", "side", "BUY", "type", "LIMIT_MAKER",
                "quantity", "1", "price", "500");
        assertThat(ok.body().has("status")).isFalse(); // LIMIT_MAKER defaults to ACK
        assertThat(ok.body().has("transactTime")).isTrue();
        assertThat(a.signed("GET", "/api/v3/order", "symbol", "BNBUSDT", "orderId", ok.body().path("orderId").asText())
                .body().path("status").asText()).isEqualTo("NEW");
    }

    @Test
    void queriesAndCancelsByEveryKey() {
        SimClient a = client("USDT", "100000");
        String id1 = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "40000", "newClientOrderId", "q-1").body().path("orderId").asText();
        a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "40001", "newClientOrderId", "q-2");
        SimClient.Response dup = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "40002", "newClientOrderId", "q-2");
        assertThat(dup.code()).isEqualTo(-2010);
        assertThat(dup.msg()).isEqualTo("Duplicate order sent.");

        assertThat(a.signed("GET", "/api/v3/order", "symbol", "BTCUSDT", "origClientOrderId", "q-1").body().path("orderId").asText()).isEqualTo(id1);
        SimClient.Response mismatch = a.signed("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", id1, "origClientOrderId", "q-2");
        assertThat(mismatch.code()).isEqualTo(-2039);
        SimClient.Response missing = a.signed("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", "999999");
        assertThat(missing.code()).isEqualTo(-2013);
        assertThat(missing.msg()).isEqualTo("Order does not exist.");
        SimClient.Response neither = a.signed("GET", "/api/v3/order", "symbol", "BTCUSDT");
        assertThat(neither.code()).isEqualTo(-1102);

        SimClient.Response restricted = a.signed("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "orderId", id1,
                "cancelRestrictions", "ONLY_PARTIALLY_FILLED");
        assertThat(restricted.code()).isEqualTo(-2011);
        assertThat(restricted.msg()).isEqualTo("Order was not canceled due to cancel restrictions.");
        assertThat(a.signed("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "orderId", id1, "cancelRestrictions", "ONLY_NEW")
                .body().path("status").asText()).isEqualTo("CANCELED");
        assertThat(a.signed("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "orderId", id1, "cancelRestrictions", "NEVER").code()).isEqualTo(-1145);

        JsonNode all = a.signed("GET", "/api/v3/allOrders", "symbol", "BTCUSDT").body();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("status").asText()).isEqualTo("CANCELED");
        assertThat(a.signed("GET", "/api/v3/allOrders", "symbol", "BTCUSDT", "orderId", id1, "limit", "1").body()).hasSize(1);
        JsonNode canceledAll = a.signed("DELETE", "/api/v3/openOrders", "symbol", "BTCUSDT").body();
        assertThat(canceledAll).hasSize(1);
        assertThat(canceledAll.get(0).path("origClientOrderId").asText()).isEqualTo("q-2");
        assertThat(a.signed("DELETE", "/api/v3/openOrders", "symbol", "BTCUSDT").code()).isEqualTo(-2011);
        assertThat(a.signed("GET", "/api/v3/openOrders").body()).isEmpty();
    }

    @Test
    void responseTypesAckResultFull() {
        SimClient a = client("USDT", "100000");
        JsonNode ack = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "41000", "newOrderRespType", "ACK").body();
        assertThat(ack.size()).isEqualTo(5);
        JsonNode result = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "41000", "newOrderRespType", "RESULT").body();
        assertThat(result.has("cummulativeQuoteQty")).isTrue();
        assertThat(result.has("selfTradePreventionMode")).isTrue();
        assertThat(result.has("fills")).isFalse();
        assertThat(a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "41000", "newOrderRespType", "EVERYTHING").code()).isEqualTo(-1130);
    }

    @Test
    void testOrderValidatesWithoutPlacing() {
        SimClient a = client("USDT", "100");
        SimClient.Response r = a.signed("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "41000");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().size()).isZero();
        SimClient.Response rates = a.signed("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "0.01", "computeCommissionRates", "true");
        assertThat(rates.body().path("standardCommissionForOrder").path("taker").asText()).isEqualTo("0.00100000");
        assertThat(a.signed("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.000001", "price", "41000").msg()).isEqualTo("Filter failure: LOT_SIZE");
        assertThat(a.signed("GET", "/api/v3/openOrders", "symbol", "BTCUSDT").body()).isEmpty();
    }

    @Test
    void insufficientBalanceIsRejectedAndChangesNothing() {
        SimClient a = client("USDT", "100");
        SimClient.Response r = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "41000");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(-2010);
        assertThat(r.msg()).isEqualTo("Account has insufficient balance for requested action.");
        SimClient.Response m = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01");
        assertThat(m.msg()).isEqualTo("Account has insufficient balance for requested action.");
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("100.00000000"), new BigDecimal("0E-8"));
        assertThat(a.signed("GET", "/api/v3/allOrders", "symbol", "BTCUSDT").body()).isEmpty();
    }

    @Test
    void accountShowsCommissionRatesAndBalances() {
        SimClient a = client("USDT", "123.45", "BNB", "2");
        JsonNode acct = a.signed("GET", "/api/v3/account").body();
        assertThat(acct.path("commissionRates").path("maker").asText()).isEqualTo("0.00100000");
        assertThat(acct.path("makerCommission").asInt()).isEqualTo(10);
        assertThat(acct.path("accountType").asText()).isEqualTo("SPOT");
        assertThat(acct.path("canTrade").asBoolean()).isTrue();
        JsonNode nonZero = a.signed("GET", "/api/v3/account", "omitZeroBalances", "true").body().path("balances");
        assertThat(nonZero).hasSize(2);
        JsonNode commission = a.signed("GET", "/api/v3/account/commission", "symbol", "BTCUSDT").body();
        assertThat(commission.path("standardCommission").path("taker").asText()).isEqualTo("0.00100000");
        JsonNode limits = a.signed("GET", "/api/v3/rateLimit/order").body();
        assertThat(limits.get(0).path("rateLimitType").asText()).isEqualTo("ORDERS");
    }
}
