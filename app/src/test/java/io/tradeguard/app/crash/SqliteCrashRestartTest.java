package io.tradeguard.app.crash;

import java.util.List;

/** The crash tests on the default store: one SQLite file (WAL, full fsync on commit). */
class SqliteCrashRestartTest extends CrashRestartContract {

    @Override
    List<String> database() {
        return List.of("jdbc:sqlite:" + dir.resolve("tradeguard.db").toAbsolutePath(), "-", "-");
    }
}
