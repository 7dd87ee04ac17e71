package dev.driftd.events;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebouncerTest {

    /** A timer driven by hand: time moves only in {@link #advance}. */
    static final class ManualTimer implements Debouncer.Timer {
        private record Task(long due, long order, Runnable run, boolean[] cancelled) {
        }

        long now;
        private long order;
        private final List<Task> tasks = new ArrayList<>();

        @Override
        public Debouncer.Cancellable schedule(Duration delay, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delay.toNanos(), order++, task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(Duration d) {
            long target = now + d.toNanos();
            while (true) {
                Task next = tasks.stream().filter(t -> !t.cancelled()[0] && t.due() <= target)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::order)).orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                now = Math.max(now, next.due());
                next.run().run();
            }
            now = target;
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private final List<String> snapshots = new ArrayList<>();
    private final Debouncer<String> debouncer = new Debouncer<>(Duration.ofSeconds(2), Duration.ofSeconds(30),
            timer, () -> timer.now, key -> snapshots.add(key + "@" + TimeUnit.NANOSECONDS.toMillis(timer.now)));

    @Test
    void aSingleEventGivesOneImmediateSnapshot() {
        debouncer.event("m1");
        assertThat(snapshots).containsExactly("m1@0");
        timer.advance(Duration.ofSeconds(10));
        assertThat(snapshots).containsExactly("m1@0");
        assertThat(debouncer.pending()).isZero();
    }

    @Test
    void aBurstGivesALeadingAndOneTrailingSnapshot() {
        for (int i = 0; i < 50; i++) {
            debouncer.event("m1");
            timer.advance(Duration.ofMillis(100));
        }
        timer.advance(Duration.ofSeconds(10));
        // leading at 0; the last event at 4.9 s; quiet for 2 s -> 6.9 s
        assertThat(snapshots).containsExactly("m1@0", "m1@6900");
    }

    @Test
    void membersAreDebouncedSeparately() {
        debouncer.event("m1");
        debouncer.event("m2");
        debouncer.event("m1");
        timer.advance(Duration.ofSeconds(5));
        assertThat(snapshots).containsExactly("m1@0", "m2@0", "m1@2000");
    }

    @Test
    void aMemberThatNeverGoesQuietIsSnapshottedEveryMaxDelay() {
        for (int i = 0; i < 70; i++) { // one event a second for 70 s
            debouncer.event("busy");
            timer.advance(Duration.ofSeconds(1));
        }
        timer.advance(Duration.ofSeconds(10));
        assertThat(snapshots).containsExactly("busy@0", "busy@30000", "busy@60000", "busy@71000")
                .doesNotHaveDuplicates();
    }

    @Test
    void anEventAfterTheWindowClosedStartsANewBurst() {
        debouncer.event("m1");
        timer.advance(Duration.ofSeconds(3));
        debouncer.event("m1");
        assertThat(snapshots).containsExactly("m1@0", "m1@3000");
    }

    @Test
    void rejectsNonsenseDurations() {
        assertThatThrownBy(() -> new Debouncer<String>(Duration.ofSeconds(5), Duration.ofSeconds(1), timer,
                () -> 0L, k -> { })).hasMessageContaining("0 < quiet <= maxDelay");
    }

    @Test
    void worksOnARealScheduler() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch two = new CountDownLatch(2);
            List<String> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
            Debouncer<String> real = new Debouncer<>(Duration.ofMillis(50), Duration.ofSeconds(5), executor, k -> {
                fired.add(k);
                two.countDown();
            });
            real.event("m");
            real.event("m");
            real.event("m");
            assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
            // the window closes once the member has been quiet after the trailing snapshot; only then can no
            // further snapshot come (no timer is armed for a closed window), so that is what to wait for
            Awaitility.await("the member's window closes").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> real.pending() == 0);
            assertThat(fired).containsExactly("m", "m");
        } finally {
            executor.shutdownNow();
        }
    }
}
