package io.tradeguard.server.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One risk rule's verdict on an order.
 *
 * @param rule    machine name, e.g. {@code max_position_size}
 * @param message a sentence a person understands
 * @param limit   the configured limit, when the rule has one
 * @param actual  the value the order would reach, when the rule measures one
 */
public record RuleResult(String rule, boolean passed, String message, BigDecimal limit, BigDecimal actual) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
