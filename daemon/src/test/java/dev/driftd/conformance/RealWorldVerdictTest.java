package dev.driftd.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate's rules: unlisted failures and listed passes fail the run; listed failures need a reason. */
class RealWorldVerdictTest {
    @TempDir
    Path dir;

    private static RealWorldResult result(String file, RealWorldCheck failing) {
        Map<RealWorldCheck, CaseResult> checks = new EnumMap<>(RealWorldCheck.class);
        for (RealWorldCheck check : RealWorldCheck.values()) {
            CorpusCase c = new CorpusCase("realworld-postgres", file + " " + check.id(), Path.of(file), Path.of(file), null);
            checks.put(check, check == failing ? CaseResult.failed(c, "not converged: changed view", "detail")
                    : CaseResult.converged(c));
        }
        return new RealWorldResult("realworld-postgres", file, checks, null);
    }

    private ExpectedFailures listed(String... lines) throws IOException {
        Path file = dir.resolve("expected.txt");
        Files.write(file, List.of(lines));
        return ExpectedFailures.read(file);
    }

    @Test
    void anUnlistedFailureFailsTheRun() {
        List<RealWorldVerdict.Line> lines = RealWorldVerdict.judge(List.of(result("a/postgres.sql", RealWorldCheck.FORWARD)),
                ExpectedFailures.none());
        assertThat(RealWorldVerdict.failsTheRun(lines)).isTrue();
        assertThat(lines).filteredOn(l -> l.status() == RealWorldVerdict.Status.FAILURE).singleElement()
                .satisfies(l -> assertThat(l.print()).isEqualTo("realworld a/postgres.sql forward: FAIL - not converged: changed view"));
    }

    @Test
    void aListedFailureDoesNotFailTheRunAndShowsItsReason() throws IOException {
        ExpectedFailures expected = listed("# comment", "a/postgres.sql | forward | the view's deparse is not a fixpoint");
        List<RealWorldVerdict.Line> lines = RealWorldVerdict.judge(List.of(result("a/postgres.sql", RealWorldCheck.FORWARD)), expected);
        assertThat(RealWorldVerdict.failsTheRun(lines)).isFalse();
        assertThat(lines.get(RealWorldCheck.FORWARD.ordinal()).print()).contains("expected failure")
                .contains("the view's deparse is not a fixpoint");
    }

    @Test
    void aListedCheckThatPassesFailsTheRunSoTheListOnlyShrinks() throws IOException {
        ExpectedFailures expected = listed("a/postgres.sql | reverse | an old reason");
        List<RealWorldVerdict.Line> lines = RealWorldVerdict.judge(List.of(result("a/postgres.sql", null)), expected);
        assertThat(RealWorldVerdict.failsTheRun(lines)).isTrue();
        assertThat(lines.get(RealWorldCheck.REVERSE.ordinal()).status()).isEqualTo(RealWorldVerdict.Status.UNEXPECTED_PASS);
    }

    @Test
    void anEntryWithoutReasonOrWithAnUnknownCheckIsRefusedWithItsLine() {
        assertThatThrownBy(() -> listed("a/postgres.sql | forward |")).hasMessageContaining("expected.txt:1")
                .hasMessageContaining("with a reason");
        assertThatThrownBy(() -> listed("", "a/postgres.sql | sideways | why")).hasMessageContaining("expected.txt:2")
                .hasMessageContaining("sideways");
    }
}
