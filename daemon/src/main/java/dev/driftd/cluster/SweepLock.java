package dev.driftd.cluster;

import dev.driftd.config.StoreConfig;
import dev.driftd.fleet.Shard;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each sweep of a fleet, or of one shard of it, under a cluster-wide lock (a PostgreSQL
 * session advisory lock in the store, on a connection of its own, keyed by the fleet and shard),
 * and logs on the node that runs it when the sweep starts and ends, with the node id and epoch
 * milliseconds in the message itself (whatever the log layout):
 * {@code cluster: sweep start fleet=tenants shard=2 node=host-1234 at=1764140000123} (no
 * {@code shard=} for an unsharded fleet). That log is how an operator, and the cluster test, can
 * check that no fleet or shard was ever swept twice at once.
 *
 * <p>Why a lock on top of Quartz's {@code @DisallowConcurrentExecution}: the JDBC job store keeps
 * that promise across nodes only while a job has one trigger. A sweep job has its cron trigger and
 * the one-off triggers of {@code sweep?wait=true}; when a node acquired one of those but another
 * node fired the job first, the node releases its trigger from BLOCKED back to WAITING
 * ({@code JobStoreSupport.releaseAcquiredTrigger}) and it fires while the job still runs elsewhere
 * (quartz-scheduler/quartz#674). Seen in ClusterTest with a sharded fleet. The lock makes such a
 * second run wait for the first to end, as a blocked trigger would. A node that dies loses its
 * session, so its locks go with it.
 */
public final class SweepLock implements SweepGuard, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SweepLock.class);
    /** A second run of a shard waits at most this long for the first, then is skipped. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 250;

    private final StoreConfig store;
    private final String node;
    private volatile boolean closed;
    /** Runs of this node that found their shard's lock taken and are waiting for it. */
    private final AtomicInteger waiting = new AtomicInteger();

    public SweepLock(StoreConfig store, String node) {
        this.store = store;
        this.node = node;
    }

    @Override
    public void run(String fleet, Shard shard, Sweeper sweep) throws InterruptedException {
        String what = shard.whole() ? "fleet=" + fleet : "fleet=" + fleet + " shard=" + shard.index();
        long key = key(fleet, shard);
        try (Connection c = ClusterMode.connect(store)) {
            if (!lock(c, key, what)) {
                return;
            }
            LOG.info("cluster: sweep start {} node={} at={}", what, node, System.currentTimeMillis());
            String failed = "";
            try {
                sweep.run();
            } catch (InterruptedException | RuntimeException e) {
                failed = " failed=" + SqlErrors.oneLine(e);
                throw e;
            } finally {
                LOG.info("cluster: sweep end {} node={} at={}{}", what, node, System.currentTimeMillis(), failed);
                unlock(c, key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the cluster lock of the sweep " + what + ": "
                    + SqlErrors.oneLine(e), e);
        }
    }

    /** True once held; false when it gave up (waited too long, or this node is stopping). */
    private boolean lock(Connection c, long key, String what) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        boolean said = false;
        try {
            while (true) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (!said) {
                    said = true;
                    waiting.incrementAndGet();
                    LOG.info("cluster: {} is being swept by another node; node={} runs it again once that ends", what, node);
                }
                if (closed || System.nanoTime() > deadline) {
                    LOG.warn("cluster: skipped a sweep of {}: {}", what, closed ? "this node is stopping"
                            : "another node has been sweeping it for more than " + MAX_WAIT.toMinutes() + " minutes");
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            if (said) {
                waiting.decrementAndGet();
            }
        }
    }

    /**
     * How many runs of this node are waiting because another holds their shard's lock: each has
     * tried it at least once. Lets a caller (a test) know a run is waiting without guessing a delay.
     */
    public int waiting() {
        return waiting.get();
    }

    private static void unlock(Connection c, long key) {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + key + ")");
        } catch (SQLException e) {
            // closing the session releases the lock as well
        }
    }

    /** 64 bits of SHA-256 of the fleet and shard: a collision would only make two shards take turns. */
    static long key(String fleet, Shard shard) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("driftd-sweep:" + fleet + "#" + shard).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Sweeps still waiting for another node's give up at once (the node is stopping). */
    @Override
    public void close() {
        closed = true;
    }
}
