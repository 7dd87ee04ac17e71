package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "apply", description = {
        "Plan, confirm, apply and verify: turn the target into golden.",
        "Exit 0 only when the target converged (no drift from golden), 1 when drift remains, 2 on error.",
        "PostgreSQL: one transaction that re-reads the target before its statements (it must be as planned) and",
        "after them, before COMMIT: a result that is not golden's is rolled back, and so is everything on a lock",
        "wait past --lock-timeout or any error, leaving the target untouched. Without --allow-destructive the",
        "result may keep only drift the target already had."})
final class ApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GoldenTargetOptions databases;

    @Option(names = "--allow-destructive", description = "Also run statements that drop data.")
    boolean allowDestructive;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--lock-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "Give up when a lock is not granted within this time. Default: ${DEFAULT-VALUE}.")
    String lockTimeout;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    IgnoreOptions ignoring;

    @Override
    public Integer call() throws IOException {
        databases.check();
        dev.driftd.policy.IgnorePolicy policy = ignoring.policy(); // a bad rule fails before any connection
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engine engine = new Engine();
        InspectOptions inspect = connection.inspectOptions();
        DbTarget goldenDb = databases.goldenDb();
        DbTarget targetDb = databases.targetDb();
        Duration lock = ConnectionOptions.duration(lockTimeout, "--lock-timeout");

        Snapshot g = policy.apply(engine.snapshot(goldenDb, inspect));
        Snapshot t = policy.apply(engine.snapshot(targetDb, inspect));
        ignoring.warnUnmatched(err);
        // across server majors the two servers settle text each prints its own way (docs/postgres.md)
        Diff diff = engine.diffAcrossVersions(g, goldenDb, t, targetDb, inspect);
        if (diff.inSync()) {
            err.println("driftd: " + targetDb + " is in sync with golden (fingerprint " + g.fingerprint() + ")");
            return Main.IN_SYNC;
        }
        Plan plan = engine.plan(diff, g, t, new PlanOptions(lock));
        out.print(SqlScript.render(plan, allowDestructive));
        out.flush();
        int runnable = plan.runnable(allowDestructive).size();
        if (runnable == 0) {
            err.println("driftd: nothing to run without --allow-destructive; " + diff.driftChanges().size()
                    + " drifted objects remain");
            return Main.DRIFT;
        }
        if (!yes && !confirm(err, runnable, targetDb)) {
            err.println("driftd: not applied");
            return Main.DRIFT;
        }
        Snapshot after;
        if (plan.transactional()) {
            VerifiedApply.Outcome o = engine.applyVerified(targetDb, plan, allowDestructive, lock,
                    Engine.statementTimeout(inspect.timeout()), inspect, policy::apply,
                    a -> verdict(engine, g, diff, a, plan));
            if (o.stale()) {
                throw new EngineException(targetDb + " changed after it was read; nothing applied: "
                        + o.detail() + "; run apply again");
            }
            if (!o.committed() && o.after() == null) {
                // lock timeout, a failing statement: rolled back, the target is exactly as it was
                throw new EngineException("applying the plan to " + targetDb + " failed: " + o.detail());
            }
            if (!o.committed()) {
                err.println("driftd: " + o.detail());
                err.println("driftd: " + targetDb + " is unchanged (fingerprint " + o.before().fingerprint() + ")");
                return Main.DRIFT;
            }
            after = policy.apply(o.after());
        } else {
            engine.apply(targetDb, plan, allowDestructive, inspect);
            after = policy.apply(engine.snapshot(targetDb, inspect));
        }
        Diff remaining = engine.diff(g, after);
        if (remaining.inSync()) {
            err.println("driftd: applied " + runnable + " statements; " + targetDb + " converged (fingerprint "
                    + after.fingerprint() + ")" + (plan.transactional() ? ", verified before COMMIT" : ""));
            return Main.IN_SYNC;
        }
        err.println("driftd: applied " + runnable + " statements; " + remaining.driftChanges().size()
                + " drifted objects remain:");
        for (Change c : remaining.driftChanges()) {
            err.println("  " + c.describe());
        }
        return Main.DRIFT;
    }

    /**
     * Whether the uncommitted result may be committed: golden's schema; or, when destructive statements
     * were left out, golden's but for drift the target already had (the apply fixed drift and changed
     * nothing else). Null to commit, else why not.
     */
    private String verdict(Engine engine, Snapshot golden, Diff before, Snapshot after, Plan plan) {
        List<Change> left = engine.diff(golden, after).driftChanges();
        if (left.isEmpty()) {
            return null;
        }
        boolean partial = !allowDestructive && plan.hasDestructive();
        if (partial && before.driftChanges().containsAll(left)) {
            return null;
        }
        return engine.stillDiffers(golden, after);
    }

    private static boolean confirm(PrintWriter err, int statements, DbTarget target) throws IOException {
        err.print("Apply " + statements + " statements to " + target + "? [y/N] ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            err.println();
            err.println("driftd: no answer on standard input; pass --yes to apply without asking");
            return false;
        }
        return answer.trim().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}
