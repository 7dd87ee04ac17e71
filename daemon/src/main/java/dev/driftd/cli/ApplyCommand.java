package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
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
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "apply", description = {
        "Plan, confirm, apply and verify: turn the target into golden.",
        "Exit 0 only when the target converged (its fingerprint is golden's), 1 when drift remains, 2 on error.",
        "A PostgreSQL plan runs in one transaction: a lock wait past --lock-timeout leaves the target untouched."})
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

    @Override
    public Integer call() throws IOException {
        databases.check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engine engine = new Engine();
        InspectOptions inspect = connection.inspectOptions();
        DbTarget goldenDb = databases.goldenDb();
        DbTarget targetDb = databases.targetDb();

        Snapshot g = engine.snapshot(goldenDb, inspect);
        Snapshot t = engine.snapshot(targetDb, inspect);
        Diff diff = engine.diff(g, t);
        if (diff.inSync()) {
            err.println("driftd: " + targetDb + " is in sync with golden (fingerprint " + g.fingerprint() + ")");
            return Main.IN_SYNC;
        }
        Plan plan = engine.plan(diff, g, t, new PlanOptions(ConnectionOptions.duration(lockTimeout, "--lock-timeout")));
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
        engine.apply(targetDb, plan, allowDestructive, inspect);
        Snapshot after = engine.snapshot(targetDb, inspect);
        Diff remaining = engine.diff(g, after);
        if (after.fingerprint().equals(g.fingerprint()) || remaining.inSync()) {
            err.println("driftd: applied " + runnable + " statements; " + targetDb + " converged (fingerprint "
                    + after.fingerprint() + ")");
            return Main.IN_SYNC;
        }
        err.println("driftd: applied " + runnable + " statements; " + remaining.driftChanges().size()
                + " drifted objects remain:");
        for (Change c : remaining.driftChanges()) {
            err.println("  " + c.describe());
        }
        return Main.DRIFT;
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
