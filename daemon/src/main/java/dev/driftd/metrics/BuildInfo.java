package dev.driftd.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What was built: the project version and git revision Maven wrote into
 * {@code dev/driftd/build-info.properties} at build time (resource filtering, the revision from
 * git-commit-id-maven-plugin), and the Java runtime running it. One source for
 * {@code driftd_build_info} and {@code driftd version}, so the two never disagree.
 *
 * @param version  the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param revision the full git commit id, with {@code -dirty} when the work tree had uncommitted
 *                 changes; {@code unknown} when built outside a git checkout
 * @param java     the running JVM's {@code java.runtime.version}
 */
public record BuildInfo(String version, String revision, String java) {
    static final String RESOURCE = "/dev/driftd/build-info.properties";
    static final String UNKNOWN = "unknown";

    private static final BuildInfo CURRENT = load();

    /** The build of the running code. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unreadable: every field reads "unknown" rather than failing the daemon or the CLI
        }
        String revision = filled(p.getProperty("revision"));
        if (!revision.equals(UNKNOWN) && "true".equals(p.getProperty("dirty"))) {
            revision += "-dirty";
        }
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version", UNKNOWN));
        return new BuildInfo(filled(p.getProperty("version")), revision, java);
    }

    /** A value the build did not fill in (no git, an IDE build) still reads ${...}: that is "unknown". */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
    }
}
