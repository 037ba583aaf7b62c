package io.tradeguard.core.risk;

import java.util.List;

/**
 * The risk score 0–100 of an order, from how much of each limit it uses.
 *
 * <p>For every rule that measured something, the utilisation u = actual / limit (limit / actual for a
 * minimum) is clamped to 0..1. Then
 * <pre>  score = ceil(100 × (0.8 × max(u) + 0.2 × mean(u)))</pre>
 * and a rejected order scores 100. The tightest limit dominates (an order at any limit scores at least
 * 80, "dangerous"); the mean adds the pressure of many half-used limits. The score never falls when any
 * one utilisation rises. Below 50 is safe, above 80 dangerous. A protective exit, which no entry rule
 * measures, scores 0.
 */
final class RiskScore {
    static final int SAFE_BELOW = 50;
    static final int DANGEROUS_ABOVE = 80;
    private static final int FULL = 10_000;

    private RiskScore() {
    }

    static int of(List<RuleResult> results) {
        long max = 0;
        long sum = 0;
        int count = 0;
        for (RuleResult result : results) {
            Measure measure;
            switch (result) {
                case RuleResult.Rejected rejected -> {
                    return 100;
                }
                case RuleResult.Skipped skipped -> {
                    continue;
                }
                case RuleResult.Passed passed -> measure = passed.measure();
                case RuleResult.Adjusted adjusted -> measure = adjusted.measure();
                case RuleResult.ConvertedToLimit converted -> measure = converted.measure();
            }
            int u = Math.min(FULL, measure.utilisationBps());
            max = Math.max(max, u);
            sum += u;
            count++;
        }
        return count == 0 ? 0 : fromUtilisations(max, sum, count);
    }

    /** The formula above on utilisations in basis points (0..10 000). */
    static int fromUtilisations(long maxBps, long sumBps, int count) {
        long numerator = 80 * maxBps * count + 20 * sumBps;
        long denominator = (long) FULL * count;
        return (int) Math.min(100, Math.ceilDiv(numerator, denominator));
    }
}
