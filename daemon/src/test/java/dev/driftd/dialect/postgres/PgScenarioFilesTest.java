package dev.driftd.dialect.postgres;

import dev.driftd.diff.ChangeType;
import dev.driftd.diff.Severity;
import dev.driftd.schema.ObjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How a PostgreSQL scenario folder is read (the suite itself is {@link PostgresScenarioTest}). */
class PgScenarioFilesTest {
    @TempDir
    Path root;

    @Test
    void statementsRunOneByOneWithIncludesAndFunctionBodiesKeptWhole() throws Exception {
        Files.writeString(root.resolve("base.sql"), "CREATE TABLE t (id int);\n");
        Path folder = Files.createDirectories(root.resolve("s"));
        Files.writeString(folder.resolve("golden.sql"), """
                \\ir ../base.sql
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                  RETURN 1;
                END $$;

                ALTER TYPE mood ADD VALUE 'x';
                ALTER TABLE t ADD COLUMN a int; ALTER TABLE t ADD COLUMN b int;
                """);
        assertThat(PgScenarioFiles.statements(folder.resolve("golden.sql"))).containsExactly(
                "CREATE TABLE t (id int);\n",
                "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND $$;\n",
                "ALTER TYPE mood ADD VALUE 'x';\n",
                "ALTER TABLE t ADD COLUMN a int; ALTER TABLE t ADD COLUMN b int;\n");
    }

    @Test
    void propertiesAndExpectedChangesSetModeRouteFragmentsAndSeverities() throws Exception {
        Path folder = Files.createDirectories(root.resolve("missing-table"));
        Files.writeString(folder.resolve("golden.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(folder.resolve("expected-diff.txt"), "# what the differ reports\nmissing table t (breaking)\n"
                + "missing privilege function add(a numeric, b numeric) to PUBLIC\n");
        Files.writeString(folder.resolve("scenario.properties"), "mode=database\napply=psql\n"
                + "plan-contains.1=CREATE TABLE @.t\nplan-contains-before-pg17=old\nplan-contains-from-pg17=new\n");
        PgScenario s = PgScenarioFiles.load(folder);
        assertThat(s.name).isEqualTo("missing-table");
        assertThat(s.mode).isEqualTo(PgScenario.Mode.DATABASE);
        assertThat(s.viaPsql).isTrue();
        assertThat(s.drift).isEmpty();
        assertThat(s.expected).containsExactly(
                new PgScenario.Expected(ChangeType.MISSING, ObjectKind.TABLE, "t", Severity.BREAKING),
                new PgScenario.Expected(ChangeType.MISSING, ObjectKind.PRIVILEGE,
                        "function add(a numeric, b numeric) to PUBLIC", null));
        assertThat(s.planContains).containsExactly("CREATE TABLE @.t");
        assertThat(s.versionedPlanContains).containsExactly(new PgScenario.VersionedFragment(17, "old", "new"));
    }
}
