package io.tradeguard.app.alerts;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The alert part of the service configuration: which channels exist (Telegram, SMTP e-mail, webhook), which
 * kinds go where, the rate limit, and the monitor's thresholds. Secrets (the bot token, the SMTP password,
 * the webhook's Authorization value) come from the environment only and never appear in {@link #toString}.
 *
 * @param telegram empty when no chat is configured
 * @param email    empty when no SMTP host is configured
 * @param webhook  empty when no URL is configured
 */
public record AlertConfig(Optional<Telegram> telegram, Optional<EmailNotifier.SmtpSettings> email, Optional<Webhook> webhook,
                          AlertSettings delivery, AlertMonitor.Rules rules) {

    /** Configuration keys (YAML, dotted) this part reads besides {@code alerts.events.<kind>}. */
    public static final List<String> KEYS = List.of("alerts.connection-lost-seconds", "alerts.daily-loss-warning-pct",
            "alerts.large-fill-usd", "alerts.max-per-window", "alerts.window-seconds",
            "alerts.telegram.chat-id", "alerts.telegram.base-url",
            "alerts.email.host", "alerts.email.port", "alerts.email.from", "alerts.email.to", "alerts.email.username",
            "alerts.email.starttls", "alerts.webhook.url");
    public static final String EVENTS_PREFIX = "alerts.events.";
    public static final String BOT_TOKEN_ENV = "TRADEGUARD_TELEGRAM_BOT_TOKEN";
    public static final String SMTP_PASSWORD_ENV = "TRADEGUARD_SMTP_PASSWORD";
    public static final String WEBHOOK_AUTHORIZATION_ENV = "TRADEGUARD_WEBHOOK_AUTHORIZATION";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public record Telegram(URI baseUrl, String chatId, String botToken) {
        @Override
        public String toString() {
            return "Telegram[" + baseUrl + ", chat " + chatId + "]";
        }
    }

    /** @param authorization the Authorization header value, or null */
    public record Webhook(URI url, String authorization) {
        @Override
        public String toString() {
            return "Webhook[" + url + (authorization == null ? "" : ", with Authorization") + "]";
        }
    }

    /**
     * Reads and checks the alert configuration.
     *
     * @param value    a setting by its dotted key (the caller applies environment-over-file precedence), or null when not set
     * @param env     the environment, for the secrets
     * @param kindKeys the {@code alerts.events.*} keys that were given (each must name a known kind)
     * @throws IllegalArgumentException naming the key, the value and the rule
     */
    public static AlertConfig resolve(Function<String, String> value, Map<String, String> env, Set<String> kindKeys) {
        Optional<Telegram> telegram = Optional.empty();
        String chat = value.apply("alerts.telegram.chat-id");
        String token = secret(env, BOT_TOKEN_ENV);
        if (chat != null) {
            if (token == null) {
                throw new IllegalArgumentException("alerts.telegram.chat-id is set but the bot token is missing: set "
                        + BOT_TOKEN_ENV + " in the environment (secrets are never read from the configuration file)");
            }
            URI base = url("alerts.telegram.base-url", Optional.ofNullable(value.apply("alerts.telegram.base-url"))
                    .orElse(TelegramNotifier.PRODUCTION.toString()));
            telegram = Optional.of(new Telegram(base, chat.strip(), token));
        } else if (token != null) {
            throw new IllegalArgumentException(BOT_TOKEN_ENV + " is set but alerts.telegram.chat-id is not: "
                    + "the bot needs the chat to write to");
        }

        Optional<EmailNotifier.SmtpSettings> email = Optional.empty();
        String host = value.apply("alerts.email.host");
        if (host != null) {
            int port = integer("alerts.email.port", Optional.ofNullable(value.apply("alerts.email.port")).orElse("587"), 1, 65535);
            String from = required(value, "alerts.email.from", "the sender address of alert e-mails");
            String toText = required(value, "alerts.email.to", "one or more recipient addresses, comma separated");
            List<String> to = new ArrayList<>();
            for (String t : toText.split(",")) {
                if (!t.isBlank()) {
                    to.add(t.strip());
                }
            }
            String user = value.apply("alerts.email.username");
            String password = secret(env, SMTP_PASSWORD_ENV);
            if (user != null && password == null) {
                throw new IllegalArgumentException("alerts.email.username is set but the password is missing: set "
                        + SMTP_PASSWORD_ENV + " in the environment (secrets are never read from the configuration file)");
            }
            boolean startTls = bool("alerts.email.starttls", Optional.ofNullable(value.apply("alerts.email.starttls")).orElse("true"));
            email = Optional.of(new EmailNotifier.SmtpSettings(host.strip(), port, user, user == null ? null : password,
                    startTls, from.strip(), to, TIMEOUT));
            new EmailNotifier(email.get()); // checks the addresses now, not at the first alert
        }

        Optional<Webhook> webhook = Optional.empty();
        String hook = value.apply("alerts.webhook.url");
        if (hook != null) {
            webhook = Optional.of(new Webhook(url("alerts.webhook.url", hook), secret(env, WEBHOOK_AUTHORIZATION_ENV)));
        }

        Set<Channel> configured = EnumSet.noneOf(Channel.class);
        telegram.ifPresent(t -> configured.add(Channel.TELEGRAM));
        email.ifPresent(e -> configured.add(Channel.EMAIL));
        webhook.ifPresent(w -> configured.add(Channel.WEBHOOK));
        AlertSettings delivery = AlertSettings.everyKindTo(configured);
        for (String key : kindKeys) {
            AlertKind kind = kind(key);
            delivery = delivery.withRoute(kind, channels(key, value.apply(key), configured));
        }
        int perWindow = integer("alerts.max-per-window", Optional.ofNullable(value.apply("alerts.max-per-window")).orElse("5"), 1, 1000);
        int windowSeconds = integer("alerts.window-seconds", Optional.ofNullable(value.apply("alerts.window-seconds")).orElse("600"), 1, 86_400);
        delivery = delivery.withRateLimit(perWindow, Duration.ofSeconds(windowSeconds));

        AlertMonitor.Rules defaults = AlertMonitor.Rules.defaults();
        int lostSeconds = integer("alerts.connection-lost-seconds", Optional.ofNullable(value.apply("alerts.connection-lost-seconds"))
                .orElse(String.valueOf(defaults.connectionLostAfter().toSeconds())), 1, 86_400);
        BigDecimal lossPct = decimal("alerts.daily-loss-warning-pct", Optional.ofNullable(value.apply("alerts.daily-loss-warning-pct"))
                .orElse(defaults.dailyLossWarningPct().toPlainString()));
        BigDecimal largeFill = decimal("alerts.large-fill-usd", Optional.ofNullable(value.apply("alerts.large-fill-usd"))
                .orElse(defaults.largeFillNotional().toPlainString()));
        AlertMonitor.Rules rules;
        try {
            rules = new AlertMonitor.Rules(Duration.ofSeconds(lostSeconds), lossPct, largeFill);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alerts: " + e.getMessage());
        }
        return new AlertConfig(telegram, email, webhook, delivery, rules);
    }

    /** The channels that exist; empty when alerts only go to the log. */
    public Set<Channel> channels() {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        telegram.ifPresent(t -> out.add(Channel.TELEGRAM));
        email.ifPresent(e -> out.add(Channel.EMAIL));
        webhook.ifPresent(w -> out.add(Channel.WEBHOOK));
        return out;
    }

    /** The secret values this configuration holds, for the sanitiser. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        telegram.ifPresent(t -> out.add(t.botToken()));
        email.map(EmailNotifier.SmtpSettings::password).ifPresent(out::add);
        webhook.map(Webhook::authorization).ifPresent(out::add);
        return out;
    }

    /** A started dispatcher for the configured channels. */
    public AlertDispatcher dispatcher(SecretSanitizer sanitizer, InstantSource clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        List<Notifier> notifiers = new ArrayList<>();
        telegram.ifPresent(t -> notifiers.add(new TelegramNotifier(t.baseUrl(), t.botToken(), t.chatId(), http, TIMEOUT)));
        email.ifPresent(e -> notifiers.add(new EmailNotifier(e)));
        webhook.ifPresent(w -> notifiers.add(new WebhookNotifier(w.url(),
                w.authorization() == null ? Map.of() : Map.of("Authorization", w.authorization()), http, TIMEOUT)));
        return new AlertDispatcher(notifiers, delivery, sanitizer, clock).start();
    }

    /** How a kind is named in the configuration: {@code kill-switch}, {@code large-fill}. */
    public static String wireName(AlertKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("telegram", telegram.map(Telegram::toString).orElse("off"));
        shown.put("email", email.map(Object::toString).orElse("off"));
        shown.put("webhook", webhook.map(Webhook::toString).orElse("off"));
        shown.put("rules", rules);
        return "AlertConfig" + shown;
    }

    private static AlertKind kind(String key) {
        String name = key.substring(EVENTS_PREFIX.length());
        for (AlertKind k : AlertKind.values()) {
            if (wireName(k).equals(name)) {
                return k;
            }
        }
        List<String> known = new ArrayList<>();
        for (AlertKind k : AlertKind.values()) {
            known.add(wireName(k));
        }
        throw new IllegalArgumentException("configuration key '" + key + "': no such alert; known: " + String.join(", ", known));
    }

    private static Set<Channel> channels(String key, String text, Set<Channel> configured) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.isEmpty()) {
            return out;
        }
        for (String part : v.split(",")) {
            String name = part.strip();
            Channel channel = switch (name) {
                case "telegram" -> Channel.TELEGRAM;
                case "email", "e-mail" -> Channel.EMAIL;
                case "webhook" -> Channel.WEBHOOK;
                default -> throw new IllegalArgumentException("configuration key '" + key + "' value '" + text
                        + "': channels are telegram, email, webhook (comma separated) or none");
            };
            if (!configured.contains(channel)) {
                throw new IllegalArgumentException("configuration key '" + key + "' sends to " + name
                        + ", but that channel is not configured (alerts." + (channel == Channel.EMAIL ? "email.host" :
                        channel == Channel.TELEGRAM ? "telegram.chat-id" : "webhook.url") + ")");
            }
            out.add(channel);
        }
        return out;
    }

    private static String secret(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.strip().length() < SecretSanitizer.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(name + " is shorter than " + SecretSanitizer.MIN_SECRET_LENGTH
                    + " characters; such a value cannot be kept out of alerts reliably");
        }
        return v.strip();
    }

    private static String required(Function<String, String> value, String key, String what) {
        String v = value.apply(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("alerts.email.host is set, so " + key + " is needed: " + what);
        }
        return v;
    }

    private static URI url(String key, String text) {
        try {
            URI u = URI.create(text.strip().replaceAll("/+$", ""));
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' value '" + text + "': must be an http or https URL");
        }
    }

    private static int integer(String key, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' value '" + text + "': must be a whole number from "
                    + min + " to " + max);
        }
    }

    private static BigDecimal decimal(String key, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' value '" + text + "': must be a number");
        }
    }

    private static boolean bool(String key, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("configuration key '" + key + "' value '" + text + "': must be true or false");
        };
    }
}
