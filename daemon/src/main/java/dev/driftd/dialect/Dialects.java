package dev.driftd.dialect;

import dev.driftd.dialect.mysql.MysqlDialect;
import dev.driftd.dialect.postgres.PostgresDialect;
import dev.driftd.schema.Flavor;

import java.util.List;
import java.util.Optional;

/**
 * The one place that knows which dialects exist and finds the one for a JDBC URL or for the flavor
 * a snapshot or plan was read with. Everything outside {@code dialect} asks here (through the
 * engine) instead of naming a dialect or a flavor.
 */
public final class Dialects {
    private final List<Dialect> dialects;

    public Dialects(List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    /** PostgreSQL and the MySQL family: what the daemon and the CLI run with. */
    public static Dialects standard() {
        return new Dialects(List.of(new PostgresDialect(), new MysqlDialect()));
    }

    public List<Dialect> all() {
        return dialects;
    }

    /** The first dialect that handles the URL; empty when none does. */
    public Optional<Dialect> forUrl(String jdbcUrl) {
        return dialects.stream().filter(d -> d.handles(jdbcUrl)).findFirst();
    }

    /** The dialect whose inspector writes snapshots of this flavor; empty when none does. */
    public Optional<Dialect> forFlavor(Flavor flavor) {
        return dialects.stream().filter(d -> d.reads(flavor)).findFirst();
    }

    /**
     * True when snapshots of these two flavors may be compared (one dialect reads both); an unknown
     * flavor (null) is comparable with anything, since nothing says otherwise.
     */
    public boolean comparable(Flavor a, Flavor b) {
        return a == null || b == null || forFlavor(a).equals(forFlavor(b));
    }
}
