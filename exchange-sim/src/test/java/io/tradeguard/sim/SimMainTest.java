package io.tradeguard.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The standalone command: prints where it listens and the admin token first, then serves until stopped. */
class SimMainTest {

    @Test
    void startsOnAFreePortPrintsItAndServes() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = Thread.ofVirtual().start(() -> exit.set(SimMain.run(new String[]{"--port", "0", "--feed", "manual",
                "--symbols", "BTCUSDT,ETHUSDT"}, out, stop)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> buf.toString(StandardCharsets.UTF_8).contains("admin token: "));
        String text = buf.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertThat(lines[0]).startsWith("tradeguard-sim listening on http://127.0.0.1:");
        Matcher m = Pattern.compile("listening on (http://127.0.0.1:\\d+)").matcher(lines[0]);
        assertThat(m.find()).isTrue();
        String token = lines[1].substring("admin token: ".length()).trim();
        assertThat(token).hasSizeGreaterThanOrEqualTo(16);
        SimClient c = new SimClient(m.group(1), null);
        assertThat(c.get("/api/v3/exchangeInfo").body().path("symbols")).hasSize(2);
        assertThat(c.admin("GET", "/sim/v1/state", token, null).status()).isEqualTo(200);
        stop.countDown();
        t.join(10_000);
        assertThat(exit.get()).isZero();
    }

    @Test
    void helpAndBadArguments() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertThat(SimMain.run(new String[]{"--help"}, out, new CountDownLatch(0))).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("--admin-token", "--port", "--seed", "--symbols");
        assertThat(SimMain.run(new String[]{"--symbols", "DOGEUSDT", "--port", "0"}, out, new CountDownLatch(0))).isEqualTo(2);
        assertThat(SimMain.run(new String[]{"--port", "notaport"}, out, new CountDownLatch(0))).isEqualTo(2);
    }
}
