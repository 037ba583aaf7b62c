package io.tradeguard.bench.client;

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
import org.HdrHistogram.Histogram;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Loopback round trips of the real client against the embedded simulator, one at a time: an order POST
 * (LIMIT IOC below the market: validated, matched, expired, answered) and an order query (GET, signed).
 * Percentiles from HdrHistogram, in microseconds.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/cp.txt
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) io.tradeguard.bench.client.LoopbackRoundTrip 2000 10000
 * </pre>
 */
public final class LoopbackRoundTrip {
    private LoopbackRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        SimConfig config = SimConfig.defaults().withPort(0).withAdminToken("bench").withPriceFeed(new PriceFeed.Manual())
                .withRateLimits(new RateLimits(10_000_000, 10_000_000, 100_000_000, 3, 120));
        try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
            sim.setPrice("BTCUSDT", new BigDecimal("60000"));
            SimAccount account = sim.createAccount(Map.of("USDT", new BigDecimal("100000000")));
            SpotVenueConfig venueConfig = SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                    ApiCredentials.hmac(account.apiKey(), account.secretKey()));
            try (BinanceSpotVenue venue = BinanceSpotVenue.connect(venueConfig)) {
                Histogram orders = new Histogram(60_000_000L, 3);
                Histogram queries = new Histogram(60_000_000L, 3);
                run(venue, warmup, new Histogram(60_000_000L, 3), new Histogram(60_000_000L, 3), "w");
                run(venue, measured, orders, queries, "m");
                print("order POST (LIMIT IOC, RESULT)", orders);
                print("order query GET", queries);
            }
        }
    }

    private static void run(BinanceSpotVenue venue, int n, Histogram orders, Histogram queries, String tag) throws Exception {
        Symbol btc = Symbol.of("BTCUSDT");
        for (int i = 0; i < n; i++) {
            ClientOrderId id = ClientOrderId.of("rt-" + tag + "-" + i);
            OrderRequest order = new OrderRequest(Market.SPOT, btc, Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
                    new BigDecimal("0.001"), null, new BigDecimal("50000"), null, null, null, null, false, false, id);
            long start = System.nanoTime();
            SubmitResult result = venue.submit(order);
            orders.recordValue((System.nanoTime() - start) / 1_000);
            if (!(result instanceof SubmitResult.Accepted)) {
                throw new IllegalStateException("order " + i + " not accepted: " + result);
            }
            start = System.nanoTime();
            venue.queryById(btc, ((SubmitResult.Accepted) result).order().venueOrderId());
            queries.recordValue((System.nanoTime() - start) / 1_000);
        }
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%-32s n=%d  p50=%d us  p90=%d us  p99=%d us  p99.9=%d us  max=%d us%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
