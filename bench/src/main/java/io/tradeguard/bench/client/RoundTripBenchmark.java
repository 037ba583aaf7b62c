package io.tradeguard.bench.client;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Trade;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.RateLimits;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One new order over loopback to the embedded simulator and its answer, one at a time, by our client and by
 * the official Binance Java connector (3.4.1, OkHttp) against the same simulator in the same run. The order is
 * the same on both sides: LIMIT IOC BUY 0.001 BTCUSDT at 50000 (the market is at 60000, so it is validated,
 * matched against nothing, expired and answered), {@code newOrderRespType=RESULT}, HMAC-signed. Ours goes
 * through {@code BinanceSpotVenue.submit} (Apache HttpClient 5 classic on the calling thread via
 * {@code BlockingHttp}, response parsed into an {@code OrderUpdate});
 * the official one through {@code Trade.newOrder} (the response is returned as a String, unparsed).
 * SampleTime gives the percentiles; orders/s of one caller is 1 / mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoundTripBenchmark {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private ExchangeSimulator sim;
    private BinanceSpotVenue ours;
    private Trade official;
    private long ids;

    @Setup(Level.Trial)
    public void start() throws Exception {
        SimConfig config = SimConfig.defaults().withPort(0).withPriceFeed(new PriceFeed.Manual())
                .withRateLimits(new RateLimits(1_000_000_000, 1_000_000_000, 1_000_000_000, 3, 120));
        sim = ExchangeSimulator.start(config);
        sim.setPrice("BTCUSDT", new BigDecimal("60000"));
        SimAccount a = sim.createAccount(Map.of("USDT", new BigDecimal("1000000000")));
        SimAccount b = sim.createAccount(Map.of("USDT", new BigDecimal("1000000000")));
        ours = BinanceSpotVenue.connect(SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                ApiCredentials.hmac(a.apiKey(), a.secretKey())));
        official = new SpotClientImpl(b.apiKey(), b.secretKey(), sim.baseUrl()).createTrade();
        warmUp();
    }

    /**
     * A fork starts a cold simulator and two cold clients; their mean per order falls from ~10 ms to below 1 ms
     * over the first 12–20 s (ours needs about twice as long as the connector: HttpClient 5 and the JSON into
     * OrderUpdate are more code to compile). Without this, {@code bench/run --quick} (1 s warm-up) measured the
     * JIT, not the clients. Both clients get the same warm-up, whichever method the fork measures.
     */
    private void warmUp() throws Exception {
        long seconds = Long.getLong("tradeguard.bench.roundtrip.warmupSeconds", 10);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - until < 0) {
            for (int i = 0; i < 50; i++) {
                ours();
                official();
            }
        }
    }

    @Benchmark
    public SubmitResult ours() throws Exception {
        OrderRequest order = new OrderRequest(Market.SPOT, BTC, Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
                new BigDecimal("0.001"), null, new BigDecimal("50000"), null, null, null, null, false, false,
                ClientOrderId.of("rt-o-" + (++ids)));
        SubmitResult result = ours.submit(order);
        if (!(result instanceof SubmitResult.Accepted)) {
            throw new IllegalStateException("our order was not accepted: " + result);
        }
        return result;
    }

    @Benchmark
    public String official() {
        LinkedHashMap<String, Object> p = new LinkedHashMap<>();
        p.put("symbol", "BTCUSDT");
        p.put("side", "BUY");
        p.put("type", "LIMIT");
        p.put("timeInForce", "IOC");
        p.put("quantity", "0.001");
        p.put("price", "50000");
        p.put("newClientOrderId", "rt-x-" + (++ids));
        p.put("newOrderRespType", "RESULT");
        return official.newOrder(p);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        ours.close();
        sim.close();
    }
}
