package dev.driftd.events;

import java.util.List;

/**
 * What became of one DDL event: the members it was attributed to and why, in the words of the
 * {@code reason} label of {@code driftd_ddl_events_received_total}.
 *
 * @param members the members the statement touched; empty when none
 * @param reason  matched: {@link #SERVER_IDENTITY} or {@link #HOST_PORT}; unmatched:
 *                {@link #UNKNOWN_SERVER} (no member on that server) or {@link #UNKNOWN_DATABASE}
 *                (members on that server, none of that database or schema)
 */
public record DdlMatch(List<MemberRef> members, String reason) {
    /** Matched because the server said it is the member's server, whatever host name the application used. */
    public static final String SERVER_IDENTITY = "server_identity";
    /** Matched by the host and port of the application's URL (no common identity to compare). */
    public static final String HOST_PORT = "host_port";
    public static final String UNKNOWN_SERVER = "unknown_server";
    public static final String UNKNOWN_DATABASE = "unknown_database";

    public DdlMatch {
        members = List.copyOf(members);
    }

    public boolean matched() {
        return !members.isEmpty();
    }

    /** For callers that only know the members: the reason is the common case's. */
    public static DdlMatch of(List<MemberRef> members) {
        return new DdlMatch(members, members.isEmpty() ? UNKNOWN_SERVER : HOST_PORT);
    }
}
