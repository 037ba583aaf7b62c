package io.tradeguard.app.signals;

import io.tradeguard.core.signal.Signal;

/**
 * Where taken signals go: the engine wiring implements it by posting a signal command to the engine,
 * which decides (SignalDecider), records the decision and trades. Signals arrive valid and already
 * de-duplicated against the intake's {@link io.tradeguard.core.signal.SeenSignals}. Must not block for
 * long; throwing means "not taken", and the intake records that as the signal's fate.
 */
@FunctionalInterface
public interface SignalSink {
    void accept(Signal signal);
}
