package dev.driftd.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.plan.SqlScript;
import dev.driftd.reconcile.Approval;
import dev.driftd.reconcile.AuditEntry;
import dev.driftd.reconcile.Rollout;
import dev.driftd.reconcile.RolloutMember;
import dev.driftd.reconcile.StoredPlan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer shapes of the plan, rollout and audit routes (docs/openapi.yaml: StoredPlan, Rollout, ...). */
final class ReconcileAnswers {
    private ReconcileAnswers() {
    }

    /** What a stored plan and a rollout share: the script, each statement with its hazards, warnings, approvals. */
    record PlanBody(String goldenFingerprint, boolean destructive, boolean transactional, String sql,
                    List<Statement> statements, List<String> warnings, List<ApprovalAnswer> approvals) {
        static PlanBody of(Plan plan, List<Approval> approvals) {
            return new PlanBody(plan.goldenFingerprint(), plan.hasDestructive(), plan.transactional(),
                    SqlScript.render(plan, true), plan.statements().stream().map(Statement::of).toList(),
                    List.copyOf(plan.warnings()), approvals.stream().map(ApprovalAnswer::of).toList());
        }
    }

    record Statement(String sql, boolean destructive, String reason, List<String> hazards) {
        static Statement of(PlanStatement ps) {
            return new Statement(ps.sql(), ps.destructive(), ps.reason(),
                    ps.hazards().stream().map(Enum::name).toList());
        }
    }

    record ApprovalAnswer(String token, boolean destructive, String at) {
        static ApprovalAnswer of(Approval a) {
            return new ApprovalAnswer(a.token(), a.destructive(), iso(a.at()));
        }
    }

    record StoredPlanAnswer(String id, String fleet, String member, String createdBy, String createdAt, String state,
                            String targetFingerprint, int nextStatement, String resumeFingerprint, String result,
                            @JsonUnwrapped PlanBody plan) {
        static StoredPlanAnswer of(StoredPlan s, List<Approval> approvals) {
            return new StoredPlanAnswer(s.id(), s.fleet(), s.member(), s.createdBy(), iso(s.createdAt()),
                    s.state().label(), s.plan().targetFingerprint(), s.nextStatement(), s.resumeFingerprint(),
                    s.result(), PlanBody.of(s.plan(), approvals));
        }
    }

    /** A rollout as the fleet's list shows it: identity, state, who and when, counts per member state. */
    record RolloutSummary(String id, String fleet, String state, String variantFingerprint, String goldenFingerprint,
                          String createdBy, String createdAt, String startedBy, String startedAt, String finishedAt,
                          String result, Map<String, Integer> counts) {
        static RolloutSummary of(Rollout r) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (RolloutMember.State s : RolloutMember.State.values()) {
                counts.put(s.label(), r.count(s));
            }
            return new RolloutSummary(r.id(), r.fleet(), r.state().label(), r.variantFingerprint(),
                    r.goldenFingerprint(), r.createdBy(), iso(r.createdAt()), r.startedBy(), iso(r.startedAt()),
                    iso(r.finishedAt()), r.result(), counts);
        }
    }

    record RolloutList(List<RolloutSummary> rollouts) {
    }

    record RolloutSettings(int canary, int wave, long pauseMs) {
    }

    record RolloutMemberAnswer(String member, int wave, String state, String beforeFingerprint,
                               String afterFingerprint, String error, String startedAt, String finishedAt) {
        static RolloutMemberAnswer of(RolloutMember m) {
            return new RolloutMemberAnswer(m.member(), m.wave(), m.state().label(), m.beforeFingerprint(),
                    m.afterFingerprint(), m.error(), iso(m.startedAt()), iso(m.finishedAt()));
        }
    }

    /**
     * One rollout: its summary, settings, plan and members. The summary's and the plan's
     * {@code goldenFingerprint} are the same value (the plan was made against that golden), written once.
     */
    record RolloutAnswer(@JsonUnwrapped RolloutSummary summary, RolloutSettings rollout, boolean destructive,
                         boolean transactional, String sql, List<Statement> statements, List<String> warnings,
                         List<ApprovalAnswer> approvals, List<RolloutMemberAnswer> members) {
        static RolloutAnswer of(Rollout r, List<Approval> approvals) {
            PlanBody plan = PlanBody.of(r.plan(), approvals);
            return new RolloutAnswer(RolloutSummary.of(r), new RolloutSettings(r.canary(), r.wave(),
                    r.pause().toMillis()), plan.destructive(), plan.transactional(), plan.sql(), plan.statements(),
                    plan.warnings(), plan.approvals(), r.members().stream().map(RolloutMemberAnswer::of).toList());
        }
    }

    record AuditAnswer(long id, String at, String fleet, String member, String plan, String rollout, String action,
                       String token, String sql, String result, String beforeFingerprint, String afterFingerprint) {
        static AuditAnswer of(AuditEntry e) {
            return new AuditAnswer(e.id(), iso(e.at()), e.fleet(), e.member(), e.planId(), e.rolloutId(), e.action(),
                    e.token(), e.sql(), e.result(), e.beforeFingerprint(), e.afterFingerprint());
        }
    }

    record AuditList(List<AuditAnswer> entries) {
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
