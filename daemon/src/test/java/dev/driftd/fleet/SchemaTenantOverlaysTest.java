package dev.driftd.fleet;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.GoldenConfig;
import dev.driftd.config.OverlayConfig;
import dev.driftd.plan.SqlScript;
import dev.driftd.policy.IgnorePolicy;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overlays on a PostgreSQL schema-per-tenant fleet: the overlay runs in the scratch schema after
 * the golden script (unqualified names, like it), so a tenant with the overlay's index is in sync,
 * a tenant that should have it and lacks it drifts and its script creates it in its own schema,
 * and a tenant with the same index but no overlay drifts.
 */
class SchemaTenantOverlaysTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = """
            CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
            CREATE INDEX items_name ON items (name);
            """;
    private static final String OVERLAY = "CREATE INDEX items_id_name ON items (id, name);";

    @Test
    void overlaysOnScratchSchemas() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Assumptions.assumeTrue(pg != null, "no PostgreSQL server");
        Path sql = Files.writeString(dir.resolve("tenant.sql"), SCHEMA);
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase db = pg.createDatabase("w15b_tenants")) {
            db.execute("CREATE SCHEMA tenant_a", "SET search_path TO tenant_a", SCHEMA, OVERLAY);
            db.execute("CREATE SCHEMA tenant_b", "SET search_path TO tenant_b", SCHEMA);
            db.execute("CREATE SCHEMA tenant_c", "SET search_path TO tenant_c", SCHEMA, OVERLAY);
            FleetConfig base = TestFleets.fleet("f").golden(new GoldenConfig.Sql(sql, db.url(), null, null, true))
                    .discoverSchemas(db.url(), "tenant_.*").build();
            FleetConfig fleet = new FleetConfig(base.name(), base.schedule(), base.golden(), base.concurrency(),
                    base.perServerConcurrency(), base.shards(), base.applyEnabled(), base.approvals(), base.rollout(),
                    base.timeout(), base.fullSnapshotEvery(), base.members(), base.discover(), IgnorePolicy.NONE, List.of(),
                    List.of(new OverlayConfig(List.of("tenant_a", "tenant_b"), OVERLAY, null, "driftd.yaml:7", 9)));
            FleetRunner r = fx.runner(fleet);
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenError()).isNull();
            assertThat(member(s, "tenant_a").state()).as(s.toString()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "tenant_b").state()).isEqualTo(MemberState.DRIFTED);
            assertThat(member(s, "tenant_c").state()).isEqualTo(MemberState.DRIFTED);

            assertThat(r.reconcile("tenant_a").orElseThrow().statements()).isEmpty();
            String b = SqlScript.render(r.reconcile("tenant_b").orElseThrow(), true);
            assertThat(b).contains("CREATE INDEX").contains("items_id_name").contains("tenant_b")
                    .doesNotContain("tenant_a").doesNotContain("tenant_c");
            String c = SqlScript.render(r.reconcile("tenant_c").orElseThrow(), true);
            assertThat(c).contains("DROP INDEX").contains("items_id_name");

            // converge: apply tenant_b's script, sweep again, and its fingerprint is tenant_a's
            db.execute(b.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + "\n" + y));
            r.runSweep();
            FleetStatus after = r.status();
            assertThat(member(after, "tenant_b").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(after, "tenant_b").fingerprint()).isEqualTo(member(after, "tenant_a").fingerprint());
        }
    }
}
