package dev.driftd.engine;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.Dialects;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.SchemaMarkers;
import dev.driftd.dialect.ServerIdentities;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.diff.Change;
import dev.driftd.diff.CrossVersionVerdicts;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.Snapshot;
import dev.driftd.util.SqlErrors;
import dev.driftd.util.UrlRedaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The engine as the CLI and the daemon use it: pick the dialect for a URL, snapshot, diff, plan,
 * apply. Turns driver exceptions into one-line {@link EngineException}s that name the database.
 */
public final class Engine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);
    /** A plan's statement may run this long at least (statement_timeout): DDL may rewrite a large table. */
    public static final Duration MIN_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private final Dialects dialects;

    public Engine() {
        this(Dialects.standard());
    }

    public Engine(List<Dialect> dialects) {
        this(new Dialects(dialects));
    }

    public Engine(Dialects dialects) {
        this.dialects = dialects;
    }

    public Dialect dialectFor(String url) {
        return dialects.forUrl(url).orElseThrow(() -> new EngineException("unsupported database URL "
                + UrlRedaction.redact(url) + ": driftd reads jdbc:postgresql://, jdbc:mysql:// and jdbc:mariadb:// URLs"));
    }

    /** The dialect that reads, plans and applies snapshots and plans of {@code flavor}. */
    public Dialect dialectFor(Flavor flavor) {
        return dialects.forFlavor(flavor).orElseThrow(() -> new EngineException("no dialect reads "
                + flavor + " schemas"));
    }

    public Snapshot snapshot(DbTarget target, InspectOptions options) {
        return read(target, options, (dialect, c) -> dialect.inspect(c, target.schema(), options));
    }

    /** A snapshot with its catalog marker (null for dialects without one), read in one transaction. */
    public MarkedSnapshot snapshotMarked(DbTarget target, InspectOptions options) {
        return read(target, options, (dialect, c) -> dialect.inspectMarked(c, target.schema(), options));
    }

    /**
     * Empty when the target's catalog marker still equals {@code knownMarker} (its catalogs have not
     * changed: one query), else a fresh marked snapshot over the same connection.
     */
    public Optional<MarkedSnapshot> snapshotIfChanged(DbTarget target, InspectOptions options, String knownMarker) {
        return read(target, options, (dialect, c) -> {
            Optional<String> marker = dialect.catalogMarker(c, target.schema());
            if (marker.isPresent() && marker.get().equals(knownMarker)) {
                return Optional.empty();
            }
            return Optional.of(dialect.inspectMarked(c, target.schema(), options));
        });
    }

    /**
     * The marker of every schema of the target's database, from one read over one connection
     * (schema-per-tenant fleets); {@code previous} is the last answer for that database, or null.
     * Empty when the dialect has no per-schema marker.
     */
    public Optional<SchemaMarkers> schemaMarkers(DbTarget database, InspectOptions options, SchemaMarkers previous) {
        DbTarget whole = database.withSchema(null);
        return read(whole, options, (dialect, c) -> dialect.schemaMarkers(c, previous));
    }

    @FunctionalInterface
    private interface CatalogRead<T> {
        T read(Dialect dialect, Connection connection) throws SQLException;
    }

    /**
     * Runs {@code body} on a read-only session to the target, after learning what server it is
     * ({@link ServerIdentities}: DDL events from the JDBC proxy are matched by it).
     */
    private <T> T read(DbTarget target, InspectOptions options, CatalogRead<T> body) {
        Dialect dialect = dialectFor(target.url());
        try (Connection c = dialect.connect(target, options, true)) {
            learnServer(dialect, target, c);
            return body.read(dialect, c);
        } catch (SQLException e) {
            throw new EngineException("cannot read " + target + ": " + SqlErrors.oneLine(e), e);
        }
    }

    /** One query; a failure only leaves events for this server to be matched by host and port. */
    private static void learnServer(Dialect dialect, DbTarget target, Connection c) {
        try {
            ServerIdentities.learn(target.url(), dialect.jdbcFamily().serverIdentities(c));
        } catch (SQLException | RuntimeException e) {
            // nothing learned: the snapshot itself is what matters here
        }
    }

    /**
     * The differences from golden. Across server majors, pairs of objects a server has already
     * judged ({@link #diffAcrossVersions}) are settled as it said: the same object is no change, an
     * undecidable one is shown as {@code versionDependent} and is not drift.
     */
    public Diff diff(Snapshot golden, Snapshot target) {
        return CrossVersionVerdicts.settle(compare(golden, target), golden, target);
    }

    private Diff compare(Snapshot golden, Snapshot target) {
        if (!dialects.comparable(golden.getFlavor(), target.getFlavor())) {
            throw new EngineException("cannot compare a " + golden.getFlavor() + " schema with a "
                    + target.getFlavor() + " schema");
        }
        return Differ.compare(golden, target);
    }

    /**
     * {@link #diff}, first asking the servers about objects of golden and the target that differ in
     * server-printed text when they run different majors (a cross-version fleet; see
     * docs/postgres.md): the target's server, and golden's when {@code goldenServer} is given (a
     * database of golden's major holding golden's objects). Pairs already judged are not asked
     * again, except those judged without golden's server when it is given now. When a server cannot
     * be reached, its side is skipped (logged) and what could not be settled stays undecided.
     */
    public Diff diffAcrossVersions(Snapshot golden, DbTarget goldenServer, Snapshot target, DbTarget targetServer,
                                   InspectOptions options) {
        Diff plain = compare(golden, target);
        List<Change> open = new ArrayList<>();
        for (Change c : CrossVersionVerdicts.candidates(plain, golden, target)) {
            CrossVersionVerdicts.Judged known = CrossVersionVerdicts.known(golden, target, c);
            if (known == null || !known.complete() && goldenServer != null) {
                open.add(c);
            }
        }
        if (!open.isEmpty()) {
            Dialect dialect = dialectFor(targetServer.url());
            try (Connection t = dialect.connect(targetServer, options, true);
                 Connection g = goldenServer == null ? null : connectOrNull(goldenServer, options)) {
                Map<ObjectKey, CrossVersionVerdicts.Judged> judged = dialect.judgeAcrossVersions(open, golden, g,
                        goldenServer == null ? null : goldenServer.schema(), target, t, targetServer.schema());
                for (Change c : open) {
                    CrossVersionVerdicts.Judged j = judged.get(c.key());
                    if (j != null) {
                        CrossVersionVerdicts.remember(golden, target, c, j);
                    }
                }
            } catch (SQLException e) {
                LOG.warn("cannot compare {} with golden across server versions ({} and {}): {}", targetServer,
                        golden.getServerVersion(), target.getServerVersion(), SqlErrors.oneLine(e));
            }
        }
        return CrossVersionVerdicts.settle(plain, golden, target);
    }

    /** Golden's server is a help, not a need: without it the target's server judges alone. */
    private Connection connectOrNull(DbTarget server, InspectOptions options) {
        try {
            return dialectFor(server.url()).connect(server, options, true);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("golden's server {} cannot help compare across server versions: {}", server, SqlErrors.oneLine(e));
            return null;
        }
    }

    public Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options) {
        return dialectFor(target.getFlavor()).plan(diff, golden, target, options);
    }

    /** Applies a plan over a writable connection to {@code target}. */
    public void apply(DbTarget target, Plan plan, boolean allowDestructive, InspectOptions options) {
        Dialect dialect = dialectFor(target.url());
        try (Connection c = dialect.connect(target, options, false)) {
            dialect.apply(c, plan, allowDestructive);
        } catch (SQLException e) {
            throw new EngineException("applying the plan to " + target + " failed: " + SqlErrors.oneLine(e), e);
        }
    }

    /**
     * Where the dialect can ({@link Dialect#verifiedApply()}: PostgreSQL), applies the plan in one
     * transaction that first re-reads the target (it must still have the plan's target fingerprint,
     * else nothing runs and the outcome is {@code stale}) and, after the statements, reads it again on the same open transaction: it commits only when
     * {@code verdict} returns null for that snapshot, else rolls back with the verdict's reason. Lock
     * waits end at {@code lockTimeout}, statements at {@code statementTimeout}; any failure rolls
     * back, so the target is either verified or exactly as before. The CLI's {@code apply}, stored
     * plans and rollouts all apply PostgreSQL plans through here.
     */
    public VerifiedApply.Outcome applyVerified(DbTarget target, Plan plan, boolean allowDestructive,
                                               Duration lockTimeout, Duration statementTimeout,
                                               InspectOptions options, Function<Snapshot, String> verdict) {
        return applyVerified(target, plan, allowDestructive, lockTimeout, statementTimeout, options,
                UnaryOperator.identity(), verdict);
    }

    /**
     * As above, with the target's snapshots seen through {@code view} (a fleet's ignore rules) before
     * the planned fingerprint is checked and before {@code verdict} judges them: the plan was made on
     * that view, so an ignored object neither makes the target stale nor blocks the commit.
     */
    public VerifiedApply.Outcome applyVerified(DbTarget target, Plan plan, boolean allowDestructive,
                                               Duration lockTimeout, Duration statementTimeout,
                                               InspectOptions options, UnaryOperator<Snapshot> view,
                                               Function<Snapshot, String> verdict) {
        Dialect dialect = dialectFor(target.url());
        VerifiedApply verified = dialect.verifiedApply().orElseThrow(() -> new EngineException(
                "a verified one-transaction apply is not available for " + target + ", a " + dialect.name() + " database"));
        String planned = plan.targetFingerprint();
        try (Connection c = dialect.connect(target, options, false)) {
            return verified.apply(c, plan, allowDestructive, target.schema(), lockTimeout,
                    statementTimeout, options,
                    now -> planned == null || view.apply(now).fingerprint().equals(planned) ? null
                            : "target changed since planning: " + planned + " -> " + view.apply(now).fingerprint(),
                    after -> verdict.apply(view.apply(after)));
        } catch (SQLException e) {
            return new VerifiedApply.Outcome(false, false, null, null, "rolled back, nothing was changed: "
                    + SqlErrors.oneLine(e));
        }
    }

    /** The statement timeout of an apply whose per-database timeout is {@code timeout}: that, or {@link #MIN_STATEMENT_TIMEOUT}. */
    public static Duration statementTimeout(Duration timeout) {
        return timeout.compareTo(MIN_STATEMENT_TIMEOUT) > 0 ? timeout : MIN_STATEMENT_TIMEOUT;
    }

    /** Null when {@code after} has no drift from golden, else the first differences in one line. */
    public String stillDiffers(Snapshot golden, Snapshot after) {
        List<Change> left = diff(golden, after).driftChanges();
        if (left.isEmpty()) {
            return null;
        }
        String shown = left.stream().limit(5).map(Change::describe).collect(Collectors.joining("; "));
        return left.size() > 5 ? shown + "; and " + (left.size() - 5) + " more" : shown;
    }

    /**
     * True when the plan's dialect applies it in one transaction verified before COMMIT
     * ({@link #applyVerified}); false when it runs statement by statement (and can be resumed).
     */
    public boolean appliesVerified(Plan plan) {
        return dialectFor(plan.flavor()).verifiedApply().isPresent();
    }
}
