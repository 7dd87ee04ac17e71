package dev.driftd.cluster;

import dev.driftd.config.StoreConfig;
import dev.driftd.util.SqlErrors;
import dev.driftd.util.UrlRedaction;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this daemon runs as a node of a Quartz cluster, and the Quartz settings for it. A
 * PostgreSQL store always clusters (a single daemon is a cluster of one; a second one started on the
 * same store shares the work); the embedded H2 store is single-process and keeps Quartz's in-memory
 * job store. Nodes of one cluster must run the same fleet configuration (see docs/cluster.md).
 */
public final class ClusterMode {
    /** Quartz's scheduler name: the same on every node, it is what makes them one cluster. */
    public static final String SCHEDULER_NAME = "driftd";
    /** How often a node tells the others it is alive; a node silent for longer (plus a margin) is taken as dead. */
    static final long CHECKIN_MILLIS = 5_000;
    private static final AtomicInteger IN_THIS_JVM = new AtomicInteger();

    private ClusterMode() {
    }

    public static boolean clustered(StoreConfig store) {
        return store.isPostgres();
    }

    /**
     * Creates the missing Quartz tables and returns the settings of a clustered JDBC job store on
     * the store's database; {@code node} is this node's instance id ({@link #nodeId()}). Throws
     * IllegalStateException (one line, no secret) when the store cannot be prepared.
     */
    public static Properties quartzProperties(StoreConfig store, int threads, String node) {
        ensureTables(store);
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", node);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // a node that was idle looks for due triggers again after this long (Quartz's default: 30 s)
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "driftd-quartz");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN_MILLIS));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        // after the store went away, try again soon rather than after Quartz's default 15 s
        p.setProperty("org.quartz.jobStore.dbRetryInterval", "2000");
        p.setProperty("org.quartz.jobStore.dataSource", "driftd");
        p.setProperty("org.quartz.dataSource.driftd.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.driftd.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.driftd.URL", store.url());
        if (store.user() != null) {
            p.setProperty("org.quartz.dataSource.driftd.user", store.user());
        }
        if (store.password() != null) {
            p.setProperty("org.quartz.dataSource.driftd.password", store.password().reveal());
        }
        p.setProperty("org.quartz.dataSource.driftd.maxConnections", Integer.toString(Math.max(3, threads / 2 + 2)));
        p.setProperty("org.quartz.dataSource.driftd.validationQuery", "SELECT 1");
        return p;
    }

    /** Host name, process id and a counter: unique per node, readable in logs and QRTZ_SCHEDULER_STATE. */
    public static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        int n = IN_THIS_JVM.incrementAndGet();
        return host + "-" + ProcessHandle.current().pid() + (n > 1 ? "-" + n : "");
    }

    /** A connection of its own to the store (not from the pool: for Quartz's tables and sweep locks). */
    static Connection connect(StoreConfig store) throws SQLException {
        Properties props = new Properties();
        if (store.user() != null) {
            props.setProperty("user", store.user());
        }
        if (store.password() != null) {
            props.setProperty("password", store.password().reveal());
        }
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(store.url(), props);
    }

    private static void ensureTables(StoreConfig store) {
        try (Connection c = connect(store)) {
            QuartzTables.ensure(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the Quartz tables in the store "
                    + UrlRedaction.redact(store.url()) + ": " + SqlErrors.oneLine(e), e);
        }
    }
}
