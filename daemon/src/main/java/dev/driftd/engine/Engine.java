package dev.driftd.engine;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
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
        Dialect dialect = dialectFor(target.url());
        try (Connection c = dialect.connect(target, options, true)) {
            return dialect.inspect(c, target.schema(), options);
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
