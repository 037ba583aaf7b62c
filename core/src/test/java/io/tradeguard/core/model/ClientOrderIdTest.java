package io.tradeguard.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written check accepts exactly what Binance's pattern accepts. */
class ClientOrderIdTest {

    @Test
    void theHandCheckAgreesWithThePatternOnEdgeCases() {
        List<String> cases = List.of("", "a", "A.b:c/d_e-f", "x".repeat(36), "x".repeat(37), "tg-x-1", "has space",
                "tab\t", "new\n", "trail\n", "ümlaut", "a+b", "a=b", "a%20", "a#b", "a?b", "@", "~", "[", "`", "{", "0123456789",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijk");
        for (String c : cases) {
            assertThat(ClientOrderId.valid(c)).as("'%s'", c).isEqualTo(ClientOrderId.VALID.matcher(c).matches());
        }
        assertThat(ClientOrderId.valid(null)).isFalse();
        assertThat(ClientOrderId.valid("trail\n")).isFalse(); // '$' would match before a final line break; matches() does not
    }

    @Test
    void theHandCheckAgreesWithThePatternOnRandomText() {
        Random random = new Random(42);
        String alphabet = "aZ09.:/_-+ =%\n\t#~`[]{}@!é\u0000\u00ffxyzXYZ";
        for (int n = 0; n < 20_000; n++) {
            int length = random.nextInt(40);
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                // mostly allowed characters, so long valid ids are common too
                s.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            String text = s.toString();
            assertThat(ClientOrderId.valid(text)).as("'%s'", text).isEqualTo(ClientOrderId.VALID.matcher(text).matches());
        }
    }

    @Test
    void anInvalidIdIsRefusedWithTheRule() {
        assertThatThrownBy(() -> ClientOrderId.of("x".repeat(37))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-36 characters");
        assertThatThrownBy(() -> ClientOrderId.of("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientOrderId.of("tg-x-1").value()).isEqualTo("tg-x-1");
    }
}
