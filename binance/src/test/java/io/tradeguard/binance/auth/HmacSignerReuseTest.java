package io.tradeguard.binance.auth;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The signer reuses one Mac between calls: every signature is still that of a fresh Mac, on any thread. */
class HmacSignerReuseTest {
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private static String fresh(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneCallAfterAnotherSignsEachPayloadOnItsOwn() throws Exception {
        HmacSha256Signer signer = new HmacSha256Signer(SECRET);
        for (int i = 0; i < 200; i++) {
            String payload = "symbol=BTCUSDT&quantity=" + i + "&timestamp=" + (1_700_000_000_000L + i);
            assertThat(signer.sign(payload)).isEqualTo(fresh(payload));
        }
        assertThat(signer.sign("")).isEqualTo(fresh(""));
    }

    @Test
    void callsOnSeveralThreadsAtOnceEachGetTheirOwnSignature() throws Exception {
        HmacSha256Signer signer = new HmacSha256Signer(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String payload = "thread=" + thread + "&i=" + i;
                        if (!signer.sign(payload).equals(fresh(payload))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
