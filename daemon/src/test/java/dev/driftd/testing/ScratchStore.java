package dev.driftd.testing;

import dev.driftd.config.StoreConfig;

import java.nio.file.Path;

/**
 * The daemon's store for a test, of either kind the daemon supports: {@code h2} (a file in the
 * test's directory) or {@code postgres} (a scratch database, dropped on close).
 */
public final class ScratchStore implements AutoCloseable {
    private final StoreConfig config;
    private final TestDatabase database;

    private ScratchStore(StoreConfig config, TestDatabase database) {
        this.config = config;
        this.database = database;
    }

    public static ScratchStore of(String kind, Path dir) {
        if (kind.equals("h2")) {
            return new ScratchStore(new StoreConfig("jdbc:h2:file:" + dir.resolve("driftd"), null, null,
                    StoreConfig.DEFAULT_RETENTION), null);
        }
        TestDatabase db = TestDatabases.postgres().createDatabase("driftd_store");
        return new ScratchStore(new StoreConfig(db.url(), null, null, StoreConfig.DEFAULT_RETENTION), db);
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
