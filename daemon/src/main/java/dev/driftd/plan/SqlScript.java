package dev.driftd.plan;

import java.util.stream.Collectors;

/**
 * Writes a plan as a script a person can run as is ({@code psql -v ON_ERROR_STOP=1 -f plan.sql},
 * {@code mysql db < plan.sql}): hazards and reasons as comments, destructive statements commented
 * out unless allowed, DELIMITER around the bodies the dialect's planner marked
 * {@link PlanStatement#compound() compound} (MySQL's routines, triggers and events, for the mysql client).
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static String render(Plan plan, boolean allowDestructive) {
        StringBuilder out = new StringBuilder();
        out.append("-- driftd reconciliation plan\n");
        out.append("-- target fingerprint: ").append(plan.targetFingerprint()).append('\n');
        out.append("-- golden fingerprint: ").append(plan.goldenFingerprint()).append('\n');
        for (String w : plan.warnings()) {
            out.append("-- WARNING: ").append(w).append('\n');
        }
        if (plan.isEmpty()) {
            out.append("-- nothing to do: the target matches golden\n");
            return out.toString();
        }
        boolean skipped = !allowDestructive && plan.hasDestructive();
        if (skipped) {
            out.append("-- destructive statements are commented out; re-plan with --allow-destructive ")
                    .append("(or ?destructive=true) to include them\n");
        }
        for (String p : plan.preamble()) {
            out.append(p).append(";\n");
        }
        if (plan.transactional()) {
            out.append("BEGIN;\n");
        }
        for (PlanStatement s : plan.statements()) {
            out.append('\n');
            if (s.reason() != null && !s.reason().isEmpty()) {
                out.append("-- ").append(s.reason()).append('\n');
            }
            if (!s.hazards().isEmpty()) {
                out.append("-- hazards: ").append(s.hazards().stream().map(Hazard::label).sorted()
                        .collect(Collectors.joining(", "))).append('\n');
            }
            if (s.destructive() && !allowDestructive) {
                out.append("-- skipped, destructive:\n");
                for (String line : (s.sql() + ";").split("\n", -1)) {
                    out.append("-- ").append(line).append('\n');
                }
            } else if (s.compound()) {
                // the dialect's planner marks the bodies its command-line client cannot cut at a semicolon
                out.append("DELIMITER ;;\n").append(s.sql()).append(";;\nDELIMITER ;\n");
            } else {
                out.append(s.sql()).append(";\n");
            }
        }
        if (plan.transactional()) {
            out.append("\nCOMMIT;\n");
        }
        return out.toString();
    }
}
