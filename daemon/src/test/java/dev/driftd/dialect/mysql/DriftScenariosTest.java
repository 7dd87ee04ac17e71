package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a MySQL-family scenario folder is read (the suite itself is {@link MysqlScenarioTest}). */
class DriftScenariosTest {
    @TempDir
    Path root;

    @Test
    void statementsFollowDelimiterLinesAndSourceIncludes() throws Exception {
        Files.writeString(root.resolve("shop.sql"), "CREATE TABLE t (\n  id int\n);\n");
        Path folder = Files.createDirectories(root.resolve("trigger_changed"));
        Files.writeString(folder.resolve("target.sql"), """
                source ../shop.sql
                DELIMITER ;;
                CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  SET NEW.id = 1;
                END;;
                DELIMITER ;
                INSERT INTO t VALUES (1);
                """);
        assertThat(DriftScenarios.statements(folder.resolve("target.sql"))).containsExactly(
                "CREATE TABLE t (\n  id int\n)",
                "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.id = 1;\nEND",
                "INSERT INTO t VALUES (1)");
    }

    @Test
    void aFileEndingInsideAStatementIsRefused() throws Exception {
        Files.writeString(root.resolve("golden.sql"), "DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; END\n");
        assertThatThrownBy(() -> DriftScenarios.statements(root.resolve("golden.sql")))
                .hasMessageContaining("ends inside a statement");
    }

    @Test
    void propertiesSetFlavorsDestructivenessFragmentsAndTheClientRun() throws Exception {
        Path folder = Files.createDirectories(root.resolve("missing_hash_key"));
        Files.writeString(folder.resolve("golden.sql"), "CREATE TABLE u (id int);\n");
        Files.writeString(folder.resolve("expected-diff.txt"), "missing table u\n");
        Files.writeString(folder.resolve("scenario.properties"),
                "flavors=mariadb\ndestructive=true\nplan-lacks.1=ALGORITHM=INPLACE\nmysql-client=true\n");
        DriftScenario s = DriftScenarios.load(folder);
        assertThat(s.flavors()).containsExactly(Flavor.MARIADB);
        assertThat(s.expectDestructive()).isTrue();
        assertThat(s.planLacks()).containsExactly("ALGORITHM=INPLACE");
        assertThat(s.throughClientToo()).isTrue();
        assertThat(s.golden()).containsExactly("CREATE TABLE u (id int)");
        assertThat(s.target()).isEmpty();
    }
}
