package dev.driftd.cluster;

import dev.driftd.config.StoreConfig;
import dev.driftd.fleet.Shard;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster-wide sweep lock on a real PostgreSQL store, with two "nodes" (two locks, each
 * sweep on a connection of its own): a second run of a shard waits for the first to end, another
 * shard does not wait, and a node that is stopping gives up waiting at once.
 */
class SweepLockTest {
    private static StoreConfig store(TestDatabase db) {
        return new StoreConfig(db.url(), null, null, StoreConfig.DEFAULT_RETENTION);
    }

    /** Runs a sweep on another thread; it holds the lock until {@code release} opens. */
    private static CompletableFuture<Void> sweep(SweepLock lock, Shard shard, CountDownLatch entered,
                                                 CountDownLatch release, AtomicLong enteredAt) {
        return CompletableFuture.runAsync(() -> {
            try {
                lock.run("tenants", shard, () -> {
                    enteredAt.set(System.nanoTime());
                    entered.countDown();
                    release.await(30, TimeUnit.SECONDS);
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSecondRunOfAShardWaitsForTheFirstAndOtherShardsDoNot() throws Exception {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drlock")) {
            SweepLock nodeA = new SweepLock(store(db), "node-a");
            SweepLock nodeB = new SweepLock(store(db), "node-b");
            Shard one = new Shard(1, 3);
            CountDownLatch aIn = new CountDownLatch(1);
            CountDownLatch bIn = new CountDownLatch(1);
            CountDownLatch otherIn = new CountDownLatch(1);
            CountDownLatch releaseA = new CountDownLatch(1);
            CountDownLatch releaseB = new CountDownLatch(1);
            AtomicLong aAt = new AtomicLong();
            AtomicLong bAt = new AtomicLong();
            AtomicLong otherAt = new AtomicLong();

            CompletableFuture<Void> a = sweep(nodeA, one, aIn, releaseA, aAt);
            assertThat(aIn.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> b = sweep(nodeB, one, bIn, releaseB, bAt);
            // another shard of the same fleet is not held up by shard 1
            CompletableFuture<Void> other = sweep(nodeB, new Shard(2, 3), otherIn, new CountDownLatch(0), otherAt);
            assertThat(otherIn.await(10, TimeUnit.SECONDS)).isTrue();
            other.get(10, TimeUnit.SECONDS);
            // node B's run of shard 1 has found the lock taken and waits while node A's runs...
            await("node B's run waits for the lock").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> nodeB.waiting() == 1);
            assertThat(bIn.getCount()).as("node B entered shard 1 while node A held it").isEqualTo(1);
            long releasedAt = System.nanoTime();
            releaseA.countDown();
            a.get(10, TimeUnit.SECONDS);
            // ...and starts once it ended
            assertThat(bIn.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bAt.get()).isGreaterThan(releasedAt);
            releaseB.countDown();
            b.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStoppingNodeGivesUpWaitingAndSkipsTheSweep() throws Exception {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drlock")) {
            SweepLock nodeA = new SweepLock(store(db), "node-a");
            SweepLock nodeB = new SweepLock(store(db), "node-b");
            CountDownLatch aIn = new CountDownLatch(1);
            CountDownLatch releaseA = new CountDownLatch(1);
            CompletableFuture<Void> a = sweep(nodeA, Shard.WHOLE, aIn, releaseA, new AtomicLong());
            assertThat(aIn.await(10, TimeUnit.SECONDS)).isTrue();

            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
                try {
                    nodeB.run("tenants", Shard.WHOLE, () -> ran.set(true));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("node B's run waits for the lock").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> nodeB.waiting() == 1);
            assertThat(b).isNotDone();
            nodeB.close();
            b.get(5, TimeUnit.SECONDS);
            assertThat(ran).isFalse();
            releaseA.countDown();
            a.get(10, TimeUnit.SECONDS);
        }
    }
}
