package io.tradeguard.bench.sim;

import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.RateLimits;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import org.HdrHistogram.ConcurrentHistogram;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed REST orders per second over loopback against an in-process simulator: N workers on virtual
 * threads, each with its own account and HTTP client, placing limit orders that alternately rest and
 * cross (so about half of them trade).
 *
 * <pre>
 * ./mvnw -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt -DincludeScope=runtime
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) io.tradeguard.bench.sim.SimRestDriver [workers] [seconds] [order|ping]
 * </pre>
 */
public final class SimRestDriver {
    private SimRestDriver() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        // "ping" measures the HTTP stack alone (unsigned GET /api/v3/ping), as a baseline for the orders
        boolean pingOnly = args.length > 2 && args[2].equals("ping");
        SimConfig cfg = SimConfig.defaults().withPort(0).withPriceFeed(new PriceFeed.Manual())
                .withRateLimits(new RateLimits(1_000_000_000, 1_000_000_000, 1_000_000_000, 3, 120));
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            ConcurrentHistogram latency = new ConcurrentHistogram(3);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long warmupEnd = System.nanoTime() + 3_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                SimAccount acct = sim.createAccount(Map.of("USDT", new BigDecimal("10000000000"), "BTC", new BigDecimal("1000000")));
                int id = w;
                threads.add(Thread.ofVirtual().start(() -> run(sim.baseUrl(), acct, id, pingOnly, warmupEnd, end, latency, ok, failed)));
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf("workers=%d seconds=%d %s: %.0f requests/s (ok=%d, errors=%d)%n", workers, seconds,
                    pingOnly ? "GET /api/v3/ping" : "signed POST /api/v3/order", ok.get() / (double) seconds, ok.get(), failed.get());
            System.out.printf("latency ms: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n",
                    latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(90) / 1e3,
                    latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3, latency.getMaxValue() / 1e3);
        }
    }

    private static void run(String base, SimAccount acct, int worker, boolean pingOnly, long warmupEnd, long end, ConcurrentHistogram latency,
                            AtomicLong ok, AtomicLong failed) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(acct.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long n = 0;
        while (System.nanoTime() < end) {
            n++;
            // alternately rest a GTC order inside the spread and cross the spread with an IOC
            boolean buy = (n + worker) % 2 == 0;
            boolean rest = n % 4 < 2;
            String price = rest ? (buy ? "59990" : "60010") : (buy ? "60015" : "59985");
            String q = "symbol=BTCUSDT&side=" + (buy ? "BUY" : "SELL") + "&type=LIMIT&timeInForce=" + (rest ? "GTC" : "IOC")
                    + "&quantity=0.001&price=" + price + "&newOrderRespType=ACK&timestamp=" + System.currentTimeMillis();
            String sig = HexFormat.of().formatHex(mac.doFinal(q.getBytes(StandardCharsets.UTF_8)));
            HttpRequest req = pingOnly ? HttpRequest.newBuilder(URI.create(base + "/api/v3/ping")).GET().build()
                    : HttpRequest.newBuilder(URI.create(base + "/api/v3/order?" + q + "&signature=" + sig))
                    .header("X-MBX-APIKEY", acct.apiKey()).POST(HttpRequest.BodyPublishers.noBody()).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (t0 >= warmupEnd) {
                    latency.recordValue((t1 - t0) / 1000);
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }
}
