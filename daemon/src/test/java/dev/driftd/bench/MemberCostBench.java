package dev.driftd.bench;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.engine.Engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one member costs a sweep, phase by phase, for bench/member-cost.sh: each line opens a new
 * session per member visit (as a sweep does), {@code concurrency} at a time, {@code visits} times
 * over one member database, and prints visits per second. The lines add one step each, through the
 * daemon's own code, so their differences say where an unchanged member's time goes:
 * <ul>
 * <li>{@code floor}: the JDBC driver connects and runs one trivial query (sweep-bench's floor);</li>
 * <li>{@code session}: {@code Dialect.connect} as a snapshot opens it: the database check and the
 *     read-only session settings;</li>
 * <li>{@code unchanged}: {@code Engine.snapshotIfChanged} with the member's current marker: the
 *     session, the server-identity query and the catalog marker, i.e. an unchanged member;</li>
 * <li>{@code full}: {@code Engine.snapshotMarked}: a full read with its marker (the deparse
 *     fixpoint's cache warm, as in a sweep's second member onwards);</li>
 * <li>{@code counters} (PostgreSQL only; not what driftd runs): the floor plus a query over the
 *     statistics counters of the marker's catalogs, the cheapest signal that moves with DDL; it
 *     lags (a backend publishes its counts up to a second after it goes idle, later if it never
 *     does) and misses sessions with {@code track_counts} off, so it cannot prove a member
 *     unchanged by itself. Shown for what it would save.</li>
 * </ul>
 * Prints one {@code line=… visits_per_s=…} row per line. Not a timed test.
 */
public final class MemberCostBench {
    /** The tuple counters of the catalogs {@code PgCatalog.CATALOG_MARKER} reads, with what would reset them. */
    private static final String PG_COUNTERS = "SELECT pg_catalog.md5(pg_catalog.concat_ws(',', "
            + "pg_catalog.pg_postmaster_start_time(), pg_catalog.current_setting('track_counts'), "
            + "(SELECT pg_catalog.string_agg(pg_catalog.pg_stat_get_tuples_inserted(c.oid) || ':' "
            + "|| pg_catalog.pg_stat_get_tuples_updated(c.oid) || ':' || pg_catalog.pg_stat_get_tuples_deleted(c.oid), ',') "
            + "FROM pg_catalog.pg_class c WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace "
            + "AND c.relkind = 'r' AND c.relname = ANY ('{pg_namespace,pg_class,pg_attribute,pg_attrdef,pg_constraint,"
            + "pg_index,pg_type,pg_enum,pg_proc,pg_trigger,pg_policy,pg_description,pg_depend,pg_sequence,pg_extension,"
            + "pg_rewrite,pg_inherits,pg_partitioned_table,pg_collation,pg_opclass,pg_operator,pg_am,pg_language,"
            + "pg_aggregate,pg_ts_dict,pg_ts_config,pg_ts_config_map,pg_cast,pg_statistic_ext,pg_foreign_data_wrapper,"
            + "pg_foreign_server,pg_event_trigger,pg_publication,pg_default_acl,pg_opfamily,pg_conversion,pg_ts_parser,"
            + "pg_ts_template,pg_transform,pg_range,pg_authid}'::text[]))))";

    private MemberCostBench() {
    }

    @FunctionalInterface
    private interface Visit {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int visits = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        Engine engine = new Engine();
        DbTarget target = DbTarget.of(url);
        InspectOptions options = new InspectOptions(Duration.ofSeconds(60));
        MarkedSnapshot marked = engine.snapshotMarked(target, options);
        if (marked.marker() == null) {
            throw new IllegalStateException("no catalog marker for " + target + ": nothing to measure");
        }
        String trivial = postgres ? "SELECT pg_catalog.current_database()" : "SELECT DATABASE()";

        Map<String, Visit> lines = new LinkedHashMap<>();
        lines.put("floor", () -> query(url, trivial));
        lines.put("session", () -> engine.dialectFor(url).connect(target, options, true).close());
        lines.put("unchanged", () -> {
            Optional<MarkedSnapshot> changed = engine.snapshotIfChanged(target, options, marked.marker());
            if (changed.isPresent()) {
                throw new IllegalStateException("the member's marker moved during the benchmark: it is not quiet");
            }
        });
        lines.put("full", () -> engine.snapshotMarked(target, options));
        if (postgres) {
            lines.put("counters", () -> query(url, trivial, PG_COUNTERS));
        }

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            // warm-up: the JIT and the driver (a whole line of the floor: the first hundreds of
            // connections run interpreted), then each line a little, for the server's caches
            rate(pool, lines.get("floor"), visits, concurrency);
            for (Visit v : lines.values()) {
                rate(pool, v, Math.min(visits, 8 * concurrency), concurrency);
            }
            for (Map.Entry<String, Visit> line : lines.entrySet()) {
                double perSecond = rate(pool, line.getValue(), visits, concurrency);
                System.out.printf("line=%s visits_per_s=%.1f%n", line.getKey(), perSecond);
            }
            System.out.printf("line=floor-again visits_per_s=%.1f%n", rate(pool, lines.get("floor"), visits, concurrency));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Visits per second: {@code visits} runs of {@code v}, {@code concurrency} at a time. */
    private static double rate(ExecutorService pool, Visit v, int visits, int concurrency) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int share = visits / concurrency + (t < visits % concurrency ? 1 : 0);
            running.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    v.run();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return visits / ((System.nanoTime() - start) / 1e9);
    }

    /** A new connection with the driver alone, the statements run, closed. */
    private static void query(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                try (ResultSet rs = s.executeQuery(q)) {
                    rs.next();
                }
            }
        }
    }
}
