package io.tradeguard.app.signals;

import io.tradeguard.core.signal.SeenSignals;
import io.tradeguard.core.signal.SignalId;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The seen-ids snapshot as a text file, one {@code <id> <epoch-millis>} per line. Written to a temporary
 * file, forced to disk and renamed over the old one, so a crash leaves either the old or the new snapshot.
 */
public final class SeenSignalsFile implements SeenSignalsStore {

    private final Path file;

    public SeenSignalsFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public List<SeenSignals.Entry> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        var entries = new ArrayList<SeenSignals.Entry>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected '<id> <epoch-millis>'");
                }
                entries.add(new SeenSignals.Entry(SignalId.of(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
            } catch (IllegalArgumentException e) {
                // refusing to start beats silently forgetting which signals were already traded
                throw new IOException(file + " line " + lineNo + " is damaged (" + e.getMessage()
                        + "); fix or remove it to start", e);
            }
        }
        return entries;
    }

    @Override
    public void save(List<SeenSignals.Entry> snapshot) throws IOException {
        var text = new StringBuilder(snapshot.size() * 32);
        for (SeenSignals.Entry e : snapshot) {
            text.append(e.id().value()).append(' ').append(e.seenAt().toEpochMilli()).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
