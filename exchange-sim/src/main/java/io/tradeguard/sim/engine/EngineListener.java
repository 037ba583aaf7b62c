package io.tradeguard.sim.engine;

/** Receives the engine's events on the engine's thread, in order; must not call back into the engine. */
@FunctionalInterface
public interface EngineListener {
    EngineListener NONE = e -> { };

    void on(EngineEvent event);
}
