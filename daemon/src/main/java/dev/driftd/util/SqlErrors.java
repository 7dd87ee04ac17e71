package dev.driftd.util;

import dev.driftd.logging.Redactor;

import java.sql.SQLException;

/**
 * Every error text that is stored, logged or answered is made here: the driver's message reduced
 * to one line a person can act on, with secrets masked. Drivers echo the JDBC URL when they cannot
 * parse it ("No suitable driver found for jdbc:…?password=…", "Malformed database URL …"), so a
 * password in a URL's user info, a {@code password=} parameter or a property list would otherwise
 * reach member errors, {@code golden.error}, store rows, API answers and the CLI's standard error.
 */
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
        return Redactor.redact(line);
    }

    /** {@code text} with passwords and tokens masked; for messages not made from a Throwable. */
    public static String masked(String text) {
        return Redactor.redact(text);
    }
}
