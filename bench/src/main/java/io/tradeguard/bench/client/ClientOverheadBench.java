package io.tradeguard.bench.client;

import com.binance.connector.client.enums.HttpMethod;
import com.binance.connector.client.utils.ParameterChecker;
import com.binance.connector.client.utils.RequestBuilder;
import com.binance.connector.client.utils.UrlBuilder;
import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.auth.Ed25519Signer;
import io.tradeguard.binance.auth.HmacSha256Signer;
import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.RateGate;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.SentRequest;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.spot.BinanceSpotRest;
import io.tradeguard.binance.spot.SpotOrderParams;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the client adds to every order before the network: core request → wire parameters → timestamp,
 * recvWindow and HMAC signature → encoded body → JDK request. Nothing is sent.
 *
 * <p>The peer, in the same run: {@link #officialBuildSignSerialize} runs the official Binance Java connector
 * (io.github.binance:binance-connector-java 3.4.1) through the same steps its {@code Trade.newOrder} →
 * {@code RequestHandler.sendSignedRequest} takes before OkHttp's {@code newCall}: the caller's parameter map,
 * its parameter checks, {@code timestamp}, the query string, its HMAC-SHA256 signature, the full URL and the
 * OkHttp {@code Request} with the API key header — each step a public method of the connector, called in
 * the order its bytecode calls them; only its {@code logger.info} of the URL and the network call are left
 * out. Compare it with {@link #buildSignSerializeHttpRequest}, which ends with the JDK request.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/cp.txt
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) org.openjdk.jmh.Main ClientOverheadBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientOverheadBench {
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private OrderRequest order;
    private RestTransport transport;
    private HmacSha256Signer hmac;
    private Ed25519Signer ed25519;
    private String payload;
    private HmacSignatureGenerator officialSigner;

    @Setup
    public void setup() throws Exception {
        order = OrderRequest.simple(Market.SPOT, Symbol.of("BTCUSDT"), Side.BUY, OrderType.LIMIT,
                new BigDecimal("0.01234"), new BigDecimal("50000.01"), ClientOrderId.of("tg-bench-000001"));
        ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofDays(1));
        clock.record(System.currentTimeMillis(), System.currentTimeMillis(), System.currentTimeMillis());
        RateGate gate = new RateGate(clock, 0.9, Duration.ZERO, e -> { });
        transport = new RestTransport(URI.create("http://127.0.0.1:1"), RestTransport.defaultHttpClient(),
                ApiCredentials.hmac("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", SECRET),
                clock, gate, RestTransport.Settings.defaults(), null);
        hmac = new HmacSha256Signer(SECRET);
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ed25519 = new Ed25519Signer(keys.getPrivate());
        officialSigner = new HmacSignatureGenerator(SECRET);
        payload = SpotOrderParams.newOrder(order).encoded() + "&recvWindow=5000&timestamp=1736393892000";
    }

    /** Core order → wire parameters, encoded. */
    @Benchmark
    public String buildParams() {
        return SpotOrderParams.newOrder(order).encoded();
    }

    /** HMAC-SHA256 of a typical order payload (hex). */
    @Benchmark
    public String signHmac() {
        return hmac.sign(payload);
    }

    /** Ed25519 of the same payload (base64), for comparison. */
    @Benchmark
    public String signEd25519() {
        return ed25519.sign(payload);
    }

    /** The whole per-order overhead up to the bytes: build, timestamp, sign, encode. */
    @Benchmark
    public SentRequest buildSignSerialize() {
        Params params = SpotOrderParams.newOrder(order);
        return transport.prepare(BinanceSpotRest.NEW_ORDER, params, null);
    }

    /** The same plus the JDK HttpRequest the client hands to the socket. */
    @Benchmark
    public HttpRequest buildSignSerializeHttpRequest() {
        Params params = SpotOrderParams.newOrder(order);
        return transport.toHttp(transport.prepare(BinanceSpotRest.NEW_ORDER, params, null));
    }

    /** The official connector's per-order work up to the OkHttp request (see the class comment). */
    @Benchmark
    public okhttp3.Request officialBuildSignSerialize() {
        LinkedHashMap<String, Object> p = new LinkedHashMap<>();
        p.put("symbol", "BTCUSDT");
        p.put("side", "BUY");
        p.put("type", "LIMIT");
        p.put("timeInForce", "GTC");
        p.put("quantity", "0.01234");
        p.put("price", "50000.01");
        p.put("newClientOrderId", "tg-bench-000001");
        p.put("newOrderRespType", "RESULT");
        p.put("recvWindow", 5000);
        ParameterChecker.checkParameter(p, "symbol", String.class);
        ParameterChecker.checkParameter(p, "side", String.class);
        ParameterChecker.checkParameter(p, "type", String.class);
        p.putIfAbsent("timestamp", UrlBuilder.buildTimestamp());
        p.put("signature", officialSigner.getSignature(UrlBuilder.joinQueryParameters(p)));
        String url = UrlBuilder.buildFullUrl("http://127.0.0.1:1", "/api/v3/order", p);
        return RequestBuilder.buildApiKeyRequest(url, HttpMethod.POST, "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A");
    }
}
