package io.tradeguard.app.signals;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells when a file in the inbox has stopped changing: its size and modification time were the same at
 * two looks at least {@code settle} apart. A writer still appending changes one or the other, which
 * restarts the wait. Owned by the intake's single worker thread.
 */
final class SettleTracker {

    private record Look(long size, FileTime modified, Instant since) {
    }

    private final Duration settle;
    private final Map<Path, Look> looks = new HashMap<>();

    SettleTracker(Duration settle) {
        this.settle = settle;
    }

    /** Records this look; true when the file has looked like this for at least the settle time. */
    boolean settled(Path file, long size, FileTime modified, Instant now) {
        Look last = looks.get(file);
        if (last == null || last.size() != size || !last.modified().equals(modified)) {
            looks.put(file, new Look(size, modified, now));
            return false;
        }
        return !Duration.between(last.since(), now).minus(settle).isNegative();
    }

    /** How long the file has looked unchanged; zero when it is not tracked. */
    Duration unchangedFor(Path file, Instant now) {
        Look last = looks.get(file);
        return last == null ? Duration.ZERO : Duration.between(last.since(), now);
    }

    void forget(Path file) {
        looks.remove(file);
    }

    /** Drops files that disappeared from the inbox (taken away by someone else). */
    void retainOnly(Set<Path> present) {
        looks.keySet().retainAll(present);
    }
}
