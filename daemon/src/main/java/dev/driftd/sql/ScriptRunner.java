package dev.driftd.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs split statements one by one on one session, stopping at the first error as psql -v ON_ERROR_STOP=1 and mysql do. */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /**
     * @throws ScriptException naming {@code source}:line and the server's first message line;
     *                         its cause is the {@link SQLException}
     */
    public static void run(Connection c, List<ScriptStatement> statements, String source) {
        try (Statement s = c.createStatement()) {
            for (ScriptStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new ScriptException(source, statement.line(), firstLine(e), e);
                }
            }
        } catch (SQLException e) {
            throw new ScriptException(source, statements.isEmpty() ? 1 : statements.get(0).line(), firstLine(e), e);
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String line = m.lines().findFirst().orElse(m);
        return e.getSQLState() == null || line.contains(e.getSQLState()) ? line : line + " (SQLSTATE " + e.getSQLState() + ")";
    }
}
