package io.tradeguard.app.signals;

import io.tradeguard.core.signal.SeenSignals;

import java.io.IOException;
import java.util.List;

/** Keeps the snapshot of taken signal ids across restarts, so a signal delivered again after a restart is still a duplicate. */
public interface SeenSignalsStore {

    List<SeenSignals.Entry> load() throws IOException;

    /** Replaces the stored snapshot; when it returns, the ids survive a crash. */
    void save(List<SeenSignals.Entry> snapshot) throws IOException;
}
