package io.tradeguard.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Keeps each secret base64-encoded in {@code <dir>/<name>.key}, mode 600. */
public final class FileSecretStore implements SecretStore {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    public FileSecretStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized byte[] getOrCreate(String name, int length) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret name must be lower-case letters, digits and '-'");
        }
        if (length < 32) {
            throw new IllegalArgumentException("a key shorter than 32 bytes is too weak for HMAC-SHA256");
        }
        Path file = dir.resolve(name + ".key");
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
                if (key.length < length) {
                    throw new IllegalStateException("the secret in " + file + " is shorter than " + length + " bytes; delete it to generate a new one");
                }
                return key;
            }
            byte[] key = new byte[length];
            random.nextBytes(key);
            PrivateFiles.write(file, Base64.getEncoder().encode(key));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }
}
