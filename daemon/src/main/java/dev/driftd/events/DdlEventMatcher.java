package dev.driftd.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a DDL event to the fleet members it touched, by server, database and, for
 * schema-per-tenant members, schema.
 *
 * <p>The server is compared by identity first: the event carries what the server told the proxy it
 * is and the member what it told the daemon at its last snapshot, strongest first. The strongest
 * kind both have decides: equal is the same server, whatever host name the application used; a
 * different PostgreSQL system identifier or MySQL server UUID / server id and host name is another
 * server, even under the same host name. A different PostgreSQL server address decides nothing (a
 * server listens on several). Without a kind in common, host and port are compared as spelt.
 *
 * <p>The event's database and schema are the connection's current ones. A statement that names
 * its objects with a qualifier ({@code tenant_7.orders}, {@code `shop_2`.items}) changes that
 * schema or database instead, so qualifiers that name a candidate member win over the
 * connection's current schema. Several members can match (one database in two fleets): all are
 * returned. No match is an empty list (DDL on a database no fleet watches).
 */
public final class DdlEventMatcher {
    private record Candidate(MemberEndpoint endpoint, JdbcAddress address, String scope) {
    }

    /** Identity kinds whose values differ on the same server (one PostgreSQL server, several addresses). */
    private static final Set<String> INCONCLUSIVE_WHEN_DIFFERENT = Set.of("postgresql:address");

    private final List<Candidate> candidates;

    /** Throws IllegalArgumentException naming the member when one has an unusable URL. */
    public DdlEventMatcher(List<MemberEndpoint> members) {
        List<Candidate> list = new ArrayList<>(members.size());
        for (MemberEndpoint m : members) {
            JdbcAddress a;
            try {
                a = JdbcAddress.parse(m.url());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("member " + m.fleet() + "/" + m.member() + ": " + e.getMessage(), e);
            }
            // PostgreSQL members are a database (scope null) or one schema of it; MySQL members a database
            String scope = a.postgres() ? emptyToNull(m.schema())
                    : emptyToNull(m.schema() != null && !m.schema().isEmpty() ? m.schema() : a.database());
            list.add(new Candidate(m, a, scope));
        }
        this.candidates = List.copyOf(list);
    }

    public List<MemberRef> match(DdlEvent event) {
        return classify(event).members();
    }

    /** The members the event touched, and how they were found (or why none was). */
    public DdlMatch classify(DdlEvent event) {
        String host = JdbcAddress.normalizeHost(event.serverHost());
        Boolean postgres = event.flavor() == null ? null
                : event.flavor().equals("postgresql") ? Boolean.TRUE
                : event.flavor().equals("mysql") || event.flavor().equals("mariadb") ? Boolean.FALSE : null;
        List<Candidate> onServer = new ArrayList<>();
        Set<MemberRef> byIdentity = new HashSet<>();
        for (Candidate c : candidates) {
            if (postgres != null && postgres != c.address().postgres()) {
                continue;
            }
            Boolean same = sameServer(event.serverIdentities(), c.endpoint().serverIdentities());
            if (same == null) {
                same = c.address().host().equals(host) && c.address().port() == event.serverPort();
            } else if (same) {
                byIdentity.add(new MemberRef(c.endpoint().fleet(), c.endpoint().member()));
            }
            if (same) {
                onServer.add(c);
            }
        }
        if (onServer.isEmpty()) {
            return new DdlMatch(List.of(), DdlMatch.UNKNOWN_SERVER);
        }
        List<MemberRef> members = members(event, onServer);
        if (members.isEmpty()) {
            return new DdlMatch(members, DdlMatch.UNKNOWN_DATABASE);
        }
        boolean identity = members.stream().anyMatch(byIdentity::contains);
        return new DdlMatch(members, identity ? DdlMatch.SERVER_IDENTITY : DdlMatch.HOST_PORT);
    }

    /**
     * TRUE when the identities say one server, FALSE when they say two, null when they cannot tell
     * (no kind in common, or only kinds that differ on one server too). Both lists are strongest first.
     */
    static Boolean sameServer(List<String> event, List<String> member) {
        for (String e : event) {
            String kind = kind(e);
            for (String m : member) {
                if (kind(m).equals(kind)) {
                    if (e.equals(m)) {
                        return Boolean.TRUE;
                    }
                    if (!INCONCLUSIVE_WHEN_DIFFERENT.contains(kind)) {
                        return Boolean.FALSE;
                    }
                }
            }
        }
        return null;
    }

    private static String kind(String identity) {
        int eq = identity.indexOf('=');
        return eq < 0 ? identity : identity.substring(0, eq);
    }

    /** Of the members on the event's server, those of its database (and schema, or qualified names). */
    private static List<MemberRef> members(DdlEvent event, List<Candidate> onServer) {
        Set<String> qualifiers = qualifiers(event.statement());
        Set<MemberRef> byQualifier = new LinkedHashSet<>();
        Set<MemberRef> byConnection = new LinkedHashSet<>();
        for (Candidate c : onServer) {
            MemberRef ref = new MemberRef(c.endpoint().fleet(), c.endpoint().member());
            if (c.address().postgres()) {
                if (!c.address().database().equals(event.database())) {
                    continue;
                }
                if (c.scope() == null) {
                    byConnection.add(ref); // the whole database is the member: any schema in it
                } else if (qualifiers.contains(c.scope().toLowerCase(Locale.ROOT))) {
                    byQualifier.add(ref);
                } else if (c.scope().equals(event.schema())) {
                    byConnection.add(ref);
                }
            } else if (c.scope() != null) {
                if (qualifiers.contains(c.scope().toLowerCase(Locale.ROOT))) {
                    byQualifier.add(ref);
                } else if (c.scope().equals(event.database())) {
                    byConnection.add(ref);
                }
            }
        }
        if (!byQualifier.isEmpty()) {
            // explicit names win for schema-scoped members; whole-database members still match
            for (Candidate c : onServer) {
                if (c.address().postgres() && c.scope() == null && c.address().database().equals(event.database())) {
                    byQualifier.add(new MemberRef(c.endpoint().fleet(), c.endpoint().member()));
                }
            }
            return List.copyOf(byQualifier);
        }
        return List.copyOf(byConnection);
    }

    /** Lower-cased names written before a '.', outside string literals and comments (linear scan). */
    static Set<String> qualifiers(String statement) {
        return StatementQualifiers.of(statement);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
