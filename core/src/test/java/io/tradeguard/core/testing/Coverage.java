package io.tradeguard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share of a property's examples that reached a case: a property that passes only because its generator
 * rarely reaches the interesting case proves little, so the test fails when the share is too small.
 */
public final class Coverage {
    private final String what;
    private int examples;
    private int hits;

    public Coverage(String what) {
        this.what = what;
    }

    /** Counts one example, and whether it reached the case. */
    public void record(boolean hit) {
        examples++;
        if (hit) {
            hits++;
        }
    }

    /** Fails unless at least {@code percent} % of the recorded examples reached the case. */
    public void requireAtLeast(double percent) {
        assertThat(examples).as("examples recorded for \"%s\"", what).isPositive();
        assertThat(100.0 * hits / examples).as("%% of %d examples where %s", examples, what).isGreaterThanOrEqualTo(percent);
    }

    @Override
    public String toString() {
        return what + ": " + hits + " of " + examples;
    }
}
