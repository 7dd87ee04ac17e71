package dev.driftd.proxy;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A short-lived "migration process" for the JVM-exit flush test: runs one DDL statement through the
 * proxy and returns from main without closing anything, so only the shutdown hook can send the event.
 */
public final class ExitFlushChild {
    private ExitFlushChild() {
    }

    public static void main(String[] args) throws Exception {
        Connection c = DriverManager.getConnection(args[0]);
        c.createStatement().execute(args[1]);
        System.out.println("ran at " + System.currentTimeMillis()); // the parent times the exit from here
    }
}
