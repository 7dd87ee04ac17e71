package dev.driftd.fleet;

import dev.driftd.config.GoldenConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Snapshot;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-per-tenant: tenants with the same drift share one snapshot per fingerprint, yet each
 * member's reconcile script names only its own schema, and applying it converges that tenant alone.
 */
class TenantScriptsTest {
    private static final InspectOptions OPTIONS = new InspectOptions(Duration.ofSeconds(20));
    /** Quotes, backticks, ';' and spaces: each must come out quoted as itself, and only for its member. */
    private static final List<String> TENANTS = List.of("t\"q'x", "t`b;c", "t sp ace", "t;DROP SCHEMA x");

    @TempDir
    Path dir;

    @Test
    void eachTenantsScriptNamesItsOwnSchemaAndConvergesOnlyIt() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase db = pg.createDatabase("h_urls_tenants")) {
            db.execute("CREATE SCHEMA golden", "CREATE TABLE golden.customers (id INT PRIMARY KEY, name TEXT)");
            for (String t : TENANTS) {
                // the same drift everywhere: one extra column, so every tenant has one fingerprint
                db.execute("CREATE SCHEMA " + pg.quote(t),
                        "CREATE TABLE " + pg.quote(t) + ".customers (id INT PRIMARY KEY, name TEXT, legacy INT)");
            }
            FleetRunner runner = fx.runner(TestFleets.fleet("tenants")
                    .golden(new GoldenConfig.Url(db.url(), null, null, "golden"))
                    .discoverSchemas(db.url(), "t.*").build());
            runner.runSweep();
            FleetStatus s = runner.status();
            assertThat(s.members()).extracting(MemberStatus::member).containsExactlyInAnyOrderElementsOf(TENANTS);
            assertThat(s.variants()).hasSize(1); // one shared snapshot for all four

            Map<String, String> fingerprints = new HashMap<>();
            for (String t : TENANTS) {
                String script = SqlScript.render(runner.reconcile(t).orElseThrow(), true);
                assertThat(script).as("script for %s", t).contains(pg.quote(t) + ".customers")
                        .contains("SET search_path = " + pg.quote(t));
                for (String other : TENANTS) {
                    if (!other.equals(t)) {
                        assertThat(script).as("script for %s", t).doesNotContain(pg.quote(other));
                    }
                }
                fingerprints.put(t, SweepFixture.member(s, t).fingerprint());
            }

            String applied = TENANTS.get(0);
            DbTarget target = runner.member(applied).orElseThrow().target();
            Plan plan = runner.reconcile(applied).orElseThrow();
            fx.engine.apply(target, plan, true, OPTIONS);
            Snapshot after = fx.engine.snapshot(target, OPTIONS);
            assertThat(after.fingerprint()).isEqualTo(runner.golden().fingerprint());
            for (String other : TENANTS.subList(1, TENANTS.size())) {
                Snapshot untouched = fx.engine.snapshot(runner.member(other).orElseThrow().target(), OPTIONS);
                assertThat(untouched.fingerprint()).as(other).isEqualTo(fingerprints.get(other));
            }
        }
    }
}
