package dev.driftd.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DdlEventMatcherTest {
    private static final List<MemberEndpoint> MEMBERS = List.of(
            new MemberEndpoint("regions", "eu", "jdbc:postgresql://db-eu.example:5432/app?user=driftd", null),
            new MemberEndpoint("regions", "us", "jdbc:postgresql://db-us.example/app", null),
            new MemberEndpoint("tenants", "tenant_7", "jdbc:postgresql://db2:5432/saas", "tenant_7"),
            new MemberEndpoint("tenants", "tenant_8", "jdbc:postgresql://db2:5432/saas", "tenant_8"),
            new MemberEndpoint("shops", "shop_1", "jdbc:mysql://db4:3306/?user=driftd", "shop_1"),
            new MemberEndpoint("shops", "shop_2", "jdbc:mariadb://db4/shop_2", null),
            new MemberEndpoint("local", "dev", "jdbc:postgresql://localhost/devdb", null),
            new MemberEndpoint("audit", "eu-copy", "jdbc:postgresql://DB-EU.example:5432/app", null));

    private final DdlEventMatcher matcher = new DdlEventMatcher(MEMBERS);

    private static DdlEvent event(String flavor, String host, int port, String db, String schema, String sql) {
        return new DdlEvent(sql, false, "CREATE", flavor, host, port, db, schema, "u", "c", "a",
                Instant.parse("2026-11-26T05:00:00Z"), false, "warn");
    }

    @Test
    void wholeDatabaseMembersMatchByServerAndDatabase() {
        assertThat(matcher.match(event("postgresql", "db-eu.example", 5432, "app", "public", "CREATE TABLE t (a int)")))
                .containsExactly(new MemberRef("regions", "eu"), new MemberRef("audit", "eu-copy"));
        assertThat(matcher.match(event("postgresql", "db-us.example", 5432, "app", "public", "CREATE TABLE t (a int)")))
                .containsExactly(new MemberRef("regions", "us"));
    }

    @Test
    void wrongPortDatabaseOrFlavorMatchesNothing() {
        assertThat(matcher.match(event("postgresql", "db-eu.example", 5433, "app", "public", "DROP TABLE t"))).isEmpty();
        assertThat(matcher.match(event("postgresql", "db-eu.example", 5432, "other", "public", "DROP TABLE t"))).isEmpty();
        assertThat(matcher.match(event("mysql", "db-eu.example", 5432, "app", null, "DROP TABLE t"))).isEmpty();
        assertThat(matcher.match(event("postgresql", "unknown", 5432, "app", "public", "DROP TABLE t"))).isEmpty();
    }

    @Test
    void loopbackSpellingsAreOneHost() {
        assertThat(matcher.match(event("postgresql", "127.0.0.1", 5432, "devdb", "public", "DROP TABLE t")))
                .containsExactly(new MemberRef("local", "dev"));
        assertThat(matcher.match(event("postgresql", "::1", 5432, "devdb", "public", "DROP TABLE t")))
                .containsExactly(new MemberRef("local", "dev"));
    }

    @Test
    void schemaMembersMatchTheCurrentSchemaUnlessTheStatementNamesAnother() {
        assertThat(matcher.match(event("postgresql", "db2", 5432, "saas", "tenant_7", "CREATE TABLE t (a int)")))
                .containsExactly(new MemberRef("tenants", "tenant_7"));
        assertThat(matcher.match(event("postgresql", "db2", 5432, "saas", "public",
                "ALTER TABLE \"tenant_8\".orders ADD COLUMN note text DEFAULT 'tenant_7.x'")))
                .containsExactly(new MemberRef("tenants", "tenant_8"));
        assertThat(matcher.match(event("postgresql", "db2", 5432, "saas", "tenant_7",
                "CREATE INDEX i ON tenant_8.orders (a)")))
                .containsExactly(new MemberRef("tenants", "tenant_8"));
        assertThat(matcher.match(event("postgresql", "db2", 5432, "saas", "public", "CREATE TABLE t (a int)"))).isEmpty();
    }

    @Test
    void mysqlMembersMatchTheCurrentOrQualifyingDatabase() {
        assertThat(matcher.match(event("mysql", "db4", 3306, "shop_1", null, "ALTER TABLE items ADD c int")))
                .containsExactly(new MemberRef("shops", "shop_1"));
        assertThat(matcher.match(event("mysql", "db4", 3306, "shop_1", null, "ALTER TABLE `shop_2`.items ADD c int")))
                .containsExactly(new MemberRef("shops", "shop_2"));
        assertThat(matcher.match(event("mysql", "db4", 3306, null, null, "CREATE TABLE shop_2.t (a int)")))
                .containsExactly(new MemberRef("shops", "shop_2"));
        assertThat(matcher.match(event("mysql", "db4", 3306, "shop_9", null, "CREATE TABLE t (a int)"))).isEmpty();
    }

    @Test
    void qualifiersIgnoreStringLiterals() {
        assertThat(DdlEventMatcher.qualifiers("COMMENT ON TABLE a.b IS 'c.d'; CREATE TABLE \"E\".f ()"))
                .containsExactly("a", "e");
    }

    @Test
    void qualifiersIgnoreCommentsAndDotsInsideQuotedNames() {
        assertThat(DdlEventMatcher.qualifiers("-- tenant_7.x\n/* tenant_8.y */ CREATE TABLE \"a.b\".t (c int) # shop_1.z"))
                .containsExactly("a.b");
        assertThat(DdlEventMatcher.qualifiers("CREATE TABLE \"Ten\"\"ant\" . t (); ALTER TABLE `sh``op`.i"))
                .containsExactly("ten\"ant", "sh`op");
        assertThat(DdlEventMatcher.qualifiers("CREATE TABLE \u00e9t\u00e9.t ()")).containsExactly("\u00e9t\u00e9");
    }

    /** Regression: the regexes were quadratic on long names and recursed once per literal character. */
    @Test
    void hostileStatementsAreScannedInLinearTimeWithoutRecursion() {
        int max = DdlEventParser.MAX_STATEMENT;
        List<String> hostile = List.of("a".repeat(max), "x ".repeat(max / 2), "'" + "y".repeat(60_000) + "'",
                "\"" + "z".repeat(60_000) + "\".t", "`" + "w".repeat(60_000) + "`.t", "'" + "''".repeat(30_000),
                "\"" + "\"\"".repeat(30_000) + "\"", "a.".repeat(max / 2), "'\\'".repeat(max / 4));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String sql : hostile) {
                for (int i = 0; i < 4; i++) {
                    DdlEventMatcher.qualifiers(sql);
                }
            }
        });
        assertThat(DdlEventMatcher.qualifiers("\"" + "z".repeat(60_000) + "\".t")).containsExactly("z".repeat(60_000));
        assertThat(DdlEventMatcher.qualifiers("a.".repeat(max / 2))).containsExactly("a");
        DdlEvent big = event("postgresql", "db2", 5432, "saas", "tenant_7", "CREATE TABLE t (c text DEFAULT '"
                + "q".repeat(max - 40) + "')");
        assertThat(matcher.match(big)).containsExactly(new MemberRef("tenants", "tenant_7"));
    }

    @Test
    void aMemberWithAnUnusableUrlIsNamed() {
        assertThatThrownBy(() -> new DdlEventMatcher(List.of(new MemberEndpoint("f", "m", "jdbc:h2:mem:x", null))))
                .hasMessageStartingWith("member f/m: not a PostgreSQL, MySQL or MariaDB JDBC URL");
    }
}
