package dev.driftd.testing;

import dev.driftd.dialect.DbTarget;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A scratch database a test owns; closing it drops it. */
public final class TestDatabase implements AutoCloseable {
    private final TestServer server;
    private final String name;

    TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public TestServer server() {
        return server;
    }

    public String url() {
        return server.url(name);
    }

    public DbTarget target() {
        return DbTarget.of(url());
    }

    public DbTarget target(String schema) {
        return DbTarget.of(url()).withSchema(schema);
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /**
     * Runs SQL text (several statements allowed: PostgreSQL takes them in one string, the MySQL
     * URL carries allowMultiQueries) and fails the test with the statement on error.
     */
    public TestDatabase execute(String... sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String one : sql) {
                try {
                    s.execute(one);
                } catch (SQLException e) {
                    throw new IllegalStateException("in " + name + ": " + e.getMessage() + "\n  while running: " + one, e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public void close() {
        server.drop(name);
    }

    /**
     * Drops many at once, concurrently: PostgreSQL's DROP DATABASE waits for a checkpoint, and
     * concurrent drops share one, where one after the other each waits for its own.
     */
    public static void closeAll(java.util.Collection<TestDatabase> databases) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(databases.size(), 16)));
        try {
            java.util.List<java.util.concurrent.Future<?>> drops = new java.util.ArrayList<>();
            databases.forEach(db -> drops.add(pool.submit(db::close)));
            for (java.util.concurrent.Future<?> f : drops) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("dropping test databases: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }
}
