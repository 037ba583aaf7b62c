package io.tradeguard.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback converter (`%maskedMsg`) that blanks the value of anything named like a secret or a signature,
 * so that a careless log call elsewhere still cannot leak a key into a log file.
 */
public final class SecretMaskingConverter extends MessageConverter {

    // name=value, name: value, "name":"value", and the API key header; names matched case-insensitively
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\"?(?:[a-z_\\-]*secret[a-z_\\-]*|signature|password|passwd|api[_\\-]?key|apikey|x-mbx-apikey|"
                    + "token|authorization|admin[_\\-]?token|listenkey|private[_\\-]?key)\"?\\s*[=:]\\s*\"?)"
                    + "(?:Bearer\\s+)?([^\\s\"&,;}]+)");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher m = SECRET.matcher(message);
        if (!m.find()) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)) + "***");
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
