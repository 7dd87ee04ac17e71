package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Column;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Privilege;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps the conformance corpus found, each reconciled end to end on a real server: privileges,
 * identity sequence options, and enum-to-enum column type changes.
 */
class PgConformanceGapsTest {
    private final Engine engine = new Engine();

    /** Golden built from {@code golden}, target from {@code target}; returns the plan after checking it converges. */
    private List<String> converge(String golden, String target) {
        try (TestDatabase g = TestDatabases.postgres().createDatabase("gaps_g");
             TestDatabase t = TestDatabases.postgres().createDatabase("gaps_t")) {
            g.execute(golden);
            t.execute(target);
            Snapshot gs = engine.snapshot(g.target("public"), InspectOptions.DEFAULT);
            Snapshot ts = engine.snapshot(t.target("public"), InspectOptions.DEFAULT);
            Diff diff = engine.diff(gs, ts);
            assertThat(diff.inSync()).as("drift expected").isFalse();
            Plan plan = engine.plan(diff, gs, ts, PlanOptions.DEFAULT);
            engine.apply(t.target("public"), plan, true, InspectOptions.DEFAULT);
            Snapshot after = engine.snapshot(t.target("public"), InspectOptions.DEFAULT);
            assertThat(engine.diff(gs, after).changes()).as("left after apply").isEmpty();
            return plan.statements().stream().map(PlanStatement::sql).toList();
        }
    }

