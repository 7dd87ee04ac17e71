package dev.driftd.fleet;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.JdbcUrl;

/**
 * A member as one sweep sees it: its name (unique in the fleet), where to read it, and where it
 * came from ({@code members} or {@code discover[i]}) so a discovery rule that fails can keep the
 * members it found before.
 */
public record FleetMember(String fleet, String name, DbTarget target, String origin) {
    public static final String EXPLICIT = "members";

    public static String discoverOrigin(int index) {
        return "discover[" + index + "]";
    }

    /** {@code host:port} of the server, for the per-server concurrency limit. */
    public String server() {
        try {
            return JdbcUrl.parse(target.url()).server();
        } catch (IllegalArgumentException e) {
            return target.redactedUrl(); // the connection reports what is wrong with it
        }
    }

    @Override
    public String toString() {
        return fleet + "/" + name + " (" + target + ")";
    }
}
