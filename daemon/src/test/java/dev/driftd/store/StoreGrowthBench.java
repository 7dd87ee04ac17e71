package dev.driftd.store;

import dev.driftd.diff.Severity;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Column;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark (run by bench/store-growth-bench.sh, not a test): the store over simulated days of a
 * fleet swept every 5 minutes, through the same store calls a sweep makes (Sweep.java): the
 * golden's {@code saveSnapshot}, the sweep's members through {@code recordMembers} (per member
 * snapshot, history, state, drift event; up to 1,000 members per transaction), then {@code saveFleetState} and {@code saveShardState}; and
 * every simulated hour the daemon's retention (DaemonCore.retention: {@code applyRetention} with
 * the current golden pinned, then the DDL log's). Only the clock is simulated: each member row
 * carries the simulated sweep time, which is what the store stamps history, drift events and
 * member snapshots with, and retention is given the simulated "now".
 * <p>
 * The drift model (seeded, so two runs write the same rows):
 * <ul>
 *   <li>every member starts in sync with golden v0, a real snapshot of a 20-table database;</li>
 *   <li>each sweep, an in-sync member starts a hotfix drift with probability 1 %/288, about 1 % of
 *       the members a day; the hotfix adds a column of its own (a new distinct snapshot, so about
 *       five a day at 500 members) and is removed 2 to 6 hours later (uniform);</li>
 *   <li>every 7 days golden gets a migration (one more column): golden moves first, the members
 *       follow in 12 waves over the next hour, drifted until their wave (500 drift events a week).</li>
 * </ul>
 * Args: url user password days members retention(e.g. 7d) goldenDbUrl [h2File]. Prints one line
 * per simulated day and a {@code result} line per figure for the script's table.
 */
public final class StoreGrowthBench {
    static final int SWEEPS_PER_DAY = 288;
    static final Duration STEP = Duration.ofMinutes(5);
    /** One sweep in this many starts a hotfix for a given member: 1 % a day at 288 sweeps a day. */
    static final double DRIFT_PER_SWEEP = 0.01 / SWEEPS_PER_DAY;
    static final int WAVES = 12;
    static final int WEEK = 7 * SWEEPS_PER_DAY;

    /** One member's simulated schema: the golden version it has and its hotfix, -1 when none. */
    static final class Member {
        final String name;
        int version;
        int hotfix = -1;
        int fixAt;
        Instant driftSince;

        Member(String name) {
            this.name = name;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1].isEmpty() ? null : args[1];
        String password = args[2].isEmpty() ? null : args[2];
        int days = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        Duration retention = Duration.parse("PT" + Long.parseLong(args[5].replace("d", "")) * 24 + "H");
        String goldenDb = args[6];
        Path h2File = args.length > 7 ? Path.of(args[7]) : null;

