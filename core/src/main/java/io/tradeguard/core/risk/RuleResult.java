package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One rule's decision on one order. Sentences are built when read, not on the hot path.
 */
public sealed interface RuleResult {

    RuleId rule();

    /** A sentence a person understands. */
    String reason();

    /** Within the limit. */
    record Passed(RuleId rule, Measure measure) implements RuleResult {
        public Passed {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(measure, "measure");
        }

        @Override
        public String reason() {
            return rule.label() + ": " + measure.sentence() + ".";
        }
    }

    /** Over the limit; the largest quantity within it (on the lot step) is {@code quantity}. */
    record Adjusted(RuleId rule, Measure measure, BigDecimal requested, BigDecimal quantity) implements RuleResult {
        public Adjusted {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(quantity, "quantity");
            if (quantity.signum() <= 0 || quantity.compareTo(requested) >= 0) {
                throw new IllegalArgumentException("an adjusted quantity must be positive and below the requested one");
            }
        }

        @Override
        public String reason() {
            return rule.label() + ": " + measure.sentence() + "; quantity reduced from "
                    + requested.stripTrailingZeros().toPlainString() + " to "
                    + quantity.stripTrailingZeros().toPlainString() + ".";
        }
    }

    /** A market order over the slippage limit, to be sent as a limit order at {@code limitPrice}. */
    record ConvertedToLimit(RuleId rule, Measure measure, BigDecimal limitPrice) implements RuleResult {
        public ConvertedToLimit {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(limitPrice, "limitPrice");
        }

        @Override
        public String reason() {
            return rule.label() + ": " + measure.sentence() + "; sent as a limit order at "
                    + limitPrice.stripTrailingZeros().toPlainString() + " instead of at market.";
        }
    }

    /**
     * Refused.
     *
     * @param measure what was measured, or null when nothing could be (an empty book)
     */
    record Rejected(RuleId rule, Measure measure, String why) implements RuleResult {
        public Rejected {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String reason() {
            return measure == null ? rule.label() + ": " + why + "."
                    : rule.label() + ": " + measure.sentence() + "; " + why + ".";
        }
    }

    /** Not evaluated: switched off, not applicable to this order, or the order is a protective exit. */
    record Skipped(RuleId rule, Why why) implements RuleResult {
        public enum Why { SWITCHED_OFF, NOT_APPLICABLE, PROTECTIVE_EXIT }

        public Skipped {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String reason() {
            return rule.label() + ": " + switch (why) {
                case SWITCHED_OFF -> "limit switched off.";
                case NOT_APPLICABLE -> "does not apply to this order.";
                case PROTECTIVE_EXIT -> "not checked, protective exits are never blocked.";
            };
        }
    }
}