    @Test
    void privilegesOnTablesColumnsSequencesAndFunctionsAreGrantedAndRevoked() {
        String r1 = "gaps_r1_" + UUID.randomUUID().toString().substring(0, 8);
        String r2 = "gaps_r2_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase admin = TestDatabases.postgres().createDatabase("gaps_roles")) {
            admin.execute("CREATE ROLE " + r1, "CREATE ROLE \"" + r2 + "\"");
            try {
                String base = "CREATE TABLE t (a int, b int); CREATE SEQUENCE s; "
                        + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';";
                List<String> plan = converge(base
                                + "GRANT SELECT, INSERT ON t TO " + r1 + " WITH GRANT OPTION; GRANT SELECT (b) ON t TO " + r2 + ";"
                                + "GRANT USAGE ON SEQUENCE s TO " + r2 + "; REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;",
                        base + "GRANT SELECT, UPDATE ON t TO " + r1 + "; GRANT SELECT ON t TO " + r2 + ";");
                assertThat(plan).contains(
                        "REVOKE UPDATE ON TABLE public.t FROM " + r1,
                        "GRANT INSERT, SELECT ON TABLE public.t TO " + r1 + " WITH GRANT OPTION",
                        "REVOKE SELECT ON TABLE public.t FROM " + r2,
                        "GRANT SELECT (b) ON TABLE public.t TO " + r2,
                        "GRANT USAGE ON SEQUENCE public.s TO " + r2,
                        "REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC");
            } finally {
                admin.execute("DROP OWNED BY " + r1 + ", " + r2, "DROP ROLE " + r1, "DROP ROLE " + r2);
            }
        }
    }

    @Test
    void aViewReCreatedAroundAColumnChangeGetsItsGrantsBack() {
        String r = "gaps_r4_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase admin = TestDatabases.postgres().createDatabase("gaps_roles")) {
            admin.execute("CREATE ROLE " + r);
            try {
                String grants = "GRANT SELECT ON v TO " + r + "; GRANT UPDATE (b) ON v TO " + r + "; "
                        + "GRANT SELECT ON t TO " + r + ";";
                // the grants are equal on both sides: only the re-creation of v takes them away
                List<String> plan = converge(
                        "CREATE TABLE t (a bigint, b text); CREATE VIEW v AS SELECT a, b FROM t; " + grants,
                        "CREATE TABLE t (a int, b text); CREATE VIEW v AS SELECT a, b FROM t; " + grants);
                assertThat(plan).contains("DROP VIEW public.v", "GRANT SELECT ON TABLE public.v TO " + r,
                        "GRANT UPDATE (b) ON TABLE public.v TO " + r);
                assertThat(plan).noneMatch(x -> x.contains("ON TABLE public.t "));
            } finally {
                admin.execute("DROP OWNED BY " + r, "DROP ROLE " + r);
            }
        }
    }

    @Test
    void aFunctionsDefaultAclAndAnExplicitEqualAclReadTheSame() {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("gaps_acl")) {
            db.execute("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            Snapshot before = engine.snapshot(db.target("public"), InspectOptions.DEFAULT);
            db.execute("REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC", "GRANT EXECUTE ON FUNCTION f() TO PUBLIC");
            Snapshot after = engine.snapshot(db.target("public"), InspectOptions.DEFAULT);
            assertThat(engine.diff(before, after).changes()).isEmpty();
            assertThat(before.all(Privilege.class).stream().filter(p -> p.objectType().equals("FUNCTION")))
                    .singleElement().satisfies(p -> {
                assertThat(p.grantee()).isEqualTo("PUBLIC");
                assertThat(p.privileges()).containsExactly("EXECUTE");
            });
        }
    }

    @Test
    void aNewFunctionGetsNoRedundantGrantAndADroppedTableNoRevoke() {
        String r = "gaps_r3_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase admin = TestDatabases.postgres().createDatabase("gaps_roles")) {
            admin.execute("CREATE ROLE " + r);
            try {
                List<String> plan = converge("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                        "CREATE TABLE gone (a int); GRANT SELECT ON gone TO " + r);
                assertThat(plan).noneMatch(s -> s.startsWith("GRANT") || s.startsWith("REVOKE"));
            } finally {
                admin.execute("DROP OWNED BY " + r, "DROP ROLE " + r);
            }
        }
    }

    @Test
    void identitySequenceOptionsAreReadAndReconciled() {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("gaps_ident")) {
            db.execute("CREATE TABLE t (a int GENERATED BY DEFAULT AS IDENTITY (START WITH -100 INCREMENT BY 5 "
                    + "MINVALUE -100 MAXVALUE 100), b bigint GENERATED ALWAYS AS IDENTITY)");
            Snapshot s = engine.snapshot(db.target("public"), InspectOptions.DEFAULT);
            // START WITH equal to MINVALUE is the default for an ascending sequence: not written
            assertThat(s.columnsOf("", "t")).extracting(Column::identity)
                    .containsExactly("BY DEFAULT (INCREMENT BY 5 MINVALUE -100 MAXVALUE 100)", "ALWAYS");
        }
        List<String> plan = converge(
                "CREATE TABLE t (a int GENERATED BY DEFAULT AS IDENTITY (START WITH -100 INCREMENT BY 5 MINVALUE -100 MAXVALUE 100), "
                        + "b int GENERATED ALWAYS AS IDENTITY (CACHE 10), c int NOT NULL)",
                "CREATE TABLE t (a int GENERATED BY DEFAULT AS IDENTITY (START WITH -200 MINVALUE -200), "
                        + "b int GENERATED ALWAYS AS IDENTITY, c int NOT NULL)");
        assertThat(plan).contains("ALTER TABLE public.t ALTER COLUMN a SET INCREMENT BY 5 SET MINVALUE -100 SET MAXVALUE 100 "
                + "SET START WITH -100 SET CACHE 1 SET NO CYCLE RESTART");
        assertThat(plan).anyMatch(x -> x.contains("ALTER COLUMN b SET") && x.contains("SET CACHE 10") && !x.endsWith("RESTART"));
    }

    @Test
    void anIdentityAddedToAnExistingColumnKeepsItsOptions() {
        List<String> plan = converge("CREATE TABLE t (a int NOT NULL GENERATED ALWAYS AS IDENTITY (START WITH 1000))",
                "CREATE TABLE t (a int NOT NULL)");
        assertThat(plan).contains("ALTER TABLE public.t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (START WITH 1000)");
    }

    @Test
    void aColumnMovesFromOneEnumToAnotherThroughText() {
        List<String> plan = converge(
                "CREATE TYPE old_s AS ENUM ('a', 'b'); CREATE TYPE new_s AS ENUM ('a', 'b', 'c'); CREATE TABLE t (s new_s)",
                "CREATE TYPE old_s AS ENUM ('a', 'b'); CREATE TYPE new_s AS ENUM ('a', 'b', 'c'); CREATE TABLE t (s old_s);"
                        + "INSERT INTO t VALUES ('a')");
        assertThat(plan).anyMatch(x -> x.contains("ALTER COLUMN s TYPE") && x.contains("USING s::text::"));
    }

    /**
     * Tenants are schemas of one database: the same grants in two of them must read as the same
     * privilege objects (keys, grantee, privileges) and the same fingerprint in schema scope, or
     * every tenant would drift from golden by its own name. Grants are fingerprinted: one more
     * column grant in one tenant separates them.
     */
    @Test
    void privilegeKeysAreScopeRelative() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String role = "t21a_r_" + tag;
        String a = "t21a_tenant_a_" + tag;
        String b = "t21a_tenant_b_" + tag;
        try (TestDatabase db = TestDatabases.postgres().createDatabase("t21a_gaps_scope")) {
            db.execute("CREATE ROLE " + role);
            try {
                for (String schema : List.of(a, b)) {
                    db.execute("CREATE SCHEMA " + schema,
                            "CREATE TABLE " + schema + ".t (a int, b int)",
                            "CREATE SEQUENCE " + schema + ".s",
                            "CREATE FUNCTION " + schema + ".f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                            "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                            "GRANT SELECT, INSERT ON " + schema + ".t TO " + role + " WITH GRANT OPTION",
                            "GRANT SELECT (b) ON " + schema + ".t TO PUBLIC",
                            "GRANT USAGE ON SEQUENCE " + schema + ".s TO " + role,
                            "REVOKE EXECUTE ON FUNCTION " + schema + ".f() FROM PUBLIC",
                            "GRANT EXECUTE ON FUNCTION " + schema + ".f() TO " + role);
                }
                Snapshot sa = engine.snapshot(db.target(a), InspectOptions.DEFAULT);
                Snapshot sb = engine.snapshot(db.target(b), InspectOptions.DEFAULT);
                List<Privilege> pa = sa.all(Privilege.class);
                List<Privilege> pb = sb.all(Privilege.class);
                assertThat(pa).extracting(Privilege::objectType)
                        .contains("SCHEMA", "TABLE", "COLUMN", "SEQUENCE", "FUNCTION");
                assertThat(pa).extracting(Privilege::grantee).contains(role, "PUBLIC");
                assertThat(pa).as("same grants, same privilege objects").isEqualTo(pb);
                assertThat(pa.stream().map(Privilege::key).toList()).isEqualTo(pb.stream().map(Privilege::key).toList());
                assertThat(pa.toString()).doesNotContain(a);
                assertThat(pb.toString()).doesNotContain(b);
                assertThat(sa.fingerprint()).as("schema-scope fingerprints").isEqualTo(sb.fingerprint());
                assertThat(sa.objectFingerprints()).isEqualTo(sb.objectFingerprints());
                assertThat(engine.diff(sa, sb).inSync()).isTrue();

                db.execute("GRANT UPDATE (a) ON " + b + ".t TO " + role);
                Snapshot more = engine.snapshot(db.target(b), InspectOptions.DEFAULT);
                assertThat(more.fingerprint()).as("a grant more is another schema").isNotEqualTo(sa.fingerprint());
                assertThat(engine.diff(sa, more).changes()).singleElement()
                        .satisfies(c -> assertThat(c.key().kind()).isEqualTo(ObjectKind.PRIVILEGE));
            } finally {
                db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }
}
