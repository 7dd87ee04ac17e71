package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server a MySQL-family connection talks to, read from {@code SELECT VERSION()}: the driver's
 * metadata is useless for MariaDB, which reports the fake {@code 5.5.5-} handshake prefix there.
 * {@code version} is the text VERSION() returned (what a snapshot records as serverVersion).
 */
record MysqlServer(Flavor flavor, String version, int major, int minor, int patch) {
    private static final Pattern NUMBERS = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Reads the flavor and version numbers from a VERSION() string (a {@code 5.5.5-} prefix is skipped). */
    static MysqlServer fromVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the server did not report a version");
        }
        Flavor flavor = version.toLowerCase(Locale.ROOT).contains("mariadb") ? Flavor.MARIADB : Flavor.MYSQL;
        Matcher m = NUMBERS.matcher(version.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("unrecognised server version '" + version + "'");
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new MysqlServer(flavor, version.trim(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    boolean isMariaDb() {
        return flavor == Flavor.MARIADB;
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /**
     * The versions whose catalogs this inspector reads: MySQL 8.0.16+ (CHECK_CONSTRAINTS) and
     * MariaDB 10.6+. Older servers get a clear refusal instead of a half-read snapshot.
     */
    String unsupportedReason() {
        if (isMariaDb()) {
            return atLeast(10, 6) ? null : "MariaDB " + major + "." + minor + " is not supported (10.6 or later is)";
        }
        if (!atLeast(8, 0) || (major == 8 && minor == 0 && patch < 16)) {
            return "MySQL " + major + "." + minor + "." + patch + " is not supported (8.0.16 or later is)";
        }
        return null;
    }
}
