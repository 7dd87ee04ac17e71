package dev.driftd.engine;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.dialect.mysql.MysqlDialect;
import dev.driftd.dialect.postgres.PostgresDialect;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The engine as the CLI and the daemon use it: pick the dialect for a URL, snapshot, diff, plan,
 * apply. Turns driver exceptions into one-line {@link EngineException}s that name the database.
 */
public final class Engine {
    private final List<Dialect> dialects;

    public Engine() {
        this(List.of(new PostgresDialect(), new MysqlDialect()));
    }

    public Engine(List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public Dialect dialectFor(String url) {
        for (Dialect d : dialects) {
            if (d.handles(url)) {
                return d;
            }
        }
        throw new EngineException("unsupported database URL " + DbTarget.redact(url)
                + ": driftd reads jdbc:postgresql://, jdbc:mysql:// and jdbc:mariadb:// URLs");
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
            Optional<String> marker = dialect.catalogMarker(c);
            if (marker.isPresent() && marker.get().equals(knownMarker)) {
                return Optional.empty();
            }
            return Optional.of(dialect.inspectMarked(c, target.schema(), options));
        });
    }

    @FunctionalInterface
    private interface CatalogRead<T> {
        T read(Dialect dialect, Connection connection) throws SQLException;
    }

    /** Runs {@code body} on a read-only session to the target. */
    private <T> T read(DbTarget target, InspectOptions options, CatalogRead<T> body) {
        Dialect dialect = dialectFor(target.url());
        try (Connection c = dialect.connect(target, options, true)) {
            return body.read(dialect, c);
        } catch (SQLException e) {
            throw new EngineException("cannot read " + target + ": " + SqlErrors.oneLine(e), e);
        }
    }

    public Diff diff(Snapshot golden, Snapshot target) {
        if (golden.getFlavor() != null && target.getFlavor() != null
                && golden.getFlavor().isMysqlFamily() != target.getFlavor().isMysqlFamily()) {
            throw new EngineException("cannot compare a " + golden.getFlavor() + " schema with a "
                    + target.getFlavor() + " schema");
        }
        return Differ.compare(golden, target);
    }

    public Plan plan(Diff diff, Snapshot golden, Snapshot target, PlanOptions options) {
        return dialectForFlavor(target).plan(diff, golden, target, options);
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

    private Dialect dialectForFlavor(Snapshot s) {
        String probe = s.getFlavor() != null && s.getFlavor().isMysqlFamily() ? "jdbc:mysql:" : "jdbc:postgresql:";
        return dialectFor(probe);
    }
}
