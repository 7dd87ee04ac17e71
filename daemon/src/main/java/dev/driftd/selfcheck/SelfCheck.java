package dev.driftd.selfcheck;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The engine's round trip, kind by kind, on the user's own server: for each {@link KindCase}, in
 * scratch databases it creates and drops, the object is created on one side and missing (then
 * different) on the other; both sides are snapshotted, planned in both directions, applied and
 * inspected again, and each result must have exactly the fingerprint it was planned towards. Only
 * the same {@link Engine} calls {@code diff} and {@code apply} make are used, so a pass means those
 * commands are sound for that kind on this server, with its version, collation and settings.
 */
public final class SelfCheck {
    private static final String GOLDEN = "g";
    private static final String TARGET = "t";

    private final Engine engine;
    private final DbTarget server;
    private final InspectOptions options;
    private volatile boolean cancelled;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String serverVersion;
    private volatile String flavor;
    private final String stem;

    /**
     * What a whole run found: the server's flavor ({@code postgres}, {@code mysql}, {@code mariadb})
     * and version, and {@code scratch}, the databases used (all dropped by then).
     */
    public record Report(String flavor, String serverVersion, List<String> scratch, List<KindResult> results,
                         boolean interrupted) {
        /** Every kind ran and passed: an interrupted run proves nothing about the kinds it did not reach. */
        public boolean passed() {
            return !interrupted && results.stream().allMatch(KindResult::passed);
        }
    }

    public SelfCheck(Engine engine, DbTarget server, InspectOptions options) {
        this.engine = engine;
        this.server = server;
        this.options = options;
        this.stem = ScratchDatabases.newStem();
    }

    /** The databases a run creates (and drops), known before it starts: what a user is told first. */
    public List<String> scratchNames() {
        return List.of(stem + "_" + GOLDEN, stem + "_" + TARGET);
    }

    /** Runs the dialect's own cases (the {@code <dialect>.cases} resource). */
    public Report run(Consumer<KindResult> progress) {
        return run(KindCases.forDialect(engine.dialectFor(server.url()).name()), progress);
    }

    /**
     * Runs {@code cases}; a failing case fails its row and the run goes on. Throws
     * {@link EngineException} when the server cannot be used at all (no connection, no right to
     * create a database). The scratch databases are dropped before this returns or throws.
     */
    public Report run(List<KindCase> cases, Consumer<KindResult> progress) {
        Dialect dialect = engine.dialectFor(server.url());
        List<KindResult> results = new ArrayList<>();
        try (ScratchDatabases scratch = new ScratchDatabases(dialect, server, options, stem)) {
            // the first reset proves the server is usable: its failure is the run's, not a kind's
            scratch.reset(GOLDEN, List.of());
            Snapshot empty = engine.snapshot(scratch.target(GOLDEN), options);
            serverVersion = empty.getServerVersion();
            flavor = empty.getFlavor() == null ? dialect.name()
                    : empty.getFlavor().name().toLowerCase(java.util.Locale.ROOT);
            for (KindCase c : cases) {
                if (cancelled) {
                    break;
                }
                if (!c.runsOn(flavor)) {
                    continue;
                }
                KindResult r = check(scratch, c);
                results.add(r);
                progress.accept(r);
            }
        } finally {
            finished.countDown();
        }
        return new Report(flavor, serverVersion, scratchNames(), results, cancelled);
    }

    /**
     * Asks a running check to stop after the current step and waits (at most {@code timeoutSeconds})
     * until it has dropped its scratch databases: what an interrupt (Ctrl-C) calls.
     */
    public boolean cancelAndAwait(long timeoutSeconds) throws InterruptedException {
        cancelled = true;
        return finished.await(timeoutSeconds, TimeUnit.SECONDS);
    }

    /**
     * One kind: golden's version, the base alone and the changed version are each loaded once and
     * read; then the target side walks base -> golden -> changed -> golden -> base, each move
     * planned from the target's last reading towards one of those readings, applied, and read
     * again. A plan needs only the two snapshots (as for a pinned golden), so three loads do it.
     */
    private KindResult check(ScratchDatabases scratch, KindCase c) {
        String step = "load";
        try {
            scratch.reset(GOLDEN, concat(c.base(), c.golden()));
            Snapshot withIt = read(scratch, GOLDEN);
            scratch.reset(TARGET, c.base());
            Snapshot base = read(scratch, TARGET);
            step = "create";
            Snapshot now = roundTrip(scratch, c, withIt, base, true);
            if (!c.changed().isEmpty()) {
                step = "load";
                scratch.reset(GOLDEN, concat(c.base(), c.changed()));
                Snapshot changed = read(scratch, GOLDEN);
                step = "alter";
                now = roundTrip(scratch, c, changed, now, false);
                step = "alter back";
                now = roundTrip(scratch, c, withIt, now, false);
            }
            step = "drop";
            roundTrip(scratch, c, base, now, true);
            return KindResult.pass(c.kind());
        } catch (ScratchDatabases.CaseSqlException e) {
            return KindResult.fail(c.kind(), step + " (" + c.where() + "): " + e.getMessage());
        } catch (StepFailure | EngineException e) {
            return KindResult.fail(c.kind(), step + ": " + e.getMessage());
        }
    }

    private Snapshot read(ScratchDatabases scratch, String side) {
        return engine.snapshot(scratch.target(side), options);
    }

    /**
     * Diffs the target's reading {@code target} against {@code golden}, requires a difference (of
     * the case's kind when {@code expectsKindChange}), plans, applies to the target side and
     * requires the new reading to have golden's fingerprint. Returns that new reading.
     */
    private Snapshot roundTrip(ScratchDatabases scratch, KindCase c, Snapshot golden, Snapshot target,
                               boolean expectsKindChange) {
        Diff diff = engine.diff(golden, target);
        if (diff.changes().isEmpty()) {
            throw new StepFailure("the two versions read as equal: driftd does not see the " + c.kind()
                    + " (" + c.where() + ")");
        }
        if (expectsKindChange && diff.changes().stream().noneMatch(ch -> ch.kind().label().equals(c.kind()))) {
            throw new StepFailure("no " + c.kind() + " among the differences: " + describe(diff.changes()));
        }
        Plan plan = engine.plan(diff, golden, target, PlanOptions.DEFAULT);
        if (!plan.warnings().isEmpty()) {
            throw new StepFailure("the plan warns: " + String.join("; ", plan.warnings()));
        }
        try {
            engine.apply(scratch.target(TARGET), plan, true, options);
        } catch (EngineException e) {
            throw new StepFailure(e.getMessage());
        }
        Snapshot after = read(scratch, TARGET);
        if (!after.fingerprint().equals(golden.fingerprint())) {
            List<Change> left = engine.diff(golden, after).changes();
            throw new StepFailure("did not converge (fingerprint " + after.fingerprint() + ", planned "
                    + golden.fingerprint() + ")" + (left.isEmpty() ? "" : ": still " + describe(left)));
        }
        return after;
    }

    private static String describe(List<Change> changes) {
        String shown = changes.stream().limit(3).map(Change::describe).collect(Collectors.joining("; "));
        return changes.size() > 3 ? shown + "; and " + (changes.size() - 3) + " more" : shown;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A step's verdict, carried to the row. */
    private static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message, null, false, false);
        }
    }
}
