package dev.driftd.proxy;

import java.util.List;

/**
 * One DDL statement that succeeded, as sent to POST /api/v1/events/ddl. Built on the application's
 * thread from values it already has; the client host is filled in on the reporter's thread
 * because resolving the local host name can be slow.
 */
final class ProxyEvent {
    /** Statements longer than this are cut, and the event says so (the daemon accepts up to this). */
    static final int MAX_STATEMENT = 65_536;

    final String statement;
    final boolean truncated;
    final String command;
    final String flavor;
    final String serverHost;
    final int serverPort;
    final String database;
    final String schema;
    final String user;
    final String application;
    final String time;
    final boolean approved;
    final Guard guard;
    /** What the server says it is, strongest first ({@link ServerIdentity}); empty when unreadable. */
    final List<String> serverIdentities;

    ProxyEvent(String statement, String command, String flavor, String serverHost, int serverPort,
               String database, String schema, String user, String application, String time,
               boolean approved, Guard guard) {
        this(statement, command, flavor, serverHost, serverPort, database, schema, user, application, time,
                approved, guard, List.of());
    }

    ProxyEvent(String statement, String command, String flavor, String serverHost, int serverPort,
               String database, String schema, String user, String application, String time,
               boolean approved, Guard guard, List<String> serverIdentities) {
        this.truncated = statement.length() > MAX_STATEMENT;
        this.statement = truncated ? statement.substring(0, MAX_STATEMENT) : statement;
        this.command = command;
        this.flavor = flavor;
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.database = database;
        this.schema = schema;
        this.user = user;
        this.application = application;
        this.time = time;
        this.approved = approved;
        this.guard = guard;
        this.serverIdentities = serverIdentities;
    }

    String toJson(String clientHost) {
        StringBuilder b = new StringBuilder(256 + statement.length());
        b.append('{');
        field(b, "statement", statement).append(',');
        b.append("\"truncated\":").append(truncated).append(',');
        field(b, "command", command).append(',');
        field(b, "flavor", flavor).append(',');
        field(b, "serverHost", serverHost).append(',');
        b.append("\"serverPort\":").append(serverPort).append(',');
        b.append("\"serverIdentities\":[");
        for (int i = 0; i < serverIdentities.size(); i++) {
            field(b.append(i == 0 ? "" : ","), serverIdentities.get(i));
        }
        b.append("],");
        field(b, "database", database).append(',');
        field(b, "schema", schema).append(',');
        field(b, "user", user).append(',');
        field(b, "clientHost", clientHost).append(',');
        field(b, "application", application).append(',');
        field(b, "time", time).append(',');
        b.append("\"approved\":").append(approved).append(',');
        field(b, "guard", guard.label());
        return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        return field(b, value);
    }

    private static StringBuilder field(StringBuilder b, String value) {
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"');
    }
}
