package dev.driftd.reconcile;

import dev.driftd.reconcile.ReconcileException.Kind;

import java.time.Instant;
import java.util.List;

/**
 * The approval rules plans and rollouts share: the fleet's {@code approvals: N} distinct admin
 * tokens other than the maker, and for a plan that drops or narrows something only approvals
 * given with {@code destructive: true} count.
 */
final class ApprovalRules {
    private ApprovalRules() {
    }

    /**
     * Records {@code token}'s approval of {@code what} (a plan or a rollout) after checking it may
     * give one: 403 for the maker, 409 for a plain approval of a destructive plan or a second one.
     */
    static void approve(PlanStore store, String what, String id, String maker, boolean destructivePlan, String token,
                        boolean destructive) {
        if (maker.equals(token)) {
            throw new ReconcileException(Kind.FORBIDDEN, "forbidden",
                    "token '" + token + "' made " + what + " " + id + "; its maker's approval does not count");
        }
        if (destructivePlan && !destructive) {
            throw new ReconcileException(Kind.CONFLICT, "destructive approval needed", what + " " + id
                    + " drops or narrows something: approve it with {\"destructive\": true}");
        }
        if (!store.approve(id, new Approval(token, destructive, Instant.now()))) {
            throw new ReconcileException(Kind.CONFLICT, "already approved",
                    "token '" + token + "' already approved " + what + " " + id);
        }
    }

    /** 409 {@code not approved} unless {@code needed} approvals count. */
    static void requireEnough(List<Approval> approvals, String what, String id, String maker, boolean destructivePlan,
                              int needed) {
        long counted = approvals.stream()
                .filter(a -> !a.token().equals(maker))
                .filter(a -> a.destructive() || !destructivePlan)
                .map(Approval::token).distinct().count();
        if (counted < needed) {
            throw new ReconcileException(Kind.CONFLICT, "not approved", what + " " + id + " needs " + needed + " approval"
                    + (needed == 1 ? "" : "s") + " by admins other than its maker ("
                    + (destructivePlan ? "with destructive: true, " : "") + "has " + counted + ")");
        }
    }
}
