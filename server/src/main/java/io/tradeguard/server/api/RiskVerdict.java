package io.tradeguard.server.api;

import java.util.List;

/**
 * The risk engine's judgement of one order.
 *
 * @param score 0 (no risk) to 100
 * @param rules every rule that was evaluated, passed or not
 */
public record RiskVerdict(boolean approved, int score, List<RuleResult> rules) {
    public RiskVerdict {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("risk score must be 0-100, was " + score);
        }
        rules = List.copyOf(rules);
        if (approved && rules.stream().anyMatch(r -> !r.passed())) {
            throw new IllegalArgumentException("an approved verdict cannot contain a failed rule");
        }
    }

    public List<RuleResult> failed() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }
}
