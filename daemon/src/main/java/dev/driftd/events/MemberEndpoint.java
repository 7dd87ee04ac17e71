package dev.driftd.events;

/**
 * Where a fleet member lives, as the matcher needs it.
 *
 * @param fleet  fleet name
 * @param member member name
 * @param url    the member's JDBC URL (jdbc:postgresql://..., jdbc:mysql://..., jdbc:mariadb://...)
 * @param schema PostgreSQL: the member's schema in a schema-per-tenant fleet, null when the member is
 *               a whole database; MySQL: the member's database when the URL names none (discovered
 *               members), else null
 */
public record MemberEndpoint(String fleet, String member, String url, String schema) {
}
