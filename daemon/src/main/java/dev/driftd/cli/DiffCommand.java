package dev.driftd.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", description = {
        "Compare a target database with golden. Exit 0 in sync, 1 drift found, 2 error.",
        "--format sql prints the reconciliation script (destructive statements commented out unless allowed)."})
final class DiffCommand implements Callable<Integer> {
    enum Format { sql, json, text }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GoldenTargetOptions databases;

    @Option(names = "--format", defaultValue = "text", paramLabel = "sql|json|text",
            description = "Output: text (default), json, or sql (the reconciliation script).")
    Format format;

    @Option(names = "--allow-destructive", description = "Write statements that drop data uncommented.")
    boolean allowDestructive;

    @Option(names = "--lock-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "lock_timeout the SQL script sets. Default: ${DEFAULT-VALUE}.")
    String lockTimeout;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    IgnoreOptions ignoring;

    @Override
    public Integer call() throws Exception {
        databases.check();
        dev.driftd.policy.IgnorePolicy policy = ignoring.policy(); // a bad rule fails before any connection
        Engine engine = new Engine();
        PlanOptions planOptions = new PlanOptions(ConnectionOptions.duration(lockTimeout, "--lock-timeout"));
        // both passwords first: a bad password file is reported before any connection is made
        dev.driftd.dialect.DbTarget goldenDb = databases.goldenDb();
        dev.driftd.dialect.DbTarget targetDb = databases.targetDb();
        Snapshot g = policy.apply(engine.snapshot(goldenDb, connection.inspectOptions()));
        Snapshot t = policy.apply(engine.snapshot(targetDb, connection.inspectOptions()));
        ignoring.warnUnmatched(spec.commandLine().getErr());
        // across server majors the two servers settle text each prints its own way (docs/postgres.md)
        Diff diff = engine.diffAcrossVersions(g, goldenDb, t, targetDb, connection.inspectOptions());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case sql -> out.print(SqlScript.render(engine.plan(diff, g, t, planOptions), allowDestructive));
            case json -> {
                Plan plan = engine.plan(diff, g, t, planOptions);
                ObjectNode node = Canonical.MAPPER.createObjectNode();
                node.put("inSync", diff.inSync());
                node.put("goldenFingerprint", diff.goldenFingerprint());
                node.put("targetFingerprint", diff.targetFingerprint());
                node.set("counts", Canonical.MAPPER.valueToTree(diff.countsBySeverity()));
                node.set("notInspected", Canonical.MAPPER.valueToTree(diff.notInspected()));
                node.set("changes", Canonical.MAPPER.valueToTree(diff.changes()));
                node.set("plan", Canonical.MAPPER.valueToTree(plan));
                out.println(Canonical.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
            }
            case text -> {
                for (Change c : diff.changes()) {
                    out.println(c.describe());
                }
                List<String> notCompared = diff.notInspected().stream().map(ObjectKind::label).sorted().toList();
                if (!notCompared.isEmpty()) {
                    out.println("not inspected (not compared): " + String.join(", ", notCompared));
                }
                if (diff.inSync()) {
                    // never a bare "in sync" when some kinds were not compared
                    out.println((notCompared.isEmpty() ? "in sync" : "in sync for what was compared; not compared: "
                            + String.join(", ", notCompared)) + " (fingerprint " + diff.targetFingerprint() + ")");
                } else {
                    out.println(diff.driftChanges().size() + " drifted objects " + diff.countsBySeverity());
                }
            }
        }
        out.flush();
        return diff.inSync() ? Main.IN_SYNC : Main.DRIFT;
    }
}
