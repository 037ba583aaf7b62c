package io.tradeguard.server.auth;

import com.password4j.Password;

import java.security.SecureRandom;
import java.util.Objects;

/** Argon2id hashing (password4j, parameters in {@code psw4j.properties}) and generated passwords. */
public final class Passwords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private final SecureRandom random = new SecureRandom();
    /** Checked when the user does not exist, so that a miss costs as long as a wrong password. */
    private final String decoyHash;

    public Passwords() {
        this.decoyHash = hash(generate());
    }

    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return Password.hash(password).addRandomSalt(16).withArgon2().getResult();
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return Password.check(password, hash).withArgon2();
    }

    /** Burns the time of one check; used when the username is unknown. */
    public void checkDecoy(String password) {
        matches(password == null ? "" : password, decoyHash);
    }

    /** 20 characters from an unambiguous alphabet: about 116 bits. */
    public String generate() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