        // the base golden is a real snapshot, so the stored bodies have a real size
        Snapshot base = new Engine().snapshot(DbTarget.of(goldenDb), InspectOptions.DEFAULT);
        Map<Long, Snapshot> schemas = new HashMap<>();
        String fleet = "tenants";
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new Member(String.format("tenant_%04d", i)));
        }
        Random random = new Random(20261207L);
        // the clock starts at the wall clock: the store stamps a golden saved by saveSnapshot with
        // Instant.now(), which must not lie in the simulated future (see docs/benchmarks.md)
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS);
        int hotfixes = 0;
        long vacuumNanos = 0;
        int vacuumRuns = 0;
        long driftEvents = 0;

        long maxBytes = Long.getLong("sg.maxBytes", 20L << 30);
        // a wall-clock limit (epoch seconds): a shared machine may not finish 30 days in the time there is
        long stopAt = Long.getLong("sg.stopAt", Long.MAX_VALUE);
        int writeDelay = Integer.getInteger("sg.h2WriteDelay", -1);
        // H2's RETENTION_TIME (ms of wall clock a written chunk is kept before its space may be
        // reused): -1 leaves H2's 45 s. The simulation runs some 20,000 times faster than the wall
        // clock, so 45 s here hold about 12 simulated days of chunks that a real daemon (a sweep
        // every 5 minutes) could reuse after a sixth of one sweep interval
        int retentionTime = Integer.getInteger("sg.h2RetentionTime", -1);
        // PostgreSQL: VACUUM driftd's tables after each hourly retention run, standing in for the
        // autovacuum a server has on by default (a shared benchmark server may have it off)
        boolean vacuum = Boolean.getBoolean("sg.pgVacuum");
        int lastDay = days;
        try (Store store = Store.open(url, user, password)) {
            if (h2File != null && writeDelay >= 0) {
                // diagnosis only (bench/store-growth-bench.sh H2_WRITE_DELAY=…): the store sets WRITE_DELAY 0
                // on each new pooled connection; a single-threaded run keeps using the one it has, so
                // setting the database-wide value once here holds (printed at the end to be sure)
                store.jdbc().call("set write delay", c -> Jdbc.update(c, "SET WRITE_DELAY " + writeDelay));
            }
            if (h2File != null && retentionTime >= 0) {
                store.jdbc().call("set retention time", c -> Jdbc.update(c, "SET RETENTION_TIME " + retentionTime));
            }
            DdlLog ddl = new DdlLog(store);
            if (store.isPostgres()) {
                String av = store.jdbc().call("read autovacuum", c -> Jdbc.queryFirst(c, "SHOW autovacuum",
                        rs -> rs.getString(1)).orElse("?"));
                System.out.printf("== PostgreSQL autovacuum: %s; the bench's hourly VACUUM: %s%n", av,
                        vacuum ? "on" : "off");
            }
            System.out.printf("== store %s, %d members, %d days, retention %s, base snapshot %d objects, "
                            + "%d bytes of JSON%n", store, count, days, args[5], base.objects().size(),
                    dev.driftd.schema.Canonical.MAPPER.writeValueAsString(base).length());
            System.out.printf("%4s %12s %9s %9s %7s %7s %7s | %9s %9s %9s | %9s%n", "day", "size_bytes", "snapshots",
                    "history", "state", "drift", "open", "ret_runs", "ret_avg_ms", "ret_max_ms", "sweep_ms");
            long dayRetentionNanos = 0;
            long dayRetentionMax = 0;
            int dayRetentionRuns = 0;
            long daySweepNanos = 0;
            long[] sizeByDay = new long[days + 1];
            sizeByDay[0] = size(store, h2File);
            long allRetentionMax = 0;
            long allRetentionNanos = 0;
            int allRetentionRuns = 0;
            for (int s = 0; s < days * SWEEPS_PER_DAY; s++) {
                Instant now = t0.plus(STEP.multipliedBy(s));
                int golden = s / WEEK;
                Snapshot goldenSnap = schema(schemas, base, golden, -1);
                long w0 = System.nanoTime();
                // the sweep: golden first, then every member in turn, then the fleet's and shard's record
                store.saveSnapshot(goldenSnap);
                List<Store.MemberRecord> records = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get(i);
                    // the migration reaches member i at its wave, WAVES sweeps at most after golden
                    if (m.version < golden && s >= golden * WEEK + i % WAVES) {
                        m.version = golden;
                    }
                    if (m.hotfix >= 0 && s >= m.fixAt) {
                        m.hotfix = -1;
                    } else if (m.hotfix < 0 && random.nextDouble() < DRIFT_PER_SWEEP) {
                        m.hotfix = hotfixes++;
                        m.fixAt = s + 24 + random.nextInt(49);
                    }
                    Snapshot snap = schema(schemas, base, m.version, m.hotfix);
                    boolean inSync = snap.fingerprint().equals(goldenSnap.fingerprint());
                    Map<Severity, Integer> changes = new HashMap<>();
                    if (!inSync) {
                        if (m.driftSince == null) {
                            m.driftSince = now;
                            driftEvents++;
                        }
                        // a hotfix column is extra (a plan drops it); a migration not yet applied is missing
                        if (m.hotfix >= 0) {
                            changes.put(Severity.DESTRUCTIVE, 1);
                        }
                        if (m.version < golden) {
                            changes.put(Severity.ADDITIVE, 1);
                        }
                    } else {
                        m.driftSince = null;
                    }
                    MemberRow row = new MemberRow(fleet, m.name, inSync ? MemberRow.IN_SYNC : MemberRow.DRIFTED,
                            snap.fingerprint(), now, m.driftSince, changes, null, null);
                    records.add(new Store.MemberRecord(row, snap, goldenSnap.fingerprint()));
                }
                List<String> failed = store.recordMembers(records);
                if (!failed.isEmpty()) {
                    throw new IllegalStateException(failed.size() + " member(s) not recorded: " + failed.get(0));
                }
                Instant finished = now.plusSeconds(30);
                store.saveFleetState(new FleetRecord(fleet, goldenSnap.fingerprint(), null, now, finished));
                store.saveShardState(new ShardRecord(fleet, 0, 1, goldenSnap.fingerprint(), null, now, finished));
                daySweepNanos += System.nanoTime() - w0;

                if ((s + 1) % 12 == 0) {
                    // the hourly retention job, as DaemonCore.retention runs it (the golden pinned)
                    long r0 = System.nanoTime();
                    store.applyRetention(retention, finished, Set.of(goldenSnap.fingerprint()));
                    ddl.applyRetention(retention, finished);
                    long took = System.nanoTime() - r0;
                    if (vacuum && store.isPostgres()) {
                        long v0 = System.nanoTime();
                        store.jdbc().call("vacuum", c -> {
                            try (java.sql.Statement st = c.createStatement()) {
                                for (String t : List.of("driftd_member_history", "driftd_member_state",
                                        "driftd_drift_event", "driftd_snapshot", "driftd_fleet_state",
                                        "driftd_shard_state")) {
                                    st.execute("VACUUM " + t);
                                }
                            }
                            return null;
                        });
                        vacuumNanos += System.nanoTime() - v0;
                        vacuumRuns++;
                    }
                    dayRetentionNanos += took;
                    dayRetentionMax = Math.max(dayRetentionMax, took);
                    dayRetentionRuns++;
                }
                if ((s + 1) % SWEEPS_PER_DAY == 0) {
                    int day = (s + 1) / SWEEPS_PER_DAY;
                    long size = size(store, h2File);
                    sizeByDay[day] = size;
                    Map<String, Long> rows = rows(store);
                    System.out.printf("%4d %12d %9d %9d %7d %7d %7d | %9d %9.1f %9.1f | %9.1f%n", day, size,
                            rows.get("driftd_snapshot"), rows.get("driftd_member_history"),
                            rows.get("driftd_member_state"), rows.get("driftd_drift_event"), rows.get("open"),
                            dayRetentionRuns, dayRetentionNanos / 1e6 / Math.max(1, dayRetentionRuns),
                            dayRetentionMax / 1e6, daySweepNanos / 1e6 / SWEEPS_PER_DAY);
                    allRetentionMax = Math.max(allRetentionMax, dayRetentionMax);
                    allRetentionNanos += dayRetentionNanos;
                    allRetentionRuns += dayRetentionRuns;
                    dayRetentionNanos = 0;
                    dayRetentionMax = 0;
                    dayRetentionRuns = 0;
                    daySweepNanos = 0;
                    if (size > maxBytes) {
                        // the disk is shared: say so and stop rather than fill it
                        System.out.printf("stopped after day %d: the store is %d bytes, over sg.maxBytes=%d%n",
                                day, size, maxBytes);
                        lastDay = day;
                        break;
                    }
                    if (System.currentTimeMillis() / 1000 > stopAt && day < days) {
                        System.out.printf("stopped after day %d of %d: wall-clock limit (STOP_AT) reached%n", day, days);
                        lastDay = day;
                        break;
                    }
                }
            }
            days = lastDay;
            System.out.printf("result days-run %d%n", days);
            if (h2File != null) {
                String delay = store.jdbc().call("read write delay", c -> Jdbc.queryFirst(c,
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                        rs -> rs.getString(1)).orElse("?"));
                System.out.printf("result h2-write-delay %s%n", delay);
                String kept = store.jdbc().call("read retention time", c -> Jdbc.queryFirst(c,
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'RETENTION_TIME'",
                        rs -> rs.getString(1)).orElse("?"));
                System.out.printf("result h2-retention-time %s%n", kept);
            }
            Map<String, Long> rows = rows(store);
            System.out.printf("result size-final %d%n", sizeByDay[days]);
            System.out.printf("result size-day1 %d%n", sizeByDay[Math.min(1, days)]);
            int ret = (int) retention.toDays();
            if (days >= ret) {
                System.out.printf("result size-at-retention %d%n", sizeByDay[ret]);
            }
            // growth per day over the first and the last seven days (or the whole run when shorter)
            int span = Math.min(7, days);
            System.out.printf("result growth-first %.0f%n", (sizeByDay[span] - sizeByDay[0]) / (double) span);
            System.out.printf("result growth-last %.0f%n", (sizeByDay[days] - sizeByDay[days - span]) / (double) span);
            System.out.printf("result rows-snapshot %d%nresult rows-history %d%nresult rows-drift %d%n",
                    rows.get("driftd_snapshot"), rows.get("driftd_member_history"), rows.get("driftd_drift_event"));
            System.out.printf("result hotfixes %d%nresult drift-periods %d%n", hotfixes, driftEvents);
            if (vacuumRuns > 0) {
                System.out.printf("result vacuum-avg-ms %.1f%n", vacuumNanos / 1e6 / vacuumRuns);
            }
            System.out.printf("result retention-runs %d%nresult retention-avg-ms %.1f%nresult retention-max-ms %.1f%n",
                    allRetentionRuns, allRetentionNanos / 1e6 / Math.max(1, allRetentionRuns), allRetentionMax / 1e6);
            // a store's size can hide reclaimable space: time one final cleanup with everything past retention
            long r0 = System.nanoTime();
            int deleted = store.applyRetention(retention, t0.plus(STEP.multipliedBy((long) days * SWEEPS_PER_DAY)),
                    Set.of(schema(schemas, base, (days * SWEEPS_PER_DAY - 1) / WEEK, -1).fingerprint()));
            System.out.printf("result retention-last-ms %.1f (%d rows)%n", (System.nanoTime() - r0) / 1e6, deleted);
        }
    }

    /**
     * The schema of golden version {@code version} plus hotfix {@code hotfix} (none when -1): the
     * base snapshot with one column per migration on its first table and the hotfix's own column
     * on its last. Kept per pair, as a sweep keeps one snapshot object per distinct schema.
     */
    static Snapshot schema(Map<Long, Snapshot> cache, Snapshot base, int version, int hotfix) {
        return cache.computeIfAbsent((long) version << 32 | (hotfix & 0xffffffffL), k -> {
            List<SchemaObject> objects = new ArrayList<>(base.objects());
            List<Column> first = base.all(Column.class);
            String firstTable = first.get(0).table();
            String lastTable = first.get(first.size() - 1).table();
            String schema = first.get(0).schema();
            for (int v = 1; v <= version; v++) {
                objects.add(Column.of(schema, firstTable, "migration_" + v, 100 + v, "text"));
            }
            if (hotfix >= 0) {
                objects.add(Column.of(schema, lastTable, "hotfix_" + hotfix, 1000, "integer"));
            }
            return new Snapshot(base.getFlavor(), base.getServerVersion(), base.getScope(), objects,
                    base.getNotInspected(), base.getDependencies());
        });
    }

    /** H2: the database file on disk; PostgreSQL: tables, their indexes and TOAST, summed over driftd's tables. */
    static long size(Store store, Path h2File) throws Exception {
        if (h2File != null) {
            return Files.size(h2File);
        }
        return store.jdbc().call("size", c -> Jdbc.queryFirst(c, "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
                + "AND c.relname LIKE 'driftd%' AND n.nspname = current_schema()", rs -> rs.getLong(1)).orElse(0L));
    }

    static Map<String, Long> rows(Store store) {
        return store.jdbc().call("count rows", c -> {
            Map<String, Long> out = new HashMap<>();
            for (String t : List.of("driftd_snapshot", "driftd_member_history", "driftd_member_state",
                    "driftd_drift_event")) {
                out.put(t, Jdbc.queryFirst(c, "SELECT COUNT(*) FROM " + t, rs -> rs.getLong(1)).orElse(0L));
            }
            out.put("open", Jdbc.queryFirst(c, "SELECT COUNT(*) FROM driftd_drift_event WHERE resolved IS NULL",
                    rs -> rs.getLong(1)).orElse(0L));
            return out;
        });
    }
}
