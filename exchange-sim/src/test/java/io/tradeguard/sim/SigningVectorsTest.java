package io.tradeguard.sim;

import io.tradeguard.sim.api.Credential;
import io.tradeguard.sim.engine.SymbolSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's verifier against the published vectors, and the official example over HTTP. */
class SigningVectorsTest {
    private static final String DOC_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOC_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    record Vector(String source, String secret, String payload, String hex) {
        @Override
        public String toString() {
            return source;
        }
    }

    static List<Vector> connectorVectors() {
        return csv("/wire-fixtures/signing/binance-connector-java-hmac-vectors.csv", 0, 1, 4, 5);
    }

    static List<Vector> officialVectors() {
        return csv("/wire-fixtures/signing/official-hmac-vectors.csv", 0, 1, 2, 3);
    }

    private static List<Vector> csv(String path, int src, int secret, int payload, int hex) {
        List<Vector> out = new ArrayList<>();
        String[] lines = TestKeys.resource(path).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] c = lines[i].split(",", -1);
            out.add(new Vector(c[src], c[secret], c[payload], c[hex]));
        }
        return out;
    }

    @Test
    void allEightyTwoConnectorVectorsAreThere() {
        assertThat(connectorVectors()).hasSize(82);
        assertThat(officialVectors()).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"connectorVectors", "officialVectors"})
    void verifierAcceptsTheVectorAndRejectsAOneCharacterChange(Vector v) {
        Credential.Hmac hmac = new Credential.Hmac(v.secret());
        assertThat(hmac.sign(v.payload())).isEqualTo(v.hex());
        assertThat(hmac.verify(v.payload(), v.hex())).isTrue();
        assertThat(hmac.verify(v.payload(), v.hex().toUpperCase())).isTrue();
        char last = v.hex().charAt(63);
        String changed = v.hex().substring(0, 63) + (last == '0' ? '1' : '0');
        assertThat(hmac.verify(v.payload(), changed)).isFalse();
        assertThat(hmac.verify(v.payload() + "&", v.hex())).isFalse();
    }

    @Test
    void ed25519VectorVerifiesWithTheDerivedPublicKey() throws Exception {
        Properties p = new Properties();
        p.load(new java.io.StringReader(TestKeys.resource("/wire-fixtures/signing/ed25519-vector.properties")));
        KeyPair kp = TestKeys.ed25519();
        assertThat(TestKeys.sign(kp, p.getProperty("payload"))).isEqualTo(p.getProperty("signature"));
        Credential.Ed25519 ed = Credential.Ed25519.fromPem(TestKeys.publicPem(kp));
        assertThat(ed.verify(p.getProperty("payload"), p.getProperty("signature"))).isTrue();
        assertThat(ed.verify("timestamp=1736393892001", p.getProperty("signature"))).isFalse();
    }

    /** The documentation's own request, byte for byte, against a simulator whose clock stands at that time. */
    @Test
    void officialExampleRequestIsAcceptedOverHttpAndAOneCharacterChangeIsNot() {
        SymbolSpec ltcbtc = new SymbolSpec("LTCBTC", "LTC", "BTC", new BigDecimal("0.00001"), new BigDecimal("0.00001"),
                new BigDecimal("1000"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("100000"),
                new BigDecimal("10000"), new BigDecimal("0.0001"), new BigDecimal("9000"), 200, 5, 10, 2000, new BigDecimal("0.2"));
        SimConfig cfg = SimConfig.defaults().withPort(0).withAdminToken("t").withPriceFeed(new PriceFeed.Manual())
                .withSymbols(List.of(ltcbtc)).withClock(InstantSource.fixed(Instant.ofEpochMilli(1499827320000L)));
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            sim.createAccount(DOC_KEY, DOC_SECRET, Map.of("BTC", new BigDecimal("1")));
            SimClient c = new SimClient(sim.baseUrl(), null);
            String sig = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
            SimClient.Response ok = c.raw("POST", "/api/v3/order", DOC_QUERY + "&signature=" + sig, "", DOC_KEY);
            assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
            assertThat(ok.body().path("symbol").asText()).isEqualTo("LTCBTC");
            assertThat(ok.body().path("status").asText()).isEqualTo("NEW");

            String changed = sig.substring(0, 10) + "0" + sig.substring(11);
            SimClient.Response bad = c.raw("POST", "/api/v3/order", DOC_QUERY + "&signature=" + changed, "", DOC_KEY);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.code()).isEqualTo(-1022);
            assertThat(bad.msg()).isEqualTo("Signature for this request is not valid.");

            // the same parameters split into query and body: the signature covers both, glued
            String query = "symbol=LTCBTC&side=BUY&type=LIMIT";
            String body = "timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
            String glued = SimClient.hmac(DOC_SECRET, query + body);
            SimClient.Response split = c.raw("POST", "/api/v3/order", query, body + "&signature=" + glued, DOC_KEY);
            assertThat(split.status()).as(split.body().toString()).isEqualTo(200);

            // the non-ASCII vector: the signature verifies (over the percent-encoded form), the symbol does not
            String nonAscii = "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
            SimClient.Response sym = c.raw("POST", "/api/v3/order", nonAscii
                    + "&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", "", DOC_KEY);
            assertThat(sym.code()).isEqualTo(-1100);
        }
    }

    @Test
    void ed25519SignedRequestOverHttp() {
        SimConfig cfg = SimConfig.defaults().withPort(0).withAdminToken("t").withPriceFeed(new PriceFeed.Manual());
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            KeyPair kp = TestKeys.ed25519();
            String key = sim.createEd25519Account(TestKeys.publicPem(kp), Map.of("USDT", BigDecimal.TEN));
            SimClient c = new SimClient(sim.baseUrl(), null);
            String q = "timestamp=" + System.currentTimeMillis();
            String sig = java.net.URLEncoder.encode(TestKeys.sign(kp, q), java.nio.charset.StandardCharsets.UTF_8);
            SimClient.Response r = c.raw("GET", "/api/v3/account", q + "&signature=" + sig, "", key);
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            assertThat(r.body().path("balances").findValues("asset").stream().map(n -> n.asText()).toList()).contains("USDT");
            r.body().path("balances").forEach(b -> {
                if (b.path("asset").asText().equals("USDT")) {
                    assertThat(b.path("free").asText()).isEqualTo("10.00000000");
                }
            });
            SimClient.Response bad = c.raw("GET", "/api/v3/account", q + "0&signature=" + sig, "", key);
            assertThat(bad.code()).isEqualTo(-1022);
        }
    }
}
