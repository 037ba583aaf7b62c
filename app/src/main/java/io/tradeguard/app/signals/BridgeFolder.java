package io.tradeguard.app.signals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bridge folder's layout under the data directory: advisors drop signal files into {@code inbox/};
 * each ends in {@code processed/} or {@code rejected/}, with {@code <name>.reason.txt} beside it.
 */
public record BridgeFolder(Path root) {

    public BridgeFolder {
        Objects.requireNonNull(root, "root");
    }

    public static BridgeFolder under(Path dataDir) {
        return new BridgeFolder(dataDir.resolve("bridge"));
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path processed() {
        return root.resolve("processed");
    }

    public Path rejected() {
        return root.resolve("rejected");
    }

    /** The taken signal ids, so duplicates stay duplicates across restarts. */
    public Path seenIds() {
        return root.resolve("seen-signal-ids.txt");
    }

    /** Creates the folders; all on one file system, so moves between them are atomic renames. */
    public BridgeFolder create() throws IOException {
        Files.createDirectories(inbox());
        Files.createDirectories(processed());
        Files.createDirectories(rejected());
        return this;
    }
}
