package io.tradeguard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The database behind the journal: a pool on SQLite (a file, WAL, full fsync on commit) or PostgreSQL,
 * migrated by Flyway on open with one set of migrations for both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The default store: one SQLite file (created with its directory when missing). */
    public static Database sqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the directory of the database file " + file + ": " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    /** Opens and migrates the database at this JDBC URL (jdbc:sqlite:… or jdbc:postgresql:…). */
    public static Database open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("tradeguard-" + dialect.name().toLowerCase());
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (dialect == Dialect.SQLITE) {
            // one writer at a time anyway; WAL lets readers in, FULL makes each commit survive power loss
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
        } else {
            config.setMaximumPoolSize(4);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The journal on this database. */
    public JdbcJournal journal() {
        return new JdbcJournal(this);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
