package dev.driftd.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges real-world results against the expected failures: a check passes, fails as expected
 * (listed, with its reason), fails unexpectedly, or passes although listed. The last two fail
 * the run.
 */
final class RealWorldVerdict {
    enum Status {
        PASS("pass"), EXPECTED_FAILURE("expected failure"), FAILURE("FAIL"), UNEXPECTED_PASS("PASSES, still listed");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    record Line(RealWorldResult file, RealWorldCheck check, Status status, CaseResult result, String expectedReason) {
        String print() {
            StringBuilder s = new StringBuilder("realworld ").append(file.file()).append(' ').append(check.id()).append(": ")
                    .append(status.label);
            if (result.outcome() != CaseResult.Outcome.CONVERGED) {
                s.append(" - ").append(result.cause());
            }
            if (status == Status.EXPECTED_FAILURE) {
                s.append(" [listed: ").append(expectedReason).append(']');
            } else if (status == Status.UNEXPECTED_PASS) {
                s.append(" - remove it from the expected failures (").append(expectedReason).append(')');
            }
            return s.toString();
        }
    }

    private RealWorldVerdict() {
    }

    static List<Line> judge(List<RealWorldResult> results, ExpectedFailures expected) {
        List<Line> lines = new ArrayList<>();
        for (RealWorldResult r : results) {
            for (RealWorldCheck check : RealWorldCheck.values()) {
                CaseResult result = r.checks().get(check);
                String reason = expected.reason(r.file(), check);
                boolean passed = result.outcome() == CaseResult.Outcome.CONVERGED;
                Status status = passed ? (reason == null ? Status.PASS : Status.UNEXPECTED_PASS)
                        : (reason == null ? Status.FAILURE : Status.EXPECTED_FAILURE);
                lines.add(new Line(r, check, status, result, reason));
            }
        }
        return lines;
    }

    static boolean failsTheRun(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.status() == Status.FAILURE || l.status() == Status.UNEXPECTED_PASS);
    }
}
