package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.reconcile.ReconcileException.Kind;
import dev.driftd.schema.Snapshot;

/**
 * What plans and rollouts need from the running fleets, or the refusal the API answers when it is
 * missing: an unknown fleet or member is 404, a fleet without golden yet 409, a fleet that does not
 * allow applying 403.
 */
final class Required {
    private Required() {
    }

    static FleetConfig config(ReconcileSource source, String fleet) {
        return source.config(fleet).orElseThrow(() -> new ReconcileException(Kind.NOT_FOUND, "not found",
                "no fleet '" + fleet + "'"));
    }

    static DbTarget target(ReconcileSource source, String fleet, String member) {
        return source.target(fleet, member).orElseThrow(() -> new ReconcileException(Kind.NOT_FOUND, "not found",
                "no member '" + member + "' in fleet '" + fleet + "' (as of the last sweep)"));
    }

    static Snapshot golden(ReconcileSource source, String fleet) {
        return source.golden(fleet).orElseThrow(() -> new ReconcileException(Kind.CONFLICT, "no golden",
                "fleet '" + fleet + "' has no golden yet: run a sweep first"));
    }

    /** The member's expected schema (golden plus its overlays); 409 when there is no golden yet. */
    static Snapshot expected(ReconcileSource source, String fleet, String member) {
        return source.expected(fleet, member).orElseThrow(() -> new ReconcileException(Kind.CONFLICT, "no golden",
                "fleet '" + fleet + "' has no golden yet: run a sweep first"));
    }

    /** 403 unless the fleet's config says {@code apply: enabled}. */
    static void applyEnabled(FleetConfig config) {
        if (!config.applyEnabled()) {
            throw new ReconcileException(Kind.FORBIDDEN, "apply disabled",
                    "fleet '" + config.name() + "' does not allow applying plans; set `apply: enabled` in its config");
        }
    }
}
