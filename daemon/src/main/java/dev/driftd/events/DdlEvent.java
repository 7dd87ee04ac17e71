package dev.driftd.events;

import java.time.Instant;
import java.util.List;

/**
 * A DDL statement reported by the JDBC proxy (POST /api/v1/events/ddl), validated.
 *
 * @param statement   the statement text as the application ran it (comments before it included)
 * @param truncated   true when the proxy cut a statement longer than {@link DdlEventParser#MAX_STATEMENT}
 * @param command     the leading keyword (CREATE, ALTER, DROP, ...); null if the sender did not say
 * @param flavor      "postgresql", "mysql" or "other"; null if the sender did not say
 * @param serverHost  the first host of the application's JDBC URL
 * @param serverPort  its port (the flavor's default when the URL gives none)
 * @param database    the connection's database (PostgreSQL) or current database (MySQL); may be null
 * @param schema      the connection's current schema (PostgreSQL); null for MySQL
 * @param user        the database user; may be null
 * @param clientHost  the host the application runs on; may be null
 * @param application the application's name (driftd.application, else its main class); may be null
 * @param time        when the statement succeeded, per the application's clock
 * @param approved    true when it carried the allow marker or ran on a connection with guard off
 * @param guard       the guard mode of the connection: off, warn or block; null if not given
 * @param serverIdentities what the server told the proxy it is, strongest first
 *                    ({@code postgresql:system_identifier=…}, {@code mysql:server=ID@HOST:PORT}, …); empty
 *                    from proxies that do not send them or could not read them
 */
public record DdlEvent(String statement, boolean truncated, String command, String flavor, String serverHost,
                       int serverPort, String database, String schema, String user, String clientHost,
                       String application, Instant time, boolean approved, String guard,
                       List<String> serverIdentities) {

    public DdlEvent {
        serverIdentities = serverIdentities == null ? List.of() : List.copyOf(serverIdentities);
    }

    /** An event without server identities (matched by host and port). */
    public DdlEvent(String statement, boolean truncated, String command, String flavor, String serverHost,
                    int serverPort, String database, String schema, String user, String clientHost,
                    String application, Instant time, boolean approved, String guard) {
        this(statement, truncated, command, flavor, serverHost, serverPort, database, schema, user, clientHost,
                application, time, approved, guard, List.of());
    }
}
