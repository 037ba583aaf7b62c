package io.tradeguard.sim;

import io.tradeguard.sim.engine.SymbolSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal answers Binance's code, message and HTTP status, and changes nothing. */
class RequestErrorsTest extends SimFixture {

    @Override
    protected SimConfig config() {
        List<SymbolSpec> symbols = new ArrayList<>(SymbolSpec.defaults());
        symbols.add(new SymbolSpec("XRPUSDT", "XRP", "USDT", new BigDecimal("0.0001"), new BigDecimal("0.0001"),
                new BigDecimal("1000"), new BigDecimal("0.1"), new BigDecimal("0.1"), new BigDecimal("900000"),
                new BigDecimal("100000"), new BigDecimal("5"), new BigDecimal("9000000"), 2, 1, 10, 2000, new BigDecimal("0.5")));
        return super.config().withSymbols(symbols);
    }

    private static void expect(SimClient.Response r, int status, int code, String msg) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.code()).as(r.body().toString()).isEqualTo(code);
        if (msg != null) {
            assertThat(r.msg()).isEqualTo(msg);
        }
    }

    private SimClient.Response order(SimClient c, String... extra) {
        List<String> kv = new ArrayList<>(List.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "50000"));
        for (int i = 0; i < extra.length; i += 2) {
            int at = kv.indexOf(extra[i]);
            if (at >= 0 && at % 2 == 0) {
                if (extra[i + 1] == null) {
                    kv.remove(at);
                    kv.remove(at);
                } else {
                    kv.set(at + 1, extra[i + 1]);
                }
            } else if (extra[i + 1] != null) {
                kv.add(extra[i]);
                kv.add(extra[i + 1]);
            }
        }
        return c.signed("POST", "/api/v3/order", kv.toArray(String[]::new));
    }

    @Test
    void apiKeyProblemsAre401() {
        SimClient a = client("USDT", "1000");
        expect(a.raw("GET", "/api/v3/account", "timestamp=1", "", null), 401, -2014, "API-key format invalid.");
        expect(a.raw("GET", "/api/v3/account", "timestamp=1", "", "NoSuchKey123"), 401, -2015,
                "Invalid API-key, IP, or permissions for action.");
    }

    @Test
    void signatureAndTimestampRules() {
        SimClient a = client("USDT", "1000");
        String ts = String.valueOf(System.currentTimeMillis());
        String q = "timestamp=" + ts;
        String sig = SimClient.hmac(a.account.secretKey(), q);
        assertThat(a.raw("GET", "/api/v3/account", q + "&signature=" + sig, "", a.account.apiKey()).status()).isEqualTo(200);
        String oneCharOff = sig.substring(0, 5) + (sig.charAt(5) == 'a' ? 'b' : 'a') + sig.substring(6);
        expect(a.raw("GET", "/api/v3/account", q + "&signature=" + oneCharOff, "", a.account.apiKey()), 400, -1022,
                "Signature for this request is not valid.");
        expect(a.raw("GET", "/api/v3/account", q, "", a.account.apiKey()), 400, -1102,
                "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        expect(a.raw("GET", "/api/v3/account", "recvWindow=5000&signature=" + SimClient.hmac(a.account.secretKey(), "recvWindow=5000"),
                "", a.account.apiKey()), 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");

        a.clockOffsetMillis = 2_000;
        expect(a.signed("GET", "/api/v3/account"), 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        a.clockOffsetMillis = -6_000;
        expect(a.signed("GET", "/api/v3/account"), 400, -1021, "Timestamp for this request is outside of the recvWindow.");
        assertThat(a.signed("GET", "/api/v3/account", "recvWindow", "10000").status()).isEqualTo(200);
        a.clockOffsetMillis = 0;
        assertThat(a.signed("GET", "/api/v3/account", "recvWindow", "6000.346").status()).isEqualTo(200);
        expect(a.signed("GET", "/api/v3/account", "recvWindow", "60001"), 400, -1102,
                "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
        // microsecond timestamps are accepted
        assertThat(a.signed("GET", "/api/v3/account", "timestamp", String.valueOf(System.currentTimeMillis() * 1000)).status()).isEqualTo(200);
    }

    @Test
    void parameterErrorsOfTheMinus1100Family() {
        SimClient a = client("USDT", "100000");
        expect(order(a, "symbol", "btc$usdt"), 400, -1100, "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.");
        expect(order(a, "quantity", "1e5"), 400, -1100, null);
        expect(order(a, "newClientOrderId", "has space"), 400, -1100, null);
        expect(a.raw("GET", "/api/v3/ticker/price", "symbol=BTCUSDT&symbol=ETHUSDT", "", null), 400, -1101,
                "Duplicate values for a parameter detected.");
        expect(order(a, "type", null), 400, -1102, "Mandatory parameter 'type' was not sent, was empty/null, or malformed.");
        expect(order(a, "price", null), 400, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.");
        expect(order(a, "color", "blue"), 400, -1104, "Not all sent parameters were read; read '8' parameter(s) but was sent '9'.");
        expect(order(a, "newClientOrderId", ""), 400, -1105, "Parameter 'newClientOrderId' was empty.");
        expect(order(a, "type", "MARKET", "timeInForce", null), 400, -1106, "Parameter 'price' sent when not required.");
        expect(order(a, "quantity", "0.123456789"), 400, -1111, "Parameter 'quantity' has too much precision.");
        expect(order(a, "type", "MARKET", "price", null), 400, -1114, "TimeInForce parameter sent when not required.");
        expect(order(a, "timeInForce", "GTX"), 400, -1115, "Invalid timeInForce.");
        expect(order(a, "type", "LIMITED"), 400, -1116, "Invalid orderType.");
        expect(order(a, "side", "HOLD"), 400, -1117, "Invalid side.");
        expect(order(a, "symbol", "DOGEUSDT"), 400, -1121, "Invalid symbol.");
        expect(order(a, "strategyType", "5"), 400, -1134, null);
        expect(order(a, "icebergQty", "0.001"), 400, -2010, "Iceberg orders are not supported for this symbol.");
        expect(a.get("/api/v3/klines", "symbol", "BTCUSDT", "interval", "2m"), 400, -1120, "Invalid interval.");
        assertThat(a.signed("GET", "/api/v3/allOrders", "symbol", "BTCUSDT").body()).isEmpty();
    }

    @Test
    void filterFailuresNameTheFilter() {
        SimClient a = client("USDT", "100000", "XRP", "1000");
        expect(order(a, "price", "50000.001"), 400, -1013, "Filter failure: PRICE_FILTER");
        expect(order(a, "price", "2000000"), 400, -1013, "Filter failure: PRICE_FILTER");
        expect(order(a, "quantity", "0.000001"), 400, -1013, "Filter failure: LOT_SIZE");
        expect(order(a, "quantity", "10000"), 400, -1013, "Filter failure: LOT_SIZE");
        expect(order(a, "quantity", "0.00001"), 400, -1013, "Filter failure: NOTIONAL");
        expect(order(a, "type", "MARKET", "timeInForce", null, "price", null, "quantity", "200"), 400, -1013, "Filter failure: MARKET_LOT_SIZE");
        expect(order(a, "type", "STOP_LOSS", "timeInForce", null, "price", null, "side", "SELL", "trailingDelta", "3000"),
                400, -1013, "Filter failure: TRAILING_DELTA");
        for (int i = 0; i < 2; i++) {
            assertThat(order(a, "symbol", "XRPUSDT", "price", "0.4", "quantity", "20").status()).isEqualTo(200);
        }
        expect(order(a, "symbol", "XRPUSDT", "price", "0.4", "quantity", "20"), 400, -1013, "Filter failure: MAX_NUM_ORDERS");
        a.signed("DELETE", "/api/v3/openOrders", "symbol", "XRPUSDT");
        assertThat(order(a, "symbol", "XRPUSDT", "side", "SELL", "type", "STOP_LOSS", "timeInForce", null, "price", null,
                "quantity", "20", "stopPrice", "0.4").status()).isEqualTo(200);
        expect(order(a, "symbol", "XRPUSDT", "side", "SELL", "type", "STOP_LOSS", "timeInForce", null, "price", null,
                "quantity", "20", "stopPrice", "0.39"), 400, -1013, "Filter failure: MAX_NUM_ALGO_ORDERS");
        assertThat(balance(a, "USDT")).containsExactly(new BigDecimal("100000.00000000"), new BigDecimal("0E-8"));
    }
}
