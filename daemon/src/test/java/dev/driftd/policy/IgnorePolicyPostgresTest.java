package dev.driftd.policy;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rules that cascade, on real PostgreSQL catalogs: a schema preset takes the schema's tables
 * and functions, a grantee rule only that role's grants, a routine rule matches without argument
 * types, a field rule one storage parameter; each rule matched, and without them it all drifts.
 */
class IgnorePolicyPostgresTest {
    @Test
    void schemaPresetGranteeRoutineAndOptionRules() {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        String role = "i15_report_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String other = "i15_app_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        pg.executeAdmin("CREATE ROLE " + role);
        pg.executeAdmin("CREATE ROLE " + other);
        try (TestDatabase golden = pg.createDatabase("i15_pg_golden").execute(FleetSchemas.POSTGRES);
             TestDatabase member = pg.createDatabase("i15_pg_member").execute(FleetSchemas.POSTGRES)) {
            member.execute("CREATE SCHEMA cron", "CREATE TABLE cron.job (jobid bigint PRIMARY KEY, command text)",
                    "CREATE FUNCTION cron.schedule(text) RETURNS int LANGUAGE sql AS 'select 1'",
                    "GRANT SELECT ON orders TO " + role,
                    "CREATE FUNCTION i15_helper(integer, text) RETURNS int LANGUAGE sql AS 'select 1'",
                    "ALTER TABLE orders SET (fillfactor = 70)");
            Engine engine = new Engine();
            Snapshot g = engine.snapshot(golden.target(), InspectOptions.DEFAULT);
            Snapshot m = engine.snapshot(member.target(), InspectOptions.DEFAULT);
            assertThat(engine.diff(g, m).driftChanges()).hasSizeGreaterThanOrEqualTo(5);

            IgnorePolicy policy = IgnorePolicy.builder().add("preset:pg_cron", "test:1")
                    .add("privilege", "*", null, "i15_report_*", "test:2")
                    .add("routine:i15_helper", "test:3")
                    .add("table", "orders", "options.with.fillfactor", null, "test:4").build();
            Snapshot gf = policy.apply(g);
            Snapshot mf = policy.apply(m);
            assertThat(engine.diff(gf, mf).driftChanges()).isEmpty();
            assertThat(mf.fingerprint()).isEqualTo(gf.fingerprint());
            assertThat(policy.unmatchedOnce()).as("every rule matched something").isEmpty();

            // the same grant to a role the rule does not name still drifts, and so does a second option
            member.execute("GRANT SELECT ON orders TO " + other, "ALTER TABLE orders SET (autovacuum_enabled = false)");
            Snapshot again = policy.apply(engine.snapshot(member.target(), InspectOptions.DEFAULT));
            assertThat(engine.diff(gf, again).driftChanges()).extracting(c -> c.describe())
                    .anyMatch(d -> d.contains(other)).anyMatch(d -> d.contains("orders"));
            member.execute("REVOKE ALL ON orders FROM " + other, "REVOKE ALL ON orders FROM " + role);
        } finally {
            pg.executeAdmin("DROP ROLE IF EXISTS " + role);
            pg.executeAdmin("DROP ROLE IF EXISTS " + other);
        }
    }

    @Test
    void aRuleThatMatchesNothingIsReportedOnceWithItsOrigin() {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        try (TestDatabase db = pg.createDatabase("i15_pg_none").execute(FleetSchemas.POSTGRES)) {
            IgnorePolicy policy = IgnorePolicy.builder().add("table:orders", "driftd.yaml:3")
                    .add("index:no_such_*", "driftd.yaml:4").add("preset:liquibase", "driftd.yaml:5").build();
            Snapshot s = policy.apply(new Engine().snapshot(db.target(), InspectOptions.DEFAULT));
            assertThat(s.byKey().keySet()).noneMatch(k -> k.name().equals("orders") || k.table().equals("orders"));
            assertThat(s.byKey().keySet()).anyMatch(k -> k.name().equals("customers"));
            assertThat(policy.unmatchedOnce()).containsExactly(
                    "ignore rule index:no_such_* (driftd.yaml:4) matched nothing",
                    "ignore rule preset:liquibase (driftd.yaml:5) matched nothing");
            assertThat(policy.unmatchedOnce()).isEmpty();
        }
    }
}
