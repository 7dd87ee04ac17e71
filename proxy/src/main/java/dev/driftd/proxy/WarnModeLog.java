package dev.driftd.proxy;

import java.util.logging.Level;

/**
 * The warning driftd.guard=warn gives for DDL without the allow marker: once per application per
 * minute for the whole JVM, not once per connection (a pool opens many, and every statement is
 * reported to the daemon anyway; the log only needs to say that it happens, and who does it).
 */
final class WarnModeLog {
    private static final RateLimitedLog LOG = new RateLimitedLog();

    private WarnModeLog() {
    }

    static void unapprovedDdl(String application, String sql) {
        String app = application == null ? "(unnamed application)" : application;
        LOG.log(Level.WARNING, app, () -> "driftd: DDL without /* driftd:allow */ ran (driftd.guard=warn) in " + app
                + ": " + ProxyConnection.abbreviate(sql)
                + " (every such statement is reported to the daemon; this warning is logged once a minute)");
    }
}
