package dev.driftd.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSuiteMainTest {

    @Test
    void onlyTheTestLinesOfThisRunsLabelAreKnownFailures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known.txt");
        Files.writeString(file, """
                # comment
                18 PostgresScenarioTest.convergesAndDumpsEqual named NOT NULL constraints are not modelled yet

                17 PgCatalogMarkerTest.x another reason
                18 conformance:sqldef-postgres/AddPrimaryKeyWithoutOverlaps WITHOUT OVERLAPS
                """);
        // corpus cases are the script's to check, not the launcher's
        assertThat(TestSuiteMain.readKnown(file, "18")).isEqualTo(Map.of(
                "PostgresScenarioTest.convergesAndDumpsEqual", "named NOT NULL constraints are not modelled yet"));
        assertThat(TestSuiteMain.readKnown(file, "13")).isEmpty();
    }

    @Test
    void aLineWithoutReasonNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known.txt");
        Files.writeString(file, "# c\n18 PostgresScenarioTest.convergesAndDumpsEqual\n");
        assertThatThrownBy(() -> TestSuiteMain.readKnown(file, "18"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":2: want 'LABEL Class.method reason'");
    }
}
