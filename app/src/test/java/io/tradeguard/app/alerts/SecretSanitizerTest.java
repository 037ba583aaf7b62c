package io.tradeguard.app.alerts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradeguard.app.alerts.AlertFixtures.API_SECRET;
import static io.tradeguard.app.alerts.AlertFixtures.BOT_TOKEN;
import static io.tradeguard.app.alerts.AlertFixtures.SMTP_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSanitizerTest {

    private final SecretSanitizer sanitizer = new SecretSanitizer(List.of(API_SECRET, BOT_TOKEN, SMTP_PASSWORD));

    @Test
    void knownSecretsDisappearWhereverTheyAppear() {
        String dirty = "login failed with " + SMTP_PASSWORD + "; signing used" + API_SECRET + "x; url bot" + BOT_TOKEN + "/send";
        String clean = sanitizer.clean(dirty);
        assertThat(clean).doesNotContain(SMTP_PASSWORD, API_SECRET, BOT_TOKEN, "AAHdqTcvCH1");
        assertThat(clean).startsWith("login failed with ***; signing used***x; url bot***/send");
    }

    @Test
    void unknownSecretsAreMaskedByTheirShape() {
        var blank = new SecretSanitizer(List.of());
        assertThat(blank.clean("token 987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw here"))
                .isEqualTo("token *** here");
        assertThat(blank.clean("Authorization: Bearer abc.def-123")).doesNotContain("abc.def-123");
        assertThat(blank.clean("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.sig_part-1 end"))
                .isEqualTo("jwt *** end");
        assertThat(blank.clean("key " + "A1b2".repeat(16) + " was rejected")).isEqualTo("key *** was rejected");
        assertThat(blank.clean("apiKey=abcd1234 secret: \"s3cr3t\" password=pw1"))
                .doesNotContain("abcd1234", "s3cr3t", "pw1");
    }

    @Test
    void ordinaryTradingTextIsLeftAsItIs() {
        String text = "Daily loss 5.2% (-520.10 USDT) reached the limit 5%; BTCUSDT LONG 0.004 @ 50000 closed";
        assertThat(sanitizer.clean(text)).isEqualTo(text);
    }

    @Test
    void theTitleIsCleanedToo() {
        Alert clean = sanitizer.clean(AlertFixtures.killSwitch("body " + API_SECRET)
                .withText("title " + SMTP_PASSWORD, "body " + API_SECRET));
        assertThat(clean.title()).isEqualTo("title ***");
        assertThat(clean.body()).isEqualTo("body ***");
    }

    @Test
    void aLongBodyIsCutOnlyAfterItsSecretsAreGone() {
        // the secret straddles the cut: cutting first would leave its first half readable
        String body = "x".repeat(Alert.MAX_BODY - 30) + API_SECRET + "y".repeat(100);
        Alert clean = sanitizer.clean(AlertFixtures.killSwitch(body));
        assertThat(clean.body()).hasSizeLessThanOrEqualTo(Alert.MAX_BODY).endsWith("…")
                .doesNotContain(API_SECRET.substring(0, 20));
    }

    @Test
    void aSecretTooShortToMaskIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> new SecretSanitizer(List.of("abc")))
                .hasMessage("a secret shorter than 6 characters cannot be masked reliably; use a longer one");
    }
}
