package dev.driftd.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging records (pgjdbc logs through it, e.g. "JDBC URL invalid port number")
 * to SLF4J, so they reach logback's appenders: masked by {@link Redactor} and written in the
 * chosen format (one JSON object per line in JSON mode). Without it, the JDK's console handler
 * prints them to standard error unmasked and on two lines.
 *
 * <p>Cost: JUL asks its own logger levels before a record is built; logback.xml declares
 * {@code LevelChangePropagator}, which copies logback's levels onto the JUL loggers, so a
 * disabled pgjdbc FINE call stays a cheap level check instead of a record per statement.
 */
public final class JulBridge {
    private JulBridge() {
    }

    /** Idempotent: removes the JDK's default console handler and installs the bridge once. */
    public static synchronized void install() {
        if (SLF4JBridgeHandler.isInstalled()) {
            return;
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
