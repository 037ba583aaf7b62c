package io.tradeguard.binance.auth;

import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.SignedPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors of binance-api.md §2 and SIGNING-VECTORS.md (copied to src/test/resources/vectors). */
class SigningVectorsTest {
    private static final String SPOT_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String SPOT_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    @Test
    void official_spot_rest_example() {
        Params params = Params.of().add("symbol", "LTCBTC").add("side", "BUY").add("type", "LIMIT")
                .add("timeInForce", "GTC").add("quantity", new java.math.BigDecimal("1")).add("price", new java.math.BigDecimal("0.1"))
                .add("recvWindow", 5000).add("timestamp", 1499827319559L);
        assertThat(params.encoded()).isEqualTo(
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        SignedPayload signed = SignedPayload.sign(params.encoded(), "", new HmacSha256Signer(SPOT_SECRET));
        assertThat(signed.query()).endsWith("&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(signed.body()).isEmpty();
    }

    @Test
    void non_ascii_symbol_is_percent_encoded_before_signing() {
        Params params = Params.of().add("symbol", "１２３４５６").add("side", "BUY").add("type", "LIMIT")
                .add("timeInForce", "GTC").add("quantity", "1").add("price", "0.1")
                .add("recvWindow", 5000).add("timestamp", 1499827319559L);
        assertThat(params.encoded()).startsWith("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY");
        assertThat(new HmacSha256Signer(SPOT_SECRET).sign(params.encoded()))
                .isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    void official_futures_example_and_the_glued_query_plus_body_case() {
        var signer = new HmacSha256Signer("2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9");
        assertThat(signer.sign("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"))
                .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
        SignedPayload signed = SignedPayload.sign("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943", signer);
        assertThat(signed.query()).isEqualTo("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC");
        assertThat(signed.body()).isEqualTo("quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"
                + "&signature=30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4");
    }

    @Test
    void websocket_api_payload_is_sorted_and_includes_the_api_key() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("side", "SELL");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "0.01000000");
        params.put("price", "52000.00");
        params.put("recvWindow", "100");
        params.put("timestamp", "1645423376532");
        params.put("apiKey", SPOT_API_KEY);
        params.put("signature", "ignored");
        String payload = WsApiPayload.of(params);
        assertThat(payload).isEqualTo("apiKey=" + SPOT_API_KEY + "&price=52000.00&quantity=0.01000000&recvWindow=100"
                + "&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
        assertThat(new HmacSha256Signer(SPOT_SECRET).sign(payload))
                .isEqualTo("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24");
    }

    @Test
    void ed25519_test_key() throws IOException {
        var signer = Ed25519Signer.fromPem(resource("test-ed25519-prv-key.pem"));
        assertThat(signer.sign("timestamp=1736393892000"))
                .isEqualTo("1KohSdsEYUHEO2qTbkkjbmFdufaUTF9dKat6oUwE2RHT+zThFX4i1MMeNC5nqH0Eya07jbRN9/Lq1HaTgjD2Aw==");
        // in a query the base64 is URL-encoded
        SignedPayload signed = SignedPayload.sign("timestamp=1736393892000", "", signer);
        assertThat(signed.query()).isEqualTo("timestamp=1736393892000&signature="
                + "1KohSdsEYUHEO2qTbkkjbmFdufaUTF9dKat6oUwE2RHT%2BzThFX4i1MMeNC5nqH0Eya07jbRN9%2FLq1HaTgjD2Aw%3D%3D");
    }

    @Test
    void rsa_test_key() throws IOException {
        var signer = RsaSigner.fromPem(resource("test-rsa-prv-key.pem"));
        assertThat(signer.sign("timestamp=1736393892000")).isEqualTo(
                "dmfJCWBD/6umdoUkRniOlyxvHo4eZaFRarnva+ElB7kAfLdWa8AcwSyiDS13WZZmKIbCKHanbkfzjoZCTUzd10PpA2hX+uvAPaRYQh460eLZfaKF3fg30gSa9PRwsGR/DcUDI415rafzoDbxOgwRTehSTg7eT7+RWx9iv2V8GWW+fVULu406XoWv7jfffXdP28GiuKBS40XZScb4vgINlaSkMyAlMhwrLnXp5+Oga84uOlb6UFvClXa8CaL5Sn3xExc5YT6fKYcGZby5Hntdb1EmXglK3RwZqJiP4PsCcigciw7NIHB12gXMrkpcqi9STokCzdXXzfN5BQSeC26UcQ==");
    }

    @Test
    void keys_never_print() throws IOException {
        var credentials = ApiCredentials.hmac(SPOT_API_KEY, SPOT_SECRET);
        assertThat(credentials.toString()).doesNotContain(SPOT_API_KEY.substring(0, 8)).doesNotContain(SPOT_SECRET.substring(0, 8));
        assertThat(Ed25519Signer.fromPem(resource("test-ed25519-prv-key.pem")).toString()).doesNotContain("MC4C");
        assertThatThrownBy(() -> Ed25519Signer.fromPem("-----BEGIN PRIVATE KEY-----\nnot-base64!\n-----END PRIVATE KEY-----"))
                .hasMessageNotContaining("not-base64");
    }

    /**
     * The 82 connector vectors: each payload is split into what we send (the query, and for POST-like
     * rows the body after {@code timestamp=…}), rebuilt through {@link Params} so that our encoder must
     * reproduce the exact bytes, and signed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("connectorVectors")
    void connector_hmac_vector(String source, String shape, String payload, String expected) {
        String query;
        String body;
        if (shape.startsWith("query+body")) {
            int split = "timestamp=1736393892000".length();
            query = rebuild(payload.substring(0, split));
            body = rebuild(payload.substring(split));
        } else {
            query = rebuild(payload);
            body = "";
        }
        assertThat(query + body).isEqualTo(payload);
        SignedPayload signed = SignedPayload.sign(query, body, new HmacSha256Signer("secretKey"));
        String sent = body.isEmpty() ? signed.query() : signed.body();
        assertThat(sent).endsWith("signature=" + expected);
    }

    static Stream<Arguments> connectorVectors() throws IOException {
        String csv = resource("binance-connector-java-hmac-vectors.csv");
        var rows = csv.lines().filter(l -> !l.startsWith("#") && !l.startsWith("source,") && !l.isBlank())
                .map(l -> l.split(",", -1))
                .map(f -> Arguments.of(f[0], f[3], f[4], f[5]))
                .toList();
        assertThat(rows).hasSize(82);
        return rows.stream();
    }

    private static String rebuild(String encoded) {
        Params params = Params.of();
        if (!encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                params.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params.encoded();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SigningVectorsTest.class.getResourceAsStream("/vectors/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
