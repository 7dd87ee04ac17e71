package dev.driftd.engine;

import java.sql.SQLException;

/** Driver messages reduced to one line a person can act on. */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static String oneLine(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null && message == null) {
            message = t.getMessage();
            t = t.getCause();
        }
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse(message);
        if (e instanceof SQLException s && s.getSQLState() != null && !line.contains(s.getSQLState())) {
            line += " (SQLSTATE " + s.getSQLState() + ")";
        }
        return line;
    }
}
