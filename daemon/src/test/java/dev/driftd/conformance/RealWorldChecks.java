package dev.driftd.conformance;

import dev.driftd.dialect.mysql.MysqlCommentCoverage;
import dev.driftd.dialect.postgres.PgCommentCoverage;
import dev.driftd.dialect.postgres.PgScopeEquivalence;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the checks on one real-world schema file with one scratch pair, in an order that loads the
 * file as few times as it can (a MySQL load of a few hundred indexes takes seconds):
 * <ol>
 * <li>second-load: golden and target loaded by the server's client ({@code psql}, {@code mysql}); in sync; on
 *     every comment of golden is in its snapshot; on PostgreSQL each schema read as a tenant (by its members'
 *     OIDs) equals its namespace-filtered read;</li>
 * <li>forward: scripted drift on that target; plan, apply, converge (fingerprint and server dump);</li>
 * <li>reverse: golden gets the scripted drift; the target, pristine again (forward's result when it converged,
 *     else a fresh load), is reconciled to it;</li>
 * <li>to-empty: golden emptied; the full target reconciled to it (destructive allowed);</li>
 * <li>from-empty: an empty target reconciled to the original golden (a new tenant);</li>
 * <li>dump-restore: a copy restored from the server's dump of the original golden is in sync;</li>
 * <li>splitter-load: the file loaded through the project's statement splitter is in sync.</li>
 * </ol>
 * Golden's snapshot, dump and dump file are taken once, right after golden is loaded; on PostgreSQL
 * also the dump of golden restored from that file, which a converged target may equal instead of
 * golden's own dump (the server's deparse is not a fixpoint: see {@link Convergence#check}).
 */
final class RealWorldChecks {
    private final Engine engine = new Engine();
    private final Convergence convergence = new Convergence();

    /** {@code results} is filled as checks finish, so a caller that gives up can still report the finished ones. */
    RealWorldResult run(String source, String label, Path file, ScratchPair pair, Map<RealWorldCheck, CaseResult> results) {
        long started = System.nanoTime();
        pair.emptyGolden();
        pair.emptyTarget();
        try {
            pair.load(pair.golden(), file);
        } catch (RuntimeException e) {
            for (RealWorldCheck check : RealWorldCheck.values()) {
                results.put(check, CaseResult.failed(c(source, label, file, check), "golden does not load: "
                        + Convergence.generalize(e.getMessage()), e.getMessage()));
            }
            return new RealWorldResult(source, label, new EnumMap<>(results), null);
        }
        Snapshot golden = engine.snapshot(pair.golden().target(), Convergence.OPTIONS);
        List<String> goldenDump = pair.dump(pair.golden());
        Supplier<List<String>> goldenDumpSupplier = () -> goldenDump;
        Path dumpFile = pair.dumpToFile(pair.golden());
        // PostgreSQL: golden as the server itself re-creates it from its dump (see Convergence.check)
        List<String> restoredGoldenDump = null;
        if (!pair.mysql()) {
            pair.emptyTarget();
            pair.restore(dumpFile, pair.target());
            restoredGoldenDump = pair.dump(pair.target());
            pair.emptyTarget();
        }
        List<String> restoredDump = restoredGoldenDump;
        Supplier<List<String>> restoredDumpSupplier = restoredDump == null ? null : () -> restoredDump;
        System.err.printf("realworld %s golden loaded, read and dumped: %.1f s%n", label, (System.nanoTime() - started) / 1e9);
        String[] drift = new String[1];
        try {
            results.put(RealWorldCheck.SECOND_LOAD, guarded(source, label, file, RealWorldCheck.SECOND_LOAD, c -> {
                pair.load(pair.target(), file);
                CaseResult second = inSync(c, golden, pair, "second load reported as drifted");
                if (second.outcome() != CaseResult.Outcome.CONVERGED) {
                    return second;
                }
                return pair.mysql() ? mysqlCommentsRead(c, golden, pair) : readsAll(c, golden, pair);
            }));
            results.put(RealWorldCheck.FORWARD, guarded(source, label, file, RealWorldCheck.FORWARD, c -> {
                if (!passed(results, RealWorldCheck.SECOND_LOAD)) {
                    pair.emptyTarget();
                    pair.load(pair.target(), file);
                }
                ScriptedDrift.Steps steps = ScriptedDrift.run(golden, pair.target(), pair.mysql());
                drift[0] = steps.describe();
                CaseResult detected = detected(c, golden, pair, steps);
                return detected != null ? detected
                        : convergence.check(c, golden, goldenDumpSupplier, restoredDumpSupplier, pair.target(), pair::dump);
            }));
            results.put(RealWorldCheck.REVERSE, guarded(source, label, file, RealWorldCheck.REVERSE, c -> {
                if (!passed(results, RealWorldCheck.FORWARD)) {
                    pair.emptyTarget();
                    pair.load(pair.target(), file);
                }
                ScriptedDrift.Steps steps = ScriptedDrift.run(golden, pair.golden(), pair.mysql());
                if (steps.ran().isEmpty()) {
                    return CaseResult.failed(c, "no scripted drift step applies to this schema", null);
                }
                Snapshot drifted = engine.snapshot(pair.golden().target(), Convergence.OPTIONS);
                List<String> driftedDump = pair.dump(pair.golden());
                return convergence.check(c, drifted, () -> driftedDump, pair.target(), pair::dump);
            }));
            results.put(RealWorldCheck.WIPE_TO_EMPTY, guarded(source, label, file, RealWorldCheck.WIPE_TO_EMPTY, c -> {
                if (!passed(results, RealWorldCheck.REVERSE)) {
                    pair.emptyTarget();
                    pair.load(pair.target(), file);
                }
                pair.emptyGolden();
                Snapshot empty = engine.snapshot(pair.golden().target(), Convergence.OPTIONS);
                List<String> emptyDump = pair.dump(pair.golden());
                return convergence.check(c, empty, () -> emptyDump, pair.target(), pair::dump);
            }));
            results.put(RealWorldCheck.BUILD_FROM_EMPTY, guarded(source, label, file, RealWorldCheck.BUILD_FROM_EMPTY, c -> {
                if (!passed(results, RealWorldCheck.WIPE_TO_EMPTY)) {
                    pair.emptyTarget();
                }
                return convergence.check(c, golden, goldenDumpSupplier, restoredDumpSupplier, pair.target(), pair::dump);
            }));
            results.put(RealWorldCheck.DUMP_RESTORE, guarded(source, label, file, RealWorldCheck.DUMP_RESTORE, c -> {
                pair.emptyTarget();
                pair.restore(dumpFile, pair.target());
                return inSync(c, golden, pair, "dump-restored copy reported as drifted");
            }));
            results.put(RealWorldCheck.SPLITTER_LOAD, guarded(source, label, file, RealWorldCheck.SPLITTER_LOAD, c -> {
                pair.emptyTarget();
                try {
                    pair.loadWithSplitter(pair.target(), file);
                } catch (RuntimeException e) {
                    return CaseResult.failed(c, "does not load through the splitter: " + Convergence.generalize(e.getMessage()),
                            e.getMessage());
                }
                return inSync(c, golden, pair, "splitter-loaded copy reported as drifted");
            }));
        } finally {
            ServerTools.deleteQuietly(dumpFile);
        }
        return new RealWorldResult(source, label, new EnumMap<>(results), drift[0]);
    }

    private static boolean passed(Map<RealWorldCheck, CaseResult> results, RealWorldCheck check) {
        CaseResult r = results.get(check);
        return r != null && r.outcome() == CaseResult.Outcome.CONVERGED;
    }

    private CaseResult inSync(CorpusCase c, Snapshot golden, ScratchPair pair, String cause) {
        Diff diff = engine.diff(golden, engine.snapshot(pair.target().target(), Convergence.OPTIONS));
        return diff.inSync() ? CaseResult.converged(c) : CaseResult.failed(c, cause + ": " + describeFirst(diff),
                String.join("\n", diff.changes().stream().map(Change::describe).toList()));
    }

    /**
     * PostgreSQL: every comment of golden is in its snapshot ({@link PgCommentCoverage}), and each of
     * golden's schemas read as a tenant (a single-schema scope, which reads its objects by OID from
     * the schema's members) equals the same schema read with namespace filters, which scan whole
     * catalogs and miss nothing.
     */
    private static CaseResult readsAll(CorpusCase c, Snapshot golden, ScratchPair pair) {
        try {
            PgCommentCoverage.assertEveryCommentRead(pair.golden().target(), golden);
        } catch (AssertionError e) {
            return CaseResult.failed(c, "a comment of golden is not in its snapshot", e.getMessage());
        }
        for (String schema : golden.getScope().schemas()) {
            try {
                PgScopeEquivalence.assertMembersReadAll(pair.golden().target().withSchema(schema));
            } catch (AssertionError e) {
                return CaseResult.failed(c, "schema " + schema + " read through its members differs from its "
                        + "namespace-filtered read", e.getMessage());
            }
        }
        return CaseResult.converged(c);
    }

    /** MySQL/MariaDB: every comment of golden is in its snapshot ({@link MysqlCommentCoverage}). */
    private static CaseResult mysqlCommentsRead(CorpusCase c, Snapshot golden, ScratchPair pair) {
        try {
            MysqlCommentCoverage.assertEveryCommentRead(pair.golden().target().url(), golden.getScope().database(), golden);
        } catch (AssertionError e) {
            return CaseResult.failed(c, "a comment of golden is not in its snapshot", e.getMessage());
        }
        return CaseResult.converged(c);
    }

    /** Null when the drift ran and the engine sees it; otherwise the failure. */
    private CaseResult detected(CorpusCase c, Snapshot golden, ScratchPair pair, ScriptedDrift.Steps steps) {
        if (steps.ran().isEmpty()) {
            return CaseResult.failed(c, "no scripted drift step applies to this schema", steps.describe());
        }
        Diff diff = engine.diff(golden, engine.snapshot(pair.target().target(), Convergence.OPTIONS));
        return diff.inSync() ? CaseResult.failed(c, "scripted drift not detected", steps.describe()) : null;
    }

    private static String describeFirst(Diff diff) {
        Change first = diff.changes().get(0);
        return diff.changes().size() + " changes, first " + first.type().name().toLowerCase() + " " + first.kind().label()
                + (first.fields().isEmpty() ? "" : " (" + first.fields().get(0).field() + ")");
    }

    private interface Check {
        CaseResult run(CorpusCase c);
    }

    private static CaseResult guarded(String source, String label, Path file, RealWorldCheck check, Check body) {
        CorpusCase c = c(source, label, file, check);
        long started = System.nanoTime();
        try {
            return body.run(c);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "harness step failed: " + Convergence.generalize(e.getMessage()), String.valueOf(e));
        } finally {
            System.err.printf("realworld %s %s: %.1f s%n", label, check.id(), (System.nanoTime() - started) / 1e9);
        }
    }

    private static CorpusCase c(String source, String label, Path file, RealWorldCheck check) {
        return new CorpusCase(source, label + " " + check.id(), file, file, null);
    }
}
