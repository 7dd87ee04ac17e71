package dev.driftd.sweep;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns a failed snapshot into the short reason the metrics label carries: {@code timeout},
 * {@code auth}, {@code connect}, {@code missing} (database or schema gone) or {@code query}
 * (anything else the server said). Looks at the whole cause chain: SQLSTATEs first, then
 * exception types, then the message.
 */
public final class FailureReasons {
    public static final String TIMEOUT = "timeout";
    public static final String AUTH = "auth";
    public static final String CONNECT = "connect";
    public static final String MISSING = "missing";
    public static final String QUERY = "query";

    /** MySQL error codes: lock wait timeout, max_execution_time exceeded, query interrupted. */
    private static final Set<Integer> MYSQL_TIMEOUTS = Set.of(1205, 3024, 1317);
    /** MySQL: access denied for user / to database, bad password. */
    private static final Set<Integer> MYSQL_AUTH = Set.of(1045, 1044, 1698);

    private FailureReasons() {
    }

    public static String classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                int code = s.getErrorCode();
                if (state.equals("57014") || state.equals("55P03") || MYSQL_TIMEOUTS.contains(code)) {
                    return TIMEOUT;
                }
                if (state.startsWith("28") || MYSQL_AUTH.contains(code)) {
                    return AUTH;
                }
                if (state.equals("3D000") || state.equals("3F000") || code == 1049) {
                    return MISSING;
                }
                if (state.startsWith("08")) {
                    // a login that timed out (the server accepted the connection, then said nothing) is a timeout
                    String m = String.valueOf(s.getMessage()).toLowerCase(Locale.ROOT);
                    return hasCause(s, SocketTimeoutException.class) || m.contains("timed out") || m.contains("timeout")
                            ? TIMEOUT : CONNECT;
                }
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return CONNECT;
            }
        }
        String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("timed out") || message.contains("timeout")) {
            return TIMEOUT;
        }
        if (message.contains("does not exist") || message.contains("unknown database")) {
            return MISSING;
        }
        if (message.contains("communications link failure") || message.contains("connection refused")
                || message.contains("connection attempt failed")) {
            return CONNECT;
        }
        return QUERY;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
