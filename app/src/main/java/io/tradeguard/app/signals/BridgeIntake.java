package io.tradeguard.app.signals;

import io.tradeguard.app.signals.SignalFileParser.InvalidSignalFile;
import io.tradeguard.core.signal.SeenSignals;
import io.tradeguard.core.signal.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes signal files from the bridge inbox. Each {@code *.json} file is read once it has stopped changing,
 * parsed, checked against the taken ids, handed to the sink, and moved with a reason file to
 * {@code processed/} or {@code rejected/}. Files named {@code *.tmp} or starting with a dot are left alone:
 * writers should write those and rename them to {@code *.json} when done.
 *
 * <p>Delivery is at most once: the id is recorded (and saved) before the sink sees the signal, so a crash
 * in between can lose a signal but never trade it twice. After a restart, files still in the inbox are
 * taken as usual; one whose id was already taken goes to {@code rejected/} as a duplicate.
 *
 * <p>One worker thread does all the work; the WatchService only makes it look sooner, and the periodic
 * rescan catches what the watch misses (overflow, network file systems) and gives settling files their
 * second look.
 */
public final class BridgeIntake implements AutoCloseable {

    /**
     * @param settle          how long a file must look unchanged before it is read
     * @param rescanInterval  how often the inbox is listed even without a watch event
     * @param incompleteGrace how long a settled file whose JSON ends early may still grow before it is rejected
     * @param maxFileBytes    larger files are rejected unread
     */
    public record Settings(Duration settle, Duration rescanInterval, Duration incompleteGrace, int maxFileBytes) {
        public Settings {
            for (Duration d : new Duration[] {settle, rescanInterval, incompleteGrace}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("bridge timings must be positive, got " + d);
                }
            }
            if (maxFileBytes < 64) {
                throw new IllegalArgumentException("max signal file size must be at least 64 bytes, got " + maxFileBytes);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(10), 64 * 1024);
        }
    }

    static final String SOURCE = "bridge";
    private static final Logger log = LoggerFactory.getLogger(BridgeIntake.class);

    private final BridgeFolder folder;
    private final Settings settings;
    private final SeenSignals seen;
    private final SeenSignalsStore seenStore;
    private final SignalSink sink;
    private final InstantSource clock;
    private final SignalFileParser parser = new SignalFileParser();
    private final SettleTracker settling;
    private final FileMover mover;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private WatchService watch;
    private Thread watchThread;

    public BridgeIntake(BridgeFolder folder, Settings settings, SeenSignals seen, SeenSignalsStore seenStore,
                        SignalSink sink, InstantSource clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seen = Objects.requireNonNull(seen, "seen");
        this.seenStore = Objects.requireNonNull(seenStore, "seenStore");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settling = new SettleTracker(settings.settle());
        this.mover = new FileMover(clock);
        this.worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bridge-intake").daemon().factory());
    }

    /** Creates the folders, starts watching and scanning. */
    public BridgeIntake start() throws IOException {
        folder.create();
        watch = folder.inbox().getFileSystem().newWatchService();
        folder.inbox().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        watchThread = Thread.ofVirtual().name("bridge-watch").start(this::watchLoop);
        worker.scheduleWithFixedDelay(this::scanSafely, 0, settings.rescanInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("bridge folder intake watching {}", folder.inbox());
        return this;
    }

    private void watchLoop() {
        try {
            while (true) {
                var key = watch.take();
                key.pollEvents();
                key.reset();
                if (scanQueued.compareAndSet(false, true)) {
                    worker.execute(this::scanSafely);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException | java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void scanSafely() {
        scanQueued.set(false);
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            log.error("bridge folder scan failed; retrying at the next scan: {}", e.toString());
        }
    }

    /** One pass over the inbox; runs on the worker thread only. */
    void scan() throws IOException {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder.inbox())) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith(".") && Files.isRegularFile(p)) {
                    candidates.add(p);
                }
            }
        }
        candidates.sort(null); // name order, so a batch is taken in a predictable order
        settling.retainOnly(new HashSet<>(candidates));
        for (Path file : candidates) {
            takeIfReady(file);
        }
    }

    private void takeIfReady(Path file) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        if (!settling.settled(file, before.size(), before.lastModifiedTime(), clock.instant())) {
            return;
        }
        if (before.size() > settings.maxFileBytes()) {
            finish(file, false, "the file has " + before.size() + " bytes; a signal file may have at most "
                    + settings.maxFileBytes());
            return;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(settings.maxFileBytes() + 1);
        }
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        if (after.size() != bytes.length || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            settling.settled(file, after.size(), after.lastModifiedTime(), clock.instant()); // written meanwhile: wait again
            return;
        }
        Signal signal;
        try {
            signal = parser.parse(bytes, SOURCE, before.lastModifiedTime().toInstant());
        } catch (InvalidSignalFile e) {
            if (e.incomplete() && settling.unchangedFor(file, clock.instant()).compareTo(settings.incompleteGrace()) < 0) {
                return; // a writer that paused mid-document; give it the grace period
            }
            finish(file, false, e.getMessage());
            return;
        }
        take(file, signal);
    }

    private void take(Path file, Signal signal) throws IOException {
        if (!seen.firstSighting(signal.id(), clock.instant())) {
            finish(file, false, "duplicate: signal id " + signal.id() + " was already taken");
            return;
        }
        try {
            seenStore.save(seen.snapshot(clock.instant()));
        } catch (IOException e) {
            log.error("could not save the taken signal ids: {}", e.toString());
            finish(file, false, "not traded: the signal id could not be saved (" + e.getMessage()
                    + "), and without it a restart could trade this signal twice");
            return;
        }
        try {
            sink.accept(signal);
        } catch (RuntimeException e) {
            log.warn("signal {} from {} was not taken: {}", signal.id(), file.getFileName(), e.toString());
            finish(file, false, "the engine did not take the signal: " + e.getMessage());
            return;
        }
        finish(file, true, "taken as signal " + signal.id() + ": " + signal.direction() + " " + signal.symbol() + " "
                + signal.market().wireName() + ", confidence " + signal.confidence().toPlainString()
                + " (the engine records its decision)");
    }

    private void finish(Path file, boolean taken, String reason) throws IOException {
        settling.forget(file);
        Path moved = mover.moveWithReason(file, taken ? folder.processed() : folder.rejected(), taken, reason);
        if (taken) {
            log.info("bridge signal {} taken, moved to {}", file.getFileName(), moved);
        } else {
            log.warn("bridge signal {} rejected ({}), moved to {}", file.getFileName(), reason, moved);
        }
    }

    @Override
    public void close() {
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (IOException e) {
            log.warn("closing the bridge watch: {}", e.toString());
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
            if (watchThread != null) {
                watchThread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
