package dev.driftd.sql;

/** One statement of a script, as the server is sent it, and the line of the script it starts on. */
public record ScriptStatement(String sql, int line) {
    public ScriptStatement {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("empty statement");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line " + line);
        }
    }
}
