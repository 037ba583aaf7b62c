package io.tradeguard.binance.rest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoding's shortcut for plain values gives exactly what URLEncoder gives, and a copy stays separate. */
class ParamsEncodingTest {

    private static String viaUrlEncoder(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void plainAndSpecialValuesEncodeAsUrlEncoderDoes() {
        List<String> cases = List.of("", "BTCUSDT", "0.00100000", "-1.5", "tg-x-1_a.b*c", "a b", "a+b", "a=b&c", "x~y",
                "1/2", "tg:x", "日本", "é", "%", "[\"BTCUSDT\",\"ETHUSDT\"]", "line\nbreak", "😀");
        for (String c : cases) {
            assertThat(Params.encode(c)).as(c).isEqualTo(viaUrlEncoder(c));
        }
    }

    @Test
    void randomValuesEncodeAsUrlEncoderDoes() {
        Random random = new Random(11);
        String alphabet = "aZ09.-*_ +=&%~/:?#[]\"'é日\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                s.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('A' + random.nextInt(26)));
            }
            assertThat(Params.encode(s.toString())).as(s.toString()).isEqualTo(viaUrlEncoder(s.toString()));
        }
    }

    @Test
    void aCopyCanGrowWithoutTouchingTheOriginal() {
        Params order = Params.of().add("symbol", "BTCUSDT").add("quantity", new BigDecimal("0.010")).add("newClientOrderId", "a b");
        Params sent = order.copy().add("recvWindow", 5000).add("timestamp", 1_700_000_000_000L);
        assertThat(order.encoded()).isEqualTo("symbol=BTCUSDT&quantity=0.010&newClientOrderId=a%20b");
        assertThat(sent.encoded()).isEqualTo(
                "symbol=BTCUSDT&quantity=0.010&newClientOrderId=a%20b&recvWindow=5000&timestamp=1700000000000");
        for (int i = 0; i < 30; i++) { // grows past its first capacity
            sent.add("k" + i, i);
        }
        assertThat(sent.entries()).hasSize(35);
        assertThat(order.entries()).hasSize(3);
    }
}
