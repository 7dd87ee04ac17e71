package dev.driftd.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioFoldersTest {
    @TempDir
    Path folder;

    @Test
    void aPlanThatDiffersFromTheExpectedOneFailsNamingTheFileAndTheSwitch() throws Exception {
        Files.writeString(folder.resolve("expected-plan.sql"), "DROP TABLE a;\n");
        ScenarioFolders.assertPlan(folder, "expected-plan.sql", "DROP TABLE a;\n");
        assertThatThrownBy(() -> ScenarioFolders.assertPlan(folder, "expected-plan.sql", "DROP TABLE b;\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected-plan.sql").hasMessageContaining("-Dupdate");
    }

    @Test
    void aMissingExpectedPlanFails() {
        assertThatThrownBy(() -> ScenarioFolders.assertPlan(folder, "expected-plan.sql", "x"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("is missing");
    }

    @Test
    void numberedPropertiesAreReadInOrderUntilTheFirstGap() {
        Properties p = new Properties();
        p.setProperty("plan-contains.2", "b");
        p.setProperty("plan-contains.1", "a");
        p.setProperty("plan-contains.4", "d");
        assertThat(ScenarioFolders.numbered(p, "plan-contains")).containsExactly("a", "b");
    }

    @Test
    void bothDialectsHaveScenarioFoldersFromTheSourceTree() {
        assertThat(ScenarioFolders.list("postgres")).isNotEmpty().allMatch(Files::isDirectory);
        assertThat(ScenarioFolders.root("mysql").toString()).endsWith("src/test/resources/scenarios/mysql");
    }
}
