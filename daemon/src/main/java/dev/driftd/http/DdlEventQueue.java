package dev.driftd.http;

import dev.driftd.events.DdlEvent;
import dev.driftd.events.DdlMatch;
import dev.driftd.events.MemberRef;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Where POST /api/v1/events/ddl hands its events: matched and taken in on the queue's own thread,
 * never on an HTTP worker, through a bounded queue. A full queue is refused at once (the caller
 * answers 429 with Retry-After: the sender knows the event was not taken); an event that
 * fails while being taken in is logged and answered 500. Both are counted in
 * {@code driftd_ddl_events_rejected_total{reason}}: no event the API accepted or refused goes
 * unnoticed. Every event's outcome (matched, unmatched, rejected) is also counted in
 * {@link DdlEventCounts}, which the API's refusals (401, 403, 400) go to as well.
 */
public final class DdlEventQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DdlEventQueue.class);
    public static final String REJECTED = "driftd.ddl.events.rejected";
    /** Events waiting to be matched; a migration's burst fits many times over. */
    public static final int DEFAULT_CAPACITY = 1_024;

    /** The queue was full: the event was not taken; the sender should send it again later. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("the DDL event queue is full", null, false, false);
        }
    }

    private final ThreadPoolExecutor executor;
    private final AtomicLong full = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final DdlEventCounts counts;

    /** @param registry where the rejection counters go; null for none (tests that do not scrape) */
    public DdlEventQueue(int capacity, MeterRegistry registry) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("event queue capacity must be positive");
        }
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                new DefaultThreadFactory("driftd-ddl-intake", true));
        counts = new DdlEventCounts(registry);
        if (registry != null) {
            FunctionCounter.builder(REJECTED, full, AtomicLong::get).tag("reason", "queue_full")
                    .description("DDL events refused (429: queue full) or failed while taken in (500)")
                    .register(registry);
            FunctionCounter.builder(REJECTED, failed, AtomicLong::get).tag("reason", "failed")
                    .description("DDL events refused (429: queue full) or failed while taken in (500)")
                    .register(registry);
        }
    }

    /**
     * Queues the event for {@code intake}; the future completes with the members it was attributed
     * to. Throws {@link Full} at once when the queue is full.
     */
    public CompletableFuture<List<MemberRef>> submit(DdlEvent event, Function<DdlEvent, List<MemberRef>> intake) {
        return take(event, e -> DdlMatch.of(intake.apply(e))).thenApply(DdlMatch::members);
    }

    /**
     * Queues the event for {@code intake}; the future completes with what it matched, counted by
     * outcome. Throws {@link Full} at once when the queue is full.
     */
    public CompletableFuture<DdlMatch> take(DdlEvent event, Function<DdlEvent, DdlMatch> intake) {
        CompletableFuture<DdlMatch> out = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    DdlMatch match = intake.apply(event);
                    counts.count(match);
                    out.complete(match);
                } catch (RuntimeException | StackOverflowError e) {
                    failed.incrementAndGet();
                    counts.count(DdlEventCounts.REJECTED, DdlEventCounts.FAILED);
                    LOG.warn("a DDL event from {} for {}:{}/{} ({} characters) was lost: {}", event.application(),
                            event.serverHost(), event.serverPort(), event.database(), event.statement().length(),
                            e.toString(), e);
                    out.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            long n = full.incrementAndGet();
            counts.count(DdlEventCounts.REJECTED, DdlEventCounts.QUEUE_FULL);
            if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th ...: a flood does not flood the log too
                LOG.warn("DDL event queue full: {} events refused with 429 so far", n);
            }
            throw new Full();
        }
        return out;
    }

    /** Every event's outcome; the API counts its refusals here too. */
    public DdlEventCounts counts() {
        return counts;
    }

    /** Events refused because the queue was full, since start. */
    public long refused() {
        return full.get();
    }

    /** Events that failed while taken in, since start. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
