import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

/**
 * Times snapshot, diff and plan of a golden and a drifted database (single-file program, run
 * with the shaded jar on the class path; see pg-diff-plan.sh). Diff and plan run 3 times untimed
 * (the JIT's warm-up, as in the snapshot benchmark), then {@code runs} times; the median is reported.
 */
public class PgDiffPlan {
    private static final int WARMUPS = 3;

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java -cp driftd.jar PgDiffPlan.java GOLDEN_URL TARGET_URL [runs [apply]]");
            System.exit(2);
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Engine engine = new Engine();
        long t0 = System.nanoTime();
        Snapshot golden = engine.snapshot(DbTarget.of(args[0]), InspectOptions.DEFAULT);
        long t1 = System.nanoTime();
        Snapshot target = engine.snapshot(DbTarget.of(args[1]), InspectOptions.DEFAULT);
        long t2 = System.nanoTime();
        long[] diffNs = new long[runs];
        long[] planNs = new long[runs];
        Diff diff = null;
        Plan plan = null;
        for (int i = 0; i < WARMUPS; i++) {
            engine.plan(engine.diff(golden, target), golden, target, PlanOptions.DEFAULT);
        }
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            diff = engine.diff(golden, target);
            long b = System.nanoTime();
            plan = engine.plan(diff, golden, target, PlanOptions.DEFAULT);
            long c = System.nanoTime();
            diffNs[i] = b - a;
            planNs[i] = c - b;
        }
        java.util.Arrays.sort(diffNs);
        java.util.Arrays.sort(planNs);
        System.out.printf("objects: golden %d, target %d%n", golden.objects().size(), target.objects().size());
        System.out.printf("snapshot golden %.3f s, target %.3f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.printf("changes %d, plan statements %d (%d destructive), warnings %d%n", diff.driftChanges().size(),
                plan.statements().size(), plan.statements().stream().filter(s -> s.destructive()).count(),
                plan.warnings().size());
        System.out.printf("diff %.1f ms, plan %.1f ms, diff+plan %.1f ms (median of %d after %d warm-ups; slowest "
                        + "diff %.1f ms, plan %.1f ms)%n",
                diffNs[runs / 2] / 1e6, planNs[runs / 2] / 1e6, (diffNs[runs / 2] + planNs[runs / 2]) / 1e6, runs,
                WARMUPS, diffNs[runs - 1] / 1e6, planNs[runs - 1] / 1e6);
        if (args.length > 3 && args[3].equals("apply")) {
            // the plan at scale: apply it (destructive included) and check the target converged
            long a = System.nanoTime();
            engine.apply(DbTarget.of(args[1]), plan, true, InspectOptions.DEFAULT);
            long b = System.nanoTime();
            Snapshot after = engine.snapshot(DbTarget.of(args[1]), InspectOptions.DEFAULT);
            System.out.printf("apply %.3f s; converged: %s%n", (b - a) / 1e9,
                    after.fingerprint().equals(golden.fingerprint()));
        }
    }
}
