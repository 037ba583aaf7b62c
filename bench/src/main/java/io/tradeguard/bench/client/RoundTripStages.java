package io.tradeguard.bench.client;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Trade;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.RateGate;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.SentRequest;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.spot.BinanceSpotRest;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.spot.SpotOrderParams;
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
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.HdrHistogram.Histogram;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where the time of one order round trip goes: the same signed LIMIT IOC order sent, in turn, by the pieces
 * that differ between our client and the official connector, against one simulator in one run, interleaved so
 * that machine noise falls on every stage alike. Stages: a blocking socket on the caller's thread (the floor:
 * what the simulator itself takes); the JDK HttpClient with the order in the body (as our transport sent it)
 * and in the query (as the connector sends it); OkHttp and Apache HttpClient 5 classic with our signed body;
 * {@code RestTransport.call} over the JDK client and over {@code BlockingHttp} (gate, clock, signing, weight
 * headers, JSON); our full {@code BinanceSpotVenue.submit}; the official {@code Trade.newOrder}.
 * Percentiles in microseconds.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.tradeguard.bench.client.RoundTripStages 1000 3000
 * </pre>
 */
public final class RoundTripStages {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private RoundTripStages() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        SimConfig config = SimConfig.defaults().withPort(0).withPriceFeed(new PriceFeed.Manual())
                .withRateLimits(new RateLimits(1_000_000_000, 1_000_000_000, 1_000_000_000, 3, 120));
        try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
            sim.setPrice("BTCUSDT", new BigDecimal("60000"));
            SimAccount a = sim.createAccount(Map.of("USDT", new BigDecimal("1000000000")));
            SimAccount b = sim.createAccount(Map.of("USDT", new BigDecimal("1000000000")));
            URI base = URI.create(sim.baseUrl());
            ApiCredentials credentials = ApiCredentials.hmac(a.apiKey(), a.secretKey());
            ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofDays(1));
            long now = System.currentTimeMillis();
            clock.record(now, now, now); // one process, one clock
            RateGate gate = new RateGate(clock, 0.9, Duration.ZERO, e -> { });
            gate.limits(1_000_000_000, 1_000_000_000, 1_000_000_000); // the simulator's, as exchangeInfo tells the venue
            RestTransport jdkTransport = new RestTransport(base, RestTransport.defaultHttpClient(), credentials, clock,
                    gate, RestTransport.Settings.defaults(), null);
            io.tradeguard.binance.rest.BlockingHttp blocking = io.tradeguard.binance.rest.BlockingHttp.create();
            RestTransport transport = new RestTransport(base, blocking, credentials, clock, gate,
                    RestTransport.Settings.defaults(), null);
            HttpClient jdk = RestTransport.defaultHttpClient();
            OkHttpClient ok = new OkHttpClient();
            org.apache.hc.client5.http.impl.classic.CloseableHttpClient apache =
                    org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                            .setConnectionManager(org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                                    .setDefaultSocketConfig(org.apache.hc.core5.http.io.SocketConfig.custom().setTcpNoDelay(true).build())
                                    .build())
                            .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().build();
            Trade official = new SpotClientImpl(b.apiKey(), b.secretKey(), sim.baseUrl()).createTrade();
            try (BinanceSpotVenue venue = BinanceSpotVenue.connect(SpotVenueConfig.of(
                    BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()), credentials));
                 Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setTcpNoDelay(true);
                InputStream socketIn = new java.io.BufferedInputStream(socket.getInputStream());
                long[] ids = {0};
                Map<String, Callable<Object>> stages = new LinkedHashMap<>();
                stages.put("socket, caller thread (floor)", () -> rawSocket(socket, socketIn, base, credentials,
                        transport.prepare(BinanceSpotRest.NEW_ORDER, order("s", ++ids[0]), null)));
                stages.put("JDK HttpClient, body", () -> expectOk(jdk.send(
                        transport.toHttp(transport.prepare(BinanceSpotRest.NEW_ORDER, order("j", ++ids[0]), null)),
                        HttpResponse.BodyHandlers.ofString()).statusCode()));
                stages.put("JDK HttpClient, query", () -> {
                    SentRequest body = transport.prepare(BinanceSpotRest.NEW_ORDER, order("q", ++ids[0]), null);
                    return expectOk(jdk.send(transport.toHttp(new SentRequest(body.method(), body.path(), body.body(), "")),
                            HttpResponse.BodyHandlers.ofString()).statusCode());
                });
                stages.put("OkHttp, body", () -> {
                    SentRequest r = transport.prepare(BinanceSpotRest.NEW_ORDER, order("k", ++ids[0]), null);
                    okhttp3.Request request = new okhttp3.Request.Builder().url(base.resolve(r.path()).toString())
                            .header("X-MBX-APIKEY", credentials.apiKey())
                            .post(RequestBody.create(r.body(), MediaType.get("application/x-www-form-urlencoded")))
                            .build();
                    try (okhttp3.Response response = ok.newCall(request).execute()) {
                        response.body().string();
                        return expectOk(response.code());
                    }
                });
                stages.put("Apache HttpClient 5 classic, body", () -> {
                    SentRequest r = transport.prepare(BinanceSpotRest.NEW_ORDER, order("a", ++ids[0]), null);
                    var request = org.apache.hc.core5.http.io.support.ClassicRequestBuilder.post(base.resolve(r.path()))
                            .addHeader("X-MBX-APIKEY", credentials.apiKey())
                            .setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(r.body(),
                                    org.apache.hc.core5.http.ContentType.APPLICATION_FORM_URLENCODED))
                            .build();
                    return apache.execute(request, response -> {
                        org.apache.hc.core5.http.io.entity.EntityUtils.toString(response.getEntity());
                        return expectOk(response.getCode());
                    });
                });
                stages.put("transport.call, JDK HttpClient", () -> jdkTransport.call(BinanceSpotRest.NEW_ORDER, order("u", ++ids[0])));
                stages.put("transport.call, BlockingHttp (ours)", () -> transport.call(BinanceSpotRest.NEW_ORDER, order("t", ++ids[0])));
                stages.put("venue.submit (ours)", () -> {
                    SubmitResult result = venue.submit(new OrderRequest(Market.SPOT, BTC, Side.BUY, OrderType.LIMIT,
                            TimeInForce.IOC, new BigDecimal("0.001"), null, new BigDecimal("50000"), null, null, null,
                            null, false, false, ClientOrderId.of("rt-v-" + (++ids[0]))));
                    if (!(result instanceof SubmitResult.Accepted)) {
                        throw new IllegalStateException("not accepted: " + result);
                    }
                    return result;
                });
                stages.put("official Trade.newOrder", () -> {
                    LinkedHashMap<String, Object> p = new LinkedHashMap<>();
                    p.put("symbol", "BTCUSDT");
                    p.put("side", "BUY");
                    p.put("type", "LIMIT");
                    p.put("timeInForce", "IOC");
                    p.put("quantity", "0.001");
                    p.put("price", "50000");
                    p.put("newClientOrderId", "rt-x-" + (++ids[0]));
                    p.put("newOrderRespType", "RESULT");
                    return official.newOrder(p);
                });
                List<String> names = List.copyOf(stages.keySet());
                Map<String, Histogram> hist = new LinkedHashMap<>();
                names.forEach(n -> hist.put(n, new Histogram(60_000_000L, 3)));
                for (int round = 0; round < warmup + measured; round++) {
                    for (String name : names) {     // interleaved: noise falls on every stage alike
                        long start = System.nanoTime();
                        stages.get(name).call();
                        long micros = (System.nanoTime() - start) / 1_000;
                        if (round >= warmup) {
                            hist.get(name).recordValue(micros);
                        }
                    }
                }
                System.out.printf("load average %s%n", new String(java.nio.file.Files.readAllBytes(
                        java.nio.file.Path.of("/proc/loadavg"))).trim());
                hist.forEach((name, h) -> System.out.printf("%-34s n=%d  p50=%6d us  p90=%6d us  p99=%6d us  min=%5d us%n",
                        name, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                        h.getValueAtPercentile(99), h.getMinValue()));
            }
        }
    }

    private static Params order(String tag, long id) {
        return SpotOrderParams.newOrder(new OrderRequest(Market.SPOT, BTC, Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
                new BigDecimal("0.001"), null, new BigDecimal("50000"), null, null, null, null, false, false,
                ClientOrderId.of("rt-" + tag + "-" + id)));
    }

    private static int expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("status " + status);
        }
        return status;
    }

    /** HTTP/1.1 by hand on a kept-alive socket: one write of the request, a buffered read of exactly one answer. */
    private static int rawSocket(Socket socket, InputStream in, URI base, ApiCredentials credentials, SentRequest r) throws Exception {
        byte[] body = r.body().getBytes(StandardCharsets.US_ASCII);
        String head = "POST " + r.path() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nX-MBX-APIKEY: " + credentials.apiKey()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        out.write(all);
        out.flush();
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IllegalStateException("closed");
            }
            headers.append((char) c);
        }
        String text = headers.toString();
        int status = Integer.parseInt(text.substring(9, 12));
        int length = -1;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IllegalStateException("no Content-Length: " + text);
        }
        in.readNBytes(length);
        return expectOk(status);
    }
}
