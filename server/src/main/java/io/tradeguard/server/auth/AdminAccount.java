package io.tradeguard.server.auth;

import java.util.Optional;

/**
 * The first start's administrator. When the directory has no users it creates {@code admin}, with the
 * given password ({@code TRADEGUARD_ADMIN_PASSWORD}) or a generated one that is returned exactly once so
 * the app can print it; only the hash is stored. An existing directory is left alone.
 */
public final class AdminAccount {
    public static final Username ADMIN = new Username("admin");

    private AdminAccount() {
    }

    /** What {@link #ensure} did. */
    public sealed interface Outcome {
        /** Users existed already; nothing changed. */
        record AlreadyPresent() implements Outcome {
        }

        /** Created with the password the operator gave. */
        record CreatedWithGivenPassword() implements Outcome {
        }

        /** Created with this generated password: show it once, then forget it. */
        record CreatedWithGeneratedPassword(String password) implements Outcome {
            @Override
            public String toString() {
                return "CreatedWithGeneratedPassword[password=***]";
            }
        }
    }

    public static Outcome ensure(UserDirectory users, Passwords passwords, Optional<String> givenPassword) {
        if (!users.isEmpty()) {
            return new Outcome.AlreadyPresent();
        }
        if (givenPassword.isPresent()) {
            String given = givenPassword.get();
            if (given.length() < Passwords.MIN_LENGTH || given.length() > Passwords.MAX_LENGTH) {
                throw new IllegalArgumentException("TRADEGUARD_ADMIN_PASSWORD must have " + Passwords.MIN_LENGTH
                        + " to " + Passwords.MAX_LENGTH + " characters");
            }
            users.save(new User(ADMIN, Role.ADMIN, passwords.hash(given)));
            return new Outcome.CreatedWithGivenPassword();
        }
        String generated = passwords.generate();
        users.save(new User(ADMIN, Role.ADMIN, passwords.hash(generated)));
        return new Outcome.CreatedWithGeneratedPassword(generated);
    }
}
