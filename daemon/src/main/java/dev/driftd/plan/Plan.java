package dev.driftd.plan;

import dev.driftd.schema.Flavor;

import java.util.List;

/**
 * The statements that turn a target into golden, in dependency order. {@code transactional} plans
 * run in one transaction (PostgreSQL); {@code preamble} statements (session settings) run first.
 * {@code warnings} name differences no statement can reconcile, so a plan never claims more than
 * it does.
 */
public record Plan(Flavor flavor, String goldenFingerprint, String targetFingerprint, boolean transactional,
                   List<String> preamble, List<PlanStatement> statements, List<String> warnings) {
    public Plan {
        preamble = List.copyOf(preamble);
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public boolean hasDestructive() {
        return statements.stream().anyMatch(PlanStatement::destructive);
    }

    /** The statements that would run: destructive ones only when allowed. */
    public List<PlanStatement> runnable(boolean allowDestructive) {
        return statements.stream().filter(s -> allowDestructive || !s.destructive()).toList();
    }
}
