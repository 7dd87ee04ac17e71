package dev.driftd.selfcheck;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcUrl;
import dev.driftd.dialect.ScratchSpace;
import dev.driftd.engine.EngineException;
import dev.driftd.util.SqlErrors;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The throw-away databases a self-check works in, on the user's server: {@code driftd_selfcheck_<random>_g}
 * (the golden side) and {@code …_t} (the target side). Only databases this object created are ever
 * dropped; {@link #close()} drops what is left. The DDL is the dialect's ({@link ScratchSpace}).
 */
final class ScratchDatabases implements AutoCloseable {
    static final String PREFIX = "driftd_selfcheck_";

    private final Dialect dialect;
    private final DbTarget server;
    private final InspectOptions options;
    private final String stem;
    /** Databases that exist now because of us; dropped on close. */
    private final Set<String> created = new LinkedHashSet<>();

    ScratchDatabases(Dialect dialect, DbTarget server, InspectOptions options, String stem) {
        this.dialect = dialect;
        this.server = server;
        this.options = options;
        this.stem = stem;
    }

    /** A fresh {@code driftd_selfcheck_<random>}: two runs at once on one server never meet. */
    static String newStem() {
        byte[] random = new byte[5];
        new SecureRandom().nextBytes(random);
        return PREFIX + HexFormat.of().formatHex(random);
    }

    String name(String side) {
        return stem + "_" + side;
    }

    /** A target for the side's database, with the user's credentials. */
    DbTarget target(String side) {
        String url = JdbcUrl.parse(server.url()).withDatabase(name(side)).toString();
        return new DbTarget(url, server.user(), server.password(), null);
    }

    /** Drops (if we made it) and creates the side's database, then runs {@code statements} in it. */
    void reset(String side, List<String> statements) {
        String db = name(side);
        if (created.contains(db)) {
            admin("DROP DATABASE " + db, (space, c) -> space.dropDatabase(c, db));
            created.remove(db);
        }
        admin("CREATE DATABASE " + db, (space, c) -> space.createDatabase(c, db));
        created.add(db);
        run(side, statements);
    }

    private void run(String side, List<String> statements) {
        try (Connection c = dialect.connect(target(side), options, false); Statement s = c.createStatement()) {
            int n = 0;
            for (String sql : statements) {
                n++;
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new CaseSqlException("statement " + n + " (" + firstLine(sql) + ") failed: "
                            + SqlErrors.oneLine(e));
                }
            }
        } catch (SQLException e) {
            throw new EngineException("cannot connect to scratch database " + name(side) + ": " + SqlErrors.oneLine(e), e);
        }
    }

    @FunctionalInterface
    private interface AdminStep {
        void run(ScratchSpace space, Connection admin) throws SQLException;
    }

    /** One DDL step on its own session to the user's server; {@code what} names it in the error. */
    private void admin(String what, AdminStep step) {
        try (Connection c = dialect.connect(server, options, false)) {
            step.run(dialect.scratchSpace(), c);
        } catch (SQLException e) {
            throw new EngineException(what + " on " + server.redactedUrl() + " failed: " + SqlErrors.oneLine(e), e);
        }
    }

    /** The databases this check created and still holds. */
    List<String> held() {
        return new ArrayList<>(created);
    }

    /**
     * Drops every database this check created. Each drop is tried even when one fails; the
     * failures are reported together, so a user knows exactly which database to drop by hand.
     */
    @Override
    public void close() {
        List<String> failed = new ArrayList<>();
        for (String db : List.copyOf(created)) {
            try {
                admin("DROP DATABASE " + db, (space, c) -> space.dropDatabase(c, db));
                created.remove(db);
            } catch (EngineException e) {
                failed.add(db + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new EngineException("could not drop scratch database(s): " + String.join("; ", failed));
        }
    }

    private static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    /** A case's own DDL failed: the case fails, the run goes on. */
    static final class CaseSqlException extends RuntimeException {
        CaseSqlException(String message) {
            super(message);
        }
    }
}
