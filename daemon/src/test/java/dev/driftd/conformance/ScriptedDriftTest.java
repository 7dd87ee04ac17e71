package dev.driftd.conformance;

import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every kind of scripted drift runs on a schema that has something for it, and the engine sees
 * each one, on both servers: the real-world corpus has no triggers, so this is where the trigger
 * steps are exercised.
 */
class ScriptedDriftTest {
    private static final List<String> ALL_KINDS = List.of("dropped index", "hotfix column", "changed default",
            "widened type", "dropped check", "dropped foreign key", "changed routine body", "changed trigger body",
            "extra table", "changed view");
    private final Engine engine = new Engine();

    @Test
    void everyStepRunsAndIsSeenOnPostgres() {
        TestServer server = TestDatabases.postgres();
        try (TestDatabase db = server.createDatabase("sdrift_pg")) {
            db.execute("""
                    CREATE TABLE parent (id integer PRIMARY KEY, code varchar(20) NOT NULL CONSTRAINT code_ok CHECK (code <> ''));
                    CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id), qty integer,
                                        note varchar(40));
                    CREATE INDEX child_parent ON child (parent_id);
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.qty := 1; RETURN NEW; END $$;
                    CREATE TRIGGER child_touch BEFORE INSERT ON child FOR EACH ROW EXECUTE FUNCTION touch();
                    CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x * 2 $$;
                    CREATE VIEW child_codes AS SELECT c.id, p.code FROM child c JOIN parent p ON p.id = c.parent_id;
                    """);
            assertEveryStepSeen(db, false);
        }
    }

    @Test
    void everyStepRunsAndIsSeenOnMysql() {
        TestServer server = TestDatabases.mysql();
        assumeThat(server).as("a MySQL or MariaDB server").isNotNull();
        try (TestDatabase db = server.createDatabase("sdrift_my")) {
            db.execute("CREATE TABLE parent (id integer PRIMARY KEY, code varchar(20) NOT NULL, CONSTRAINT code_ok CHECK (code <> ''))",
                    "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, qty integer, note varchar(40),"
                            + " CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id))",
                    "CREATE INDEX child_qty ON child (qty)",
                    "CREATE TRIGGER child_touch BEFORE INSERT ON child FOR EACH ROW BEGIN SET NEW.qty = 1; END",
                    "CREATE PROCEDURE twice(IN x integer, OUT y integer) BEGIN SET y = x * 2; END",
                    "CREATE VIEW child_codes AS SELECT c.id, p.code FROM child c JOIN parent p ON p.id = c.parent_id");
            assertEveryStepSeen(db, true);
        }
    }

    private void assertEveryStepSeen(TestDatabase db, boolean mysql) {
        Snapshot golden = engine.snapshot(db.target(), Convergence.OPTIONS);
        ScriptedDrift.Steps steps = ScriptedDrift.run(golden, db, mysql);
        assertThat(steps.missing()).as(steps.describe()).isEmpty();
        assertThat(steps.kinds()).containsExactlyElementsOf(ALL_KINDS);
        Diff diff = engine.diff(golden, engine.snapshot(db.target(), Convergence.OPTIONS));
        List<ObjectKind> seen = diff.changes().stream().map(Change::kind).toList();
        assertThat(seen).as(String.join("\n", diff.changes().stream().map(Change::describe).toList()))
                .contains(ObjectKind.INDEX, ObjectKind.COLUMN, ObjectKind.CHECK_CONSTRAINT, ObjectKind.FOREIGN_KEY,
                        ObjectKind.TABLE, ObjectKind.VIEW)
                .contains(mysql ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION);
        if (mysql) {
            assertThat(seen).contains(ObjectKind.TRIGGER);
        }
    }
}
