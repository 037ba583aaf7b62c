package io.tradeguard.app.alerts;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/** Sends alerts as plain-text e-mail over SMTP (optionally with STARTTLS and a login). */
public final class EmailNotifier implements Notifier {

    /**
     * @param username null when the server needs no login
     * @param startTls require STARTTLS (refuse to send in the clear)
     */
    public record SmtpSettings(String host, int port, String username, String password, boolean startTls,
                               String from, List<String> to, Duration timeout) {
        public SmtpSettings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("smtp host is missing");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("smtp port must be from 1 to 65535, was " + port);
            }
            if (username != null && password == null) {
                throw new IllegalArgumentException("smtp username given without a password");
            }
            Objects.requireNonNull(from, "smtp from address is missing");
            if (to == null || to.isEmpty()) {
                throw new IllegalArgumentException("smtp needs at least one recipient");
            }
            to = List.copyOf(to);
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() { // keeps the password out of any log line that prints the settings
            return "SmtpSettings[" + host + ":" + port + ", user " + username + ", from " + from + ", to " + to + "]";
        }
    }

    private final SmtpSettings smtp;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public EmailNotifier(SmtpSettings smtp) {
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        var props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        String millis = String.valueOf(smtp.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
        if (smtp.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(props);
        try {
            this.from = new InternetAddress(smtp.from(), true);
            this.to = new InternetAddress[smtp.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(smtp.to().get(i), true);
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("invalid e-mail address in the smtp settings: " + e.getMessage());
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        try {
            var mail = new MimeMessage(session);
            mail.setFrom(from);
            mail.setRecipients(Message.RecipientType.TO, to);
            mail.setSubject(message.subject(), "UTF-8");
            mail.setSentDate(Date.from(message.alert().time()));
            mail.setText(message.text(), "UTF-8");
            if (smtp.username() != null) {
                Transport.send(mail, smtp.username(), smtp.password());
            } else {
                Transport.send(mail);
            }
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.permanent("smtp login refused");
        } catch (SendFailedException e) {
            throw DeliveryException.permanent("smtp refused the recipients");
        } catch (MessagingException e) {
            // connection refused, timeouts, 4xx greylisting: worth another try
            throw DeliveryException.retryable("smtp delivery failed: " + e.getClass().getSimpleName());
        }
    }
}
