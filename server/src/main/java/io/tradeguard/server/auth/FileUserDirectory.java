package io.tradeguard.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Users in a small text file (one {@code username role hash} line each, mode 600), for running without a
 * database; the store module's JDBC directory replaces it. Reads the file once; every change rewrites it.
 */
public final class FileUserDirectory implements UserDirectory {
    private final Path file;
    private final Map<Username, User> users = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

    public FileUserDirectory(Path file) {
        this.file = file;
        load();
    }

    @Override
    public synchronized Optional<User> find(Username username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public synchronized void save(User user) {
        users.put(user.username(), user);
        StringBuilder out = new StringBuilder("# tradeguard users: username role argon2id-hash\n");
        for (User u : users.values()) {
            out.append(u.username()).append(' ').append(u.role().wireName()).append(' ').append(u.passwordHash()).append('\n');
        }
        try {
            PrivateFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user file " + file, e);
        }
    }

    @Override
    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user file " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected 'username role hash'");
                }
                User user = new User(Username.of(parts[0]), Role.parse(parts[1]), parts[2]);
                users.put(user.username(), user);
            } catch (IllegalArgumentException e) {
                // the message names the line, never its content: the line holds a hash
                throw new IllegalStateException("the user file " + file + " is damaged at line " + (i + 1) + ": " + e.getMessage());
            }
        }
    }
}
