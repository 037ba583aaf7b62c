package io.tradeguard.server.api;

import io.tradeguard.server.auth.Principal;

import java.util.List;

/** What {@code /api/signals} needs from the engine's signal intake. */
public interface SignalApi {
    Outcome<SignalDecision> submit(Principal by, Signal signal);

    /** Newest first, at most {@code limit}. */
    List<SignalDecision> recent(int limit);
}
