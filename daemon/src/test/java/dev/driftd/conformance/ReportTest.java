package dev.driftd.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus run and the real-world gate each regenerate their own part of docs/conformance.md and keep the rest. */
class ReportTest {
    @TempDir
    Path dir;

    private static String realSection(String marker) {
        return RealWorldReport.BEGIN + "\n## Real schemas\n\n" + marker + "\n" + RealWorldReport.END + "\n";
    }

    @Test
    void eachRunReplacesOnlyItsOwnPart() throws IOException {
        Path file = dir.resolve("conformance.md");
        Files.writeString(file, "# old corpus head\n\nold corpus table\n\n" + realSection("old real table") + "\n"
                + Report.MARKER + "\n\n## Why\n\nhand-written\n");

        Report.write(file, Map.of(), realSection("new real table"), List.of("PostgreSQL 15"));
        String afterGate = Files.readString(file);
        assertThat(afterGate).contains("old corpus table").contains("new real table").doesNotContain("old real table")
                .endsWith(Report.MARKER + "\n\n## Why\n\nhand-written\n");

        CorpusCase c = new CorpusCase("migra", "case1", Path.of("a.sql"), Path.of("b.sql"), null);
        Report.write(file, Map.of("migra", List.of(CaseResult.converged(c))), null, List.of("PostgreSQL 15"));
        String afterCorpus = Files.readString(file);
        assertThat(afterCorpus).doesNotContain("old corpus table").contains("| migra | 1 | 1 |").contains("new real table")
                .endsWith("hand-written\n");
        assertThat(afterCorpus.indexOf("| migra |")).isLessThan(afterCorpus.indexOf(RealWorldReport.BEGIN));
        assertThat(afterCorpus.indexOf(RealWorldReport.END)).isLessThan(afterCorpus.indexOf(Report.MARKER));
    }
}
