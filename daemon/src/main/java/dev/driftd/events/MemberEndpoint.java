package dev.driftd.events;

import java.util.List;

/**
 * Where a fleet member lives, as the matcher needs it.
 *
 * @param fleet  fleet name
 * @param member member name
 * @param url    the member's JDBC URL (jdbc:postgresql://..., jdbc:mysql://..., jdbc:mariadb://...)
 * @param schema PostgreSQL: the member's schema in a schema-per-tenant fleet, null when the member is
 *               a whole database; MySQL: the member's database when the URL names none (discovered
 *               members), else null
 * @param serverIdentities what the member's server said it is when the daemon last connected to it,
 *               strongest first (see {@link dev.driftd.dialect.ServerIdentities}); empty before that
 */
public record MemberEndpoint(String fleet, String member, String url, String schema, List<String> serverIdentities) {

    public MemberEndpoint {
        serverIdentities = serverIdentities == null ? List.of() : List.copyOf(serverIdentities);
    }

    /** A member whose server identity is not known (matched by host and port only). */
    public MemberEndpoint(String fleet, String member, String url, String schema) {
        this(fleet, member, url, schema, List.of());
    }
}
