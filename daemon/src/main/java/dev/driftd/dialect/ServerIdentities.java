package dev.driftd.dialect;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server identities the daemon learned when it connected to each server address, so DDL events
 * can be matched by what the server is rather than by how the application spelt its host. Keyed by
 * the family, comparable host and port of a member URL; refreshed at every snapshot connection (a
 * host name may point at another server after a failover). Process-wide: one address means one
 * server for every fleet that names it.
 *
 * <p>Spelling, shared with the JDBC proxy (its ServerIdentity class), strongest first:
 * {@code postgresql:system_identifier=N}, {@code postgresql:address=IP:PORT},
 * {@code mysql:server_uuid=U}, {@code mysql:server=ID@HOSTNAME:PORT}.
 */
public final class ServerIdentities {
    private static final ConcurrentHashMap<String, List<String>> LEARNED = new ConcurrentHashMap<>();

    private ServerIdentities() {
    }

    /** Remembers what the server behind this URL said it is (nothing when it said nothing). */
    public static void learn(String url, List<String> identities) {
        String key = key(url);
        if (key != null && !identities.isEmpty()) {
            LEARNED.put(key, List.copyOf(identities));
        }
    }

    /** What the server behind this URL said at the last connection; empty when not connected yet. */
    public static List<String> of(String url) {
        String key = key(url);
        return key == null ? List.of() : LEARNED.getOrDefault(key, List.of());
    }

    private static String key(String url) {
        try {
            JdbcUrl u = JdbcUrl.parse(url);
            return u.family().name() + "|" + JdbcUrl.comparableHost(u.host()) + "|" + u.port();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
