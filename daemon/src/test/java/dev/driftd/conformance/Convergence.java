package dev.driftd.conformance;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The convergence contract for one target: plan against golden, apply (destructive allowed),
 * inspect again; converged only when the fingerprint is golden's and, independently, the server's
 * own dump matches golden's dump.
 */
final class Convergence {
    static final InspectOptions OPTIONS = new InspectOptions(Duration.ofSeconds(30));
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|`[^`]*`|'[^']*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    /** The splitter's {@code file:line: } prefix: it names the case, so it would make every message its own group. */
    private static final Pattern SCRIPT_PLACE = Pattern.compile("\\S+\\.sql:\\d+: ");

    private final Engine engine = new Engine();

    CaseResult check(CorpusCase c, Snapshot golden, java.util.function.Supplier<List<String>> goldenDump, TestDatabase target,
                     Function<TestDatabase, List<String>> dumper) {
        return check(c, golden, goldenDump, null, target, dumper);
    }

    /**
     * As {@link #check(CorpusCase, Snapshot, java.util.function.Supplier, TestDatabase, Function)}, where the
     * target's dump may also equal {@code restoredGoldenDump}: the dump of golden restored from its own dump.
     * PostgreSQL's deparse is not a fixpoint, so an object created from the server's own text (by a plan, or by
     * a pg_dump restore) dumps differently from one created from the original DDL (an IN list on varchar reads
     * back as an array of casts); golden restored from its dump is the server's own normal form of golden, and
     * a target that dumps like it holds what golden holds, as far as the server itself can say.
     */
    CaseResult check(CorpusCase c, Snapshot golden, java.util.function.Supplier<List<String>> goldenDump,
                     java.util.function.Supplier<List<String>> restoredGoldenDump, TestDatabase target,
                     Function<TestDatabase, List<String>> dumper) {
        Snapshot before;
        Plan plan;
        try {
            before = engine.snapshot(target.target(), OPTIONS);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "inspect failed: " + generalize(e.getMessage()), e.getMessage());
        }
        try {
            Diff diff = engine.diff(golden, before);
            plan = engine.plan(diff, golden, before, PlanOptions.DEFAULT);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "plan failed: " + generalize(String.valueOf(e.getMessage())), String.valueOf(e));
        }
        try {
            engine.apply(target.target(), plan, true, OPTIONS);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "apply failed: " + generalize(afterColon(e.getMessage())), e.getMessage());
        }
        Snapshot after;
        try {
            after = engine.snapshot(target.target(), OPTIONS);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "inspect after apply failed: " + generalize(e.getMessage()), e.getMessage());
        }
        Diff remaining = engine.diff(golden, after);
        if (!after.fingerprint().equals(golden.fingerprint())) {
            Change first = remaining.changes().isEmpty() ? null : remaining.changes().get(0);
            String cause = first == null ? "fingerprint differs with no listed change"
                    : "not converged: " + first.type().name().toLowerCase() + " " + first.kind().label()
                    + (first.fields().isEmpty() ? "" : " (" + first.fields().get(0).field() + ")");
            return CaseResult.failed(c, cause, String.join("\n", remaining.changes().stream().map(Change::describe).toList()));
        }
        try {
            List<String> actual = dumper.apply(target);
            if (actual == null) {
                // no dump tool for this server version: the fingerprint decided alone (the run counts these)
                return CaseResult.converged(c);
            }
            String dumpDiff = DumpComparison.firstDifference(goldenDump.get(), actual);
            if (dumpDiff != null && restoredGoldenDump != null
                    && DumpComparison.firstDifference(restoredGoldenDump.get(), actual) == null) {
                dumpDiff = null;
            }
            if (dumpDiff != null) {
                return CaseResult.failed(c, "dump differs after convergence: " + dumpKind(dumpDiff), dumpDiff);
            }
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "dump failed", e.getMessage());
        }
        return CaseResult.converged(c);
    }

    /** Groups messages by shape: identifiers, literals and numbers replaced. */
    static String generalize(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = SCRIPT_PLACE.matcher(message.lines().findFirst().orElse("")).replaceAll("");
        line = NUMBER.matcher(QUOTED.matcher(line).replaceAll("…")).replaceAll("N");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private static String afterColon(String message) {
        if (message == null) {
            return null;
        }
        int i = message.indexOf(" failed: ");
        return i < 0 ? message : message.substring(i + " failed: ".length());
    }

    private static String dumpKind(String dumpDiff) {
        String rest = dumpDiff.substring(dumpDiff.indexOf(':') + 2);
        String[] words = rest.split(" ");
        StringBuilder kind = new StringBuilder(dumpDiff.startsWith("target lacks") ? "lacks " : "extra ");
        for (int i = 0; i < Math.min(3, words.length); i++) {
            if (words[i].startsWith("\"") || words[i].startsWith("`") || words[i].contains(".")) {
                break;
            }
            kind.append(words[i]).append(' ');
        }
        return kind.toString().trim();
    }
}
