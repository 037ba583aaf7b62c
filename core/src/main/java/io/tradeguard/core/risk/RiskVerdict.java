package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer of the pre-trade check: every rule's result, what may be sent, and the risk score.
 *
 * @param quantity   the quantity to send (the requested one, or less when a rule reduced it); null when rejected
 * @param limitPrice set when a market order must go out as a limit order at this price (slippage); else null
 * @param score      0–100, under 50 safe, over 80 dangerous (see {@link RiskScore})
 */
public record RiskVerdict(Decision decision, List<RuleResult> results, BigDecimal quantity, BigDecimal limitPrice,
                          int score) {

    public enum Decision {
        /** Send as requested. */
        APPROVED,
        /** Send with the reduced quantity and/or as a limit order; the adjusting rules say why. */
        ADJUSTED,
        /** Send nothing; the rejecting rules say why. */
        REJECTED
    }

    public RiskVerdict {
        Objects.requireNonNull(decision, "decision");
        results = List.copyOf(results);
        if ((decision == Decision.REJECTED) != (quantity == null)) {
            throw new IllegalArgumentException("a rejected verdict has no quantity, any other one has");
        }
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0..100, was " + score);
        }
    }

    public boolean approved() {
        return decision != Decision.REJECTED;
    }

    public List<RuleResult> rejections() {
        return results.stream().filter(r -> r instanceof RuleResult.Rejected).toList();
    }

    public RuleResult result(RuleId rule) {
        for (RuleResult result : results) {
            if (result.rule() == rule) {
                return result;
            }
        }
        throw new IllegalArgumentException("no result for " + rule);
    }

    public boolean safe() {
        return score < RiskScore.SAFE_BELOW;
    }

    public boolean dangerous() {
        return score > RiskScore.DANGEROUS_ABOVE;
    }

    /** One paragraph for a person: the decision and the reasons that shaped it. */
    public String summary() {
        return switch (decision) {
            case APPROVED -> "Approved (risk score " + score + ").";
            case ADJUSTED -> "Approved with changes (risk score " + score + "): " + results.stream()
                    .filter(r -> r instanceof RuleResult.Adjusted || r instanceof RuleResult.ConvertedToLimit)
                    .map(RuleResult::reason).collect(Collectors.joining(" "));
            case REJECTED -> "Rejected: " + rejections().stream().map(RuleResult::reason).collect(Collectors.joining(" "));
        };
    }
}
