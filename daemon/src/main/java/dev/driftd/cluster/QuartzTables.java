package dev.driftd.cluster;

import dev.driftd.sql.StatementSplitter;
import dev.driftd.store.Jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates Quartz's JDBC job store tables in a PostgreSQL store from the script Quartz ships
 * ({@code org/quartz/impl/jdbcjobstore/tables_postgres.sql}), so the tables always match the Quartz
 * version on the classpath. The script starts by dropping every table; those statements are never
 * run: each CREATE becomes CREATE ... IF NOT EXISTS, and the whole set runs in one transaction under
 * an advisory lock, so nodes starting at once take turns and a running cluster loses nothing.
 */
public final class QuartzTables {
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Fixed and distinct from the store's own migration lock: "drqrtz" in ASCII. */
    private static final long LOCK_KEY = 0x647271727a74L;

    /** CREATE TABLE / CREATE INDEX, and whether IF NOT EXISTS is already there. */
    private static final Pattern CREATE = Pattern.compile("(CREATE\\s+(?:TABLE|INDEX))(\\s+IF\\s+NOT\\s+EXISTS)?\\s",
            Pattern.CASE_INSENSITIVE);

    private QuartzTables() {
    }

    /** The CREATE statements of the shipped script, rewritten to be idempotent; never a DROP. */
    static List<String> statements() {
        String text;
        try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the Quartz jar has no " + SCRIPT);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (String sql : StatementSplitter.texts(text, StatementSplitter.Syntax.POSTGRES)) {
            String head = sql.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (head.equals("COMMIT") || head.startsWith("DROP ")) {
                continue;
            }
            Matcher create = CREATE.matcher(sql);
            if (!create.lookingAt()) {
                throw new IllegalStateException(SCRIPT + " has a statement driftd does not know how to run safely: "
                        + head.substring(0, Math.min(60, head.length())));
            }
            out.add(create.group(2) != null ? sql : create.group(1) + " IF NOT EXISTS" + sql.substring(create.end(1)));
        }
        return out;
    }

    /** Creates whatever Quartz table or index is missing; safe when several nodes do it at once. */
    public static void ensure(Connection c) throws SQLException {
        List<String> statements = statements();
        Jdbc.transaction(c, () -> {
            try (Statement s = c.createStatement()) {
                // IF NOT EXISTS alone still races on the catalog (duplicate key on pg_type): take turns
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }
}
