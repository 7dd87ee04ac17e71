package dev.driftd.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * A tiny program run in a child JVM by {@link LogFormatTest}: it logs a fixed set of events through
 * the logback.xml on the classpath (the one shipped in driftd.jar), so the test sees exactly what
 * the daemon would print for a given -Ddriftd.log.format / DRIFTD_LOG_FORMAT.
 * Expected on stderr: 5 events (INFO, WARN multi-line, ERROR with cause, hikari WARN, INFO with a
 * token argument); library DEBUG/INFO and driftd DEBUG must not appear.
 */
public final class LogProbe {
    static final String DB_PASSWORD = "hunter2-db-pass";
    static final String TOKEN = "s3cr3t-token-value";

    public static void main(String[] args) {
        Logger sweep = LoggerFactory.getLogger("dev.driftd.sweep.Sweep");
        sweep.info("tenants: {} members, {} drifted", 3, 1);
        sweep.warn("first line\nsecond line\tafter a tab");
        SQLException cause = new SQLException("connection refused");
        sweep.error("snapshot of t1 failed",
                new IllegalStateException("cannot connect to jdbc:postgresql://db1:5432/app?user=driftd&password="
                        + DB_PASSWORD, cause));
        sweep.debug("driftd debug detail that INFO hides");
        LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").debug("netty debug noise");
        LoggerFactory.getLogger("org.quartz.core.QuartzScheduler").info("quartz info noise");
        LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("pool is slow for postgresql://driftd:{}@db1/app", DB_PASSWORD);
        LoggerFactory.getLogger("dev.driftd.http.Admin").info("rejected request with token={} and header Bearer {}", TOKEN, TOKEN);
        System.out.println("probe done");
    }
}
