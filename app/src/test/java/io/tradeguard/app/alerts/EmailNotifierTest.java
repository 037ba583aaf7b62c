package io.tradeguard.app.alerts;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

import static io.tradeguard.app.alerts.AlertFixtures.API_SECRET;
import static io.tradeguard.app.alerts.AlertFixtures.SMTP_PASSWORD;
import static io.tradeguard.app.alerts.AlertFixtures.killSwitch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailNotifierTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private EmailNotifier.SmtpSettings settings(String user, String password) {
        return new EmailNotifier.SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), user, password, false,
                "tradeguard@example.org", List.of("owner@example.org"), Duration.ofSeconds(5));
    }

    @Test
    void aKillSwitchAlertArrivesAsAnEmailWithoutTheSecretsInIt() throws Exception {
        smtp.setUser("tradeguard", SMTP_PASSWORD);
        var notifier = new EmailNotifier(settings("tradeguard", SMTP_PASSWORD));
        var sanitizer = new SecretSanitizer(List.of(API_SECRET, SMTP_PASSWORD));
        try (var alerts = new AlertDispatcher(List.of(notifier), AlertSettings.everyKindTo(Set.of(Channel.EMAIL)),
                sanitizer, InstantSource.system()).start()) {

            alerts.publish(killSwitch("Daily loss -5.1% reached the 5% limit. Signed with " + API_SECRET));

            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        }
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[tradeguard] CRITICAL KILL_SWITCH: Kill switch tripped");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("owner@example.org");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Daily loss -5.1% reached the 5% limit. Signed with ***");
        assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain(API_SECRET, SMTP_PASSWORD);
    }

    @Test
    void aWrongPasswordIsAPermanentFailure() {
        smtp.setUser("tradeguard", SMTP_PASSWORD);
        var notifier = new EmailNotifier(settings("tradeguard", "wrong-password"));
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(DeliveryException.class,
                () -> notifier.send(new AlertMessage(killSwitch("x"), 0)));
        assertThat(thrown.retryable()).isFalse();
        assertThat(thrown.getMessage()).isEqualTo("smtp login refused");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertThat(settings("u", SMTP_PASSWORD).toString()).doesNotContain(SMTP_PASSWORD);
    }
}
