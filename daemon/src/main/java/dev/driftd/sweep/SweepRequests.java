package dev.driftd.sweep;

import dev.driftd.fleet.SweepResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bookkeeping behind {@code sweep?wait=true} for one shard of a fleet (a whole fleet is one
 * shard): who waits, since when, and whether a sweep runs here. A request is answered only by a
 * sweep that starts after it arrived: one that arrives while a sweep runs waits for it and then
 * for the next one. All methods are short and thread-safe; none asks the scheduler itself, they
 * say when the caller must.
 */
final class SweepRequests {
    private record Waiting(CompletableFuture<SweepResult> future, Instant askedAt) {
    }

    private List<Waiting> waiting = new ArrayList<>();
    private boolean running;

    /** Adds a request; true when the caller must ask the scheduler (no sweep runs and none was asked for yet). */
    synchronized boolean add(CompletableFuture<SweepResult> future) {
        boolean ask = !running && waiting.isEmpty();
        waiting.add(new Waiting(future, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return ask;
    }

    /** A sweep starts on this node: it takes every request waiting so far. */
    synchronized List<CompletableFuture<SweepResult>> start() {
        running = true;
        return drainLocked();
    }

    /** The sweep ended; true when requests arrived meanwhile, so the caller must ask for another. */
    synchronized boolean end() {
        running = false;
        return !waiting.isEmpty();
    }

    /**
     * Another node ran a sweep that started at {@code started}: it answers the requests that
     * arrived before that. The others keep waiting; {@link #needsAsking()} says whether someone
     * must ask the scheduler again for them (their trigger was taken by that sweep).
     */
    synchronized List<CompletableFuture<SweepResult>> sweptElsewhere(Instant started) {
        List<CompletableFuture<SweepResult>> answered = new ArrayList<>();
        if (started == null) {
            return answered;
        }
        List<Waiting> keep = new ArrayList<>();
        for (Waiting w : waiting) {
            if (!started.isBefore(w.askedAt())) {
                answered.add(w.future());
            } else {
                keep.add(w);
            }
        }
        waiting = keep;
        return answered;
    }

    synchronized boolean needsAsking() {
        return !waiting.isEmpty() && !running;
    }

    /** Takes every waiting request (to fail them: the scheduler refused, or the fleet is gone). */
    synchronized List<CompletableFuture<SweepResult>> drain() {
        return drainLocked();
    }

    private List<CompletableFuture<SweepResult>> drainLocked() {
        List<CompletableFuture<SweepResult>> out = new ArrayList<>();
        waiting.forEach(w -> out.add(w.future()));
        waiting = new ArrayList<>();
        return out;
    }
}
