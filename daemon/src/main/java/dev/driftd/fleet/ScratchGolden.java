package dev.driftd.fleet;

import dev.driftd.config.GoldenConfig;
import dev.driftd.config.OverlayConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcUrl;
import dev.driftd.dialect.ScratchSpace;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.schema.Snapshot;
import dev.driftd.sql.ScriptException;
import dev.driftd.sql.ScriptRunner;
import dev.driftd.sql.ScriptStatement;
import dev.driftd.sql.StatementSplitter;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code sql} golden: applies the file to a scratch database (or a scratch schema of the
 * scratch URL's PostgreSQL database) created for the purpose, statement by statement as psql or the
 * mysql client would cut it ({@link StatementSplitter}; an error names file:line), snapshots it through the same
 * inspector as the members (so the server normalizes it, nothing is parsed by hand), and drops it
 * whatever happened.
 */
public final class ScratchGolden {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchGolden.class);

    private final Engine engine;

    public ScratchGolden(Engine engine) {
        this.engine = engine;
    }

    public Snapshot snapshot(GoldenConfig.Sql golden, InspectOptions options) {
        return snapshot(golden, List.of(), options);
    }

    /**
     * Golden's script and then each overlay's, in order, in one scratch database: the expected
     * schema of a member with those overlays, as the server normalizes it. A failing overlay
     * statement is an EngineException naming the overlay, the statement (file:line and its text)
     * and the server's error.
     */
    public Snapshot snapshot(GoldenConfig.Sql golden, List<OverlayConfig> overlays, InspectOptions options) {
        String script;
        try {
            script = Files.readString(golden.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("cannot read golden SQL file " + golden.file() + ": " + e.getClass().getSimpleName());
        }
        String source = golden.file().getFileName().toString();
        DbTarget server = golden.scratchTarget();
        Dialect dialect = engine.dialectFor(server.url());
        ScratchSpace space = dialect.scratchSpace();
        StatementSplitter.Syntax syntax = space.scriptSyntax();
        String name = "driftd_scratch_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String what = golden.inSchema() ? "schema " + name : "database " + name;
        try (Connection admin = dialect.connect(dialect.databaseListing().listingTarget(server), options, false)) {
            admin.setAutoCommit(true);
            if (golden.inSchema()) {
                space.createSchema(admin, name);
            } else {
                space.createDatabase(admin, name);
            }
            try {
                DbTarget scratch = golden.inSchema() ? server.withSchema(name)
                        : new DbTarget(JdbcUrl.parse(server.url()).withDatabase(name).toString(), server.user(), server.password(), null);
                List<ScriptStatement> statements = StatementSplitter.split(script, syntax, source);
                if (golden.inSchema()) {
                    space.enterSchema(admin, name);
                    ScriptRunner.run(admin, statements, source);
                    runOverlays(admin, overlays, syntax);
                } else {
                    try (Connection c = dialect.connect(scratch, options, false)) {
                        c.setAutoCommit(true);
                        ScriptRunner.run(c, statements, source);
                        runOverlays(c, overlays, syntax);
                    }
                }
                return engine.snapshot(scratch, options);
            } finally {
                drop(admin, space, golden.inSchema(), name, what, server);
            }
        } catch (ScriptException e) {
            // file:line and the server's message, or what in the file cannot be split
            throw new EngineException("golden SQL " + e.getMessage() + " on " + server.redactedUrl() + " (" + what + ")", e);
        } catch (SQLException e) {
            throw new EngineException("golden SQL " + golden.file().getFileName() + " on " + server.redactedUrl()
                    + " (" + what + "): " + SqlErrors.oneLine(e), e);
        }
    }

    private static void runOverlays(Connection c, List<OverlayConfig> overlays, StatementSplitter.Syntax syntax) {
        for (OverlayConfig o : overlays) {
            String text;
            try {
                text = o.script();
            } catch (IOException e) {
                throw new EngineException(o.describe() + ": cannot read " + o.file() + ": " + e.getClass().getSimpleName());
            }
            List<ScriptStatement> statements = new ArrayList<>();
            try {
                for (ScriptStatement st : StatementSplitter.split(text, syntax, o.source())) {
                    statements.add(new ScriptStatement(st.sql(), st.line() + o.lineOffset()));
                }
                ScriptRunner.run(c, statements, o.source());
            } catch (ScriptException e) {
                String failed = statements.stream().filter(st -> st.line() == e.line()).findFirst()
                        .map(st -> " in `" + abbreviate(st.sql()) + "`").orElse("");
                throw new EngineException(o.describe() + ": " + e.getMessage() + failed, e);
            }
        }
    }

    /** The statement on one line, cut to a readable length. */
    private static String abbreviate(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    private static void drop(Connection admin, ScratchSpace space, boolean schema, String name, String what,
                             DbTarget server) {
        try {
            if (schema) {
                space.dropSchema(admin, name);
            } else {
                space.dropDatabase(admin, name);
            }
        } catch (SQLException e) {
            LOG.warn("could not drop scratch {} on {}: {}", what, server.redactedUrl(), SqlErrors.oneLine(e));
        }
    }
}
