package dev.driftd.fleet;

import dev.driftd.store.MemberRow;

/** A member's status as the store keeps it, and back: the store knows rows, not fleets. */
public final class MemberRows {
    private MemberRows() {
    }

    public static MemberRow row(MemberStatus s) {
        return new MemberRow(s.fleet(), s.member(), s.state().name(), s.fingerprint(), s.lastSnapshot(),
                s.driftSince(), s.changes(), s.errorReason(), s.error());
    }

    /** The stored status; the server version is not stored (known again at the member's next snapshot). */
    public static MemberStatus status(MemberRow r) {
        return new MemberStatus(r.fleet(), r.member(), MemberState.valueOf(r.state()), r.fingerprint(),
                r.lastSnapshot(), r.driftSince(), r.changes(), r.errorReason(), r.error());
    }
}
