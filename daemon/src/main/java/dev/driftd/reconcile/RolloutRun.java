package dev.driftd.reconcile;

import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one started rollout in the background: members one at a time in rollout order, the fleet's
 * pause between waves, stopping at the first member that fails. Every member's state is stored
 * (and published for the metrics) as it changes; the end is stored and audited. When the daemon
 * stops, the run ends before the next member (never in the middle of one) as INTERRUPTED.
 */
final class RolloutRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutRun.class);

    private final Rollout rollout;
    private final RolloutStore store;
    private final AuditLog audit;
    private final RolloutMemberApply apply;
    private final Consumer<Rollout> publish;
    private final List<RolloutMember> members;
    /** Counted down when the daemon stops: ends a pause at once, and the run before its next member. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** @param publish told of the rollout after every change (the metrics' view) */
    RolloutRun(Rollout rollout, RolloutStore store, AuditLog audit, RolloutMemberApply apply, Consumer<Rollout> publish) {
        this.rollout = rollout;
        this.store = store;
        this.audit = audit;
        this.apply = apply;
        this.publish = publish;
        this.members = new ArrayList<>(rollout.members());
    }

    String id() {
        return rollout.id();
    }

    /**
     * Ends the run before its next member (the daemon is stopping). The thread is not interrupted:
     * an interrupt in the middle of store or member I/O could break the connection mid-write.
     */
    void stop() {
        stopping.countDown();
    }

    @Override
    public void run() {
        String token = rollout.startedBy();
        try {
            int lastWave = -1;
            for (int i = 0; i < members.size(); i++) {
                RolloutMember m = members.get(i);
                boolean pause = lastWave >= 0 && m.wave() != lastWave && !rollout.pause().isZero();
                lastWave = m.wave();
                if (pause ? stopping.await(rollout.pause().toMillis(), TimeUnit.MILLISECONDS) : stopping.getCount() == 0) {
                    finish(Rollout.State.INTERRUPTED, "the daemon stopped before member '" + m.member() + "'; "
                            + (members.size() - i) + " members were not reached (skipped): start a new rollout for them");
                    return;
                }
                set(i, m.applying(Instant.now()));
                RolloutMemberApply.Outcome o = apply.apply(rollout, m.member(), token);
                RolloutMember.State s = o.applied() ? RolloutMember.State.APPLIED : RolloutMember.State.FAILED;
                set(i, members.get(i).done(s, o.before(), o.after(), o.error(), Instant.now()));
                if (!o.applied()) {
                    int rest = members.size() - i - 1;
                    finish(Rollout.State.STOPPED, "stopped at member '" + m.member() + "' (wave " + m.wave() + "): "
                            + o.error() + "; " + i + " applied before it, " + rest + " not reached (skipped)");
                    return;
                }
            }
            finish(Rollout.State.COMPLETED, members.size() + " members applied and verified");
        } catch (InterruptedException e) {
            finish(Rollout.State.INTERRUPTED, "interrupted during a pause between waves; members not reached "
                    + "were skipped: start a new rollout for them");
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("rollout {} of fleet {} failed: {}", rollout.id(), rollout.fleet(), SqlErrors.oneLine(e), e);
            String why = "stopped by an internal error: " + SqlErrors.oneLine(e);
            for (int i = 0; i < members.size(); i++) {
                RolloutMember m = members.get(i);
                if (m.state() == RolloutMember.State.APPLYING) {
                    members.set(i, m.done(RolloutMember.State.FAILED, null, null, why
                            + "; the outcome of this member's apply is unknown: compare its fingerprint", Instant.now()));
                    try {
                        store.updateMember(rollout.id(), members.get(i), Instant.now());
                    } catch (RuntimeException again) {
                        LOG.warn("rollout {}: cannot record member {}: {}", rollout.id(), m.member(),
                                SqlErrors.oneLine(again));
                    }
                }
            }
            finish(Rollout.State.STOPPED, why);
        }
    }

    private void set(int i, RolloutMember m) {
        members.set(i, m);
        store.updateMember(rollout.id(), m, Instant.now());
        publish.accept(rollout.withMembers(members));
    }

    private void finish(Rollout.State state, String result) {
        for (int i = 0; i < members.size(); i++) {
            RolloutMember m = members.get(i);
            if (m.state() == RolloutMember.State.WAITING) {
                members.set(i, m.done(RolloutMember.State.SKIPPED, null, null, null, null));
            }
        }
        publish.accept(rollout.withMembers(members));
        try {
            store.finish(rollout.id(), state, result, Instant.now());
            audit.record(AuditLog.entry(rollout.fleet(), null, "rollout-" + state.label(), rollout.startedBy())
                    .rollout(rollout.id()).result(result)
                    .fingerprints(rollout.variantFingerprint(), rollout.goldenFingerprint()));
        } catch (RuntimeException e) {
            // the store is away: the heartbeat stops with this run, so another look marks it interrupted
            LOG.error("rollout {} of fleet {} ended ({}) but the store could not record it: {}", rollout.id(),
                    rollout.fleet(), result, SqlErrors.oneLine(e));
        }
        LOG.info("rollout {} of fleet {}: {}: {}", rollout.id(), rollout.fleet(), state.label(), result);
    }
}
