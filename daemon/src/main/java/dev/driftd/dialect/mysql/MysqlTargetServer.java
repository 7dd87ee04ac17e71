package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target server's flavor and version, for the few choices that depend on them (which ALTER
 * algorithms the server is known to support). An unknown version supports nothing optional.
 */
record MysqlTargetServer(Flavor flavor, int major, int minor, int patch) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    static MysqlTargetServer of(Flavor flavor, String version) {
        if (version != null) {
            // MariaDB through some drivers reports "5.5.5-10.11.19-MariaDB": the real version follows the prefix.
            String v = version.startsWith("5.5.5-") ? version.substring(6) : version;
            Matcher m = VERSION.matcher(v);
            if (m.find()) {
                return new MysqlTargetServer(flavor, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            }
        }
        return new MysqlTargetServer(flavor, 0, 0, 0);
    }

    boolean atLeast(int maj, int min, int pat) {
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    /** ALGORITHM=INSTANT for ADD COLUMN as the last column: MariaDB 10.3, MySQL 8.0.12. */
    boolean instantAddColumn() {
        return flavor == Flavor.MARIADB ? atLeast(10, 3, 0) : flavor == Flavor.MYSQL && atLeast(8, 0, 12);
    }

    /** ALGORITHM=INPLACE, LOCK=NONE for secondary B-tree indexes on InnoDB: MySQL 5.6, MariaDB 10.0. */
    boolean onlineIndexBuild() {
        return flavor == Flavor.MARIADB ? atLeast(10, 0, 0) : flavor == Flavor.MYSQL && atLeast(5, 6, 0);
    }
}
