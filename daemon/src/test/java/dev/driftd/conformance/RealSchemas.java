package dev.driftd.conformance;

import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;

import java.util.List;
import java.util.function.Function;

/** The two checks a real schema must pass: untouched copies in sync; a drifted copy detected and converged. */
final class RealSchemas {
    private RealSchemas() {
    }

    /** {@code target} holds an untouched copy of the schema golden was read from. */
    static CaseResult check(CorpusCase c, Engine engine, Convergence convergence, Snapshot golden,
                            java.util.function.Supplier<List<String>> goldenDump, TestDatabase target, boolean mysql,
                            Function<TestDatabase, List<String>> dumper) {
        try {
            Diff untouched = engine.diff(golden, engine.snapshot(target.target(), Convergence.OPTIONS));
            if (!untouched.inSync()) {
                return CaseResult.failed(c, "untouched copies reported as drifted",
                        String.join("\n", untouched.changes().stream().map(Change::describe).toList()));
            }
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "inspect failed: " + Convergence.generalize(e.getMessage()), e.getMessage());
        }
        List<String> steps = ScriptedDrift.apply(golden, target, mysql);
        if (steps.isEmpty()) {
            return CaseResult.failed(c, "no scripted drift step applies to this schema", null);
        }
        Diff drifted = engine.diff(golden, engine.snapshot(target.target(), Convergence.OPTIONS));
        if (drifted.inSync()) {
            return CaseResult.failed(c, "scripted drift not detected", String.join("\n", steps));
        }
        CaseResult r = convergence.check(c, golden, goldenDump, target, dumper);
        String detail = steps.size() + " drift steps: " + String.join("; ", steps);
        return new CaseResult(r.corpusCase(), r.outcome(), r.cause(), r.detail() == null ? detail : r.detail() + "\n" + detail);
    }
}
