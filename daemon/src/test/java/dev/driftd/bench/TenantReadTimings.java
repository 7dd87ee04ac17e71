package dev.driftd.bench;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.postgres.PgInspectTimings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For {@code bench/tenant-schemas-bench.sh} (not a test): one tenant schema read in full, RUNS
 * times on new sessions, as the sweep reads it; prints the median read's milliseconds (catalog
 * queries and their rows, as the inspector times them) and its five slowest queries:
 * {@code result tenant-read 104 dependencies=13,columns=8,...}.
 * <pre>java -cp … dev.driftd.bench.TenantReadTimings jdbc:postgresql://…/db?user=u tenant_02500 [RUNS]</pre>
 */
public final class TenantReadTimings {
    private TenantReadTimings() {
    }

    public static void main(String[] args) throws java.sql.SQLException {
        DbTarget target = DbTarget.of(args[0]).withSchema(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        InspectOptions options = new InspectOptions(Duration.ofSeconds(120));
        List<Map<String, Long>> reads = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            reads.add(PgInspectTimings.of(target, options));
        }
        reads.sort(Comparator.comparingLong(TenantReadTimings::total));
        Map<String, Long> median = reads.get(reads.size() / 2);
        String slowest = median.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey().replace(' ', '_') + "=" + e.getValue()).collect(Collectors.joining(","));
        System.out.println("result tenant-read " + total(median) + " " + slowest);
    }

    private static long total(Map<String, Long> timings) {
        return timings.values().stream().mapToLong(Long::longValue).sum();
    }
}
