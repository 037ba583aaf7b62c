package io.tradeguard.app.signals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;

/**
 * Moves a finished signal file out of the inbox with its reason beside it. The reason is written first
 * (to a temporary name, then renamed) and the file moved second, so a crash leaves the file in the inbox
 * to be taken again rather than a moved file without its reason. A name already taken in the target gets
 * a counter ({@code a.json} → {@code a.1.json}): an atomic rename would silently replace it.
 */
final class FileMover {

    private final InstantSource clock;

    FileMover(InstantSource clock) {
        this.clock = clock;
    }

    Path moveWithReason(Path file, Path targetDir, boolean taken, String reason) throws IOException {
        String name = freeName(targetDir, file.getFileName().toString());
        Path reasonFile = targetDir.resolve(name + ".reason.txt");
        Path tmp = targetDir.resolve("." + name + ".reason.tmp");
        String text = (taken ? "processed" : "rejected") + " at " + clock.instant() + "\n" + reason + "\n";
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, reasonFile, StandardCopyOption.ATOMIC_MOVE);
        Path target = targetDir.resolve(name);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String freeName(Path dir, String name) {
        if (!taken(dir, name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = stem + "." + n + ext;
            if (!taken(dir, candidate)) {
                return candidate;
            }
        }
    }

    private static boolean taken(Path dir, String name) {
        return Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(name + ".reason.txt"));
    }
}
