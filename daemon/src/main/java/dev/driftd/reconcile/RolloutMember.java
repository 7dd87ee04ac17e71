package dev.driftd.reconcile;

import java.time.Instant;
import java.util.Locale;

/**
 * One member of a rollout: its place in the order ({@code seq}) and wave, where it got to, its
 * fingerprint before (as read just before its statements; the variant's when it was never read)
 * and after, and why it failed.
 */
public record RolloutMember(int seq, String member, int wave, State state, String beforeFingerprint,
                            String afterFingerprint, String error, Instant startedAt, Instant finishedAt) {
    public enum State {
        /** not reached yet */
        WAITING,
        /** its statements are running */
        APPLYING,
        /** applied and verified: its schema is golden's */
        APPLIED,
        /** not applied (fingerprint moved, lock timeout, error: rolled back), or, MySQL family, stopped part-way */
        FAILED,
        /** never reached: the rollout stopped before it */
        SKIPPED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    RolloutMember applying(Instant at) {
        return new RolloutMember(seq, member, wave, State.APPLYING, null, null, null, at, null);
    }

    RolloutMember done(State s, String before, String after, String why, Instant at) {
        return new RolloutMember(seq, member, wave, s, before, after, why, startedAt, at);
    }
}
