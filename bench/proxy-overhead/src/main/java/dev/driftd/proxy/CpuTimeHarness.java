package dev.driftd.proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The same cases as {@link ProxyOverheadBenchmark}, timed in thread CPU time instead of wall time.
 * On a machine shared with other work, wall-clock numbers (JMH's) grow with the load; CPU time
 * per operation does much less. Prints the median of 9 rounds per case, after a long warm-up.
 * Run: java -cp benchmarks.jar:driftd-proxy.jar dev.driftd.proxy.CpuTimeHarness [ops] [name part]
 */
public final class CpuTimeHarness {
    private static volatile Object sink;

    private CpuTimeHarness() {
    }

    public static void main(String[] args) throws Exception {
        ProxyOverheadBenchmark b = new ProxyOverheadBenchmark();
        b.setUp();
        Map<String, Callable<Object>> cases = new LinkedHashMap<>();
        cases.put("classifySelect", b::classifySelect);
        cases.put("classifyInsertUpsert", b::classifyInsertUpsert);
        cases.put("classifyCommentedHibernateQuery", b::classifyCommentedHibernateQuery);
        cases.put("classifyMultiStatementNoDdl", b::classifyMultiStatementNoDdl);
        cases.put("classifyDdl", b::classifyDdl);
        cases.put("executeDirect", b::executeDirect);
        cases.put("executeThroughProxy", b::executeThroughProxy);
        cases.put("executeThroughProxyGuardOffNoEndpoint", b::executeThroughProxyGuardOffNoEndpoint);
        cases.put("readRowDirect", b::readRowDirect);
        cases.put("readRowThroughProxy", b::readRowThroughProxy);
        String only = args.length > 1 ? args[1] : ""; // e.g. "readRow": the cases whose name contains it
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        for (Map.Entry<String, Callable<Object>> c : cases.entrySet()) {
            if (!c.getKey().contains(only)) {
                continue;
            }
            run(c.getValue(), ops * 3); // warm-up: let the JIT compile it
            double[] perOp = new double[9];
            for (int r = 0; r < perOp.length; r++) {
                long t0 = mx.getCurrentThreadCpuTime();
                run(c.getValue(), ops);
                perOp[r] = (mx.getCurrentThreadCpuTime() - t0) / (double) ops;
            }
            Arrays.sort(perOp);
            System.out.printf("%-40s %8.1f ns/op CPU (median of 9; min %.1f, max %.1f)%n", c.getKey(), perOp[4],
                    perOp[0], perOp[8]);
        }
    }

    private static void run(Callable<Object> c, int n) throws Exception {
        Object last = null;
        for (int i = 0; i < n; i++) {
            last = c.call();
        }
        sink = last;
    }
}
