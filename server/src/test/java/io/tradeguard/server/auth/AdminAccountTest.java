package io.tradeguard.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAccountTest {
    final Passwords passwords = new Passwords();

    @Test
    void first_start_creates_admin_with_a_generated_password_stored_only_as_a_hash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/users.txt");
        var outcome = AdminAccount.ensure(new FileUserDirectory(file), passwords, Optional.empty());
        assertThat(outcome).isInstanceOf(AdminAccount.Outcome.CreatedWithGeneratedPassword.class);
        String password = ((AdminAccount.Outcome.CreatedWithGeneratedPassword) outcome).password();
        assertThat(password).hasSize(20);
        assertThat(outcome.toString()).doesNotContain(password);
        assertThat(Files.readString(file)).doesNotContain(password).contains("$argon2id$");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        // a restart reads the same user back and leaves it alone
        FileUserDirectory reloaded = new FileUserDirectory(file);
        assertThat(AdminAccount.ensure(reloaded, passwords, Optional.of("another-password-123"))).isInstanceOf(AdminAccount.Outcome.AlreadyPresent.class);
        User admin = reloaded.find(AdminAccount.ADMIN).orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(passwords.matches(password, admin.passwordHash())).isTrue();
        assertThat(passwords.matches(password + "x", admin.passwordHash())).isFalse();
        assertThat(admin.toString()).doesNotContain("argon2");
    }

    @Test
    void a_given_password_is_used_and_a_short_one_refused(@TempDir Path dir) {
        FileUserDirectory users = new FileUserDirectory(dir.resolve("users.txt"));
        assertThatThrownBy(() -> AdminAccount.ensure(users, passwords, Optional.of("short")))
                .hasMessageContaining("TRADEGUARD_ADMIN_PASSWORD").hasMessageNotContaining("short");
        assertThat(users.isEmpty()).isTrue();
        assertThat(AdminAccount.ensure(users, passwords, Optional.of("a-long-enough-password"))).isInstanceOf(AdminAccount.Outcome.CreatedWithGivenPassword.class);
        assertThat(passwords.matches("a-long-enough-password", users.find(AdminAccount.ADMIN).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void a_damaged_user_file_stops_the_start_without_echoing_hashes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, "admin admin $argon2id$v=19$secretpart\nbob superuser $argon2id$v=19$m=1$abc\n");
        assertThatThrownBy(() -> new FileUserDirectory(file)).hasMessageContaining("line 2").hasMessageNotContaining("secretpart").hasMessageNotContaining("abc");
    }
}
