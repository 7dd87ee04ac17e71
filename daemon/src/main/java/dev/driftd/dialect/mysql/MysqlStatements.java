package dev.driftd.dialect.mysql;

import dev.driftd.plan.Hazard;
import dev.driftd.plan.PlanStatement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds plan statements the MySQL way: every one is {@link Hazard#NOT_TRANSACTIONAL} (DDL commits
 * implicitly), and several actions on one table are gathered into one ALTER TABLE.
 */
final class MysqlStatements {
    private MysqlStatements() {
    }

    static PlanStatement statement(String sql, String reason, boolean destructive, Set<Hazard> hazards) {
        EnumSet<Hazard> all = EnumSet.of(Hazard.NOT_TRANSACTIONAL);
        all.addAll(hazards);
        if (destructive) {
            all.add(Hazard.DELETES_DATA);
        }
        return new PlanStatement(sql, all, destructive, reason, false);
    }

    static PlanStatement statement(String sql, String reason, Hazard... hazards) {
        EnumSet<Hazard> set = EnumSet.noneOf(Hazard.class);
        set.addAll(List.of(hazards));
        return statement(sql, reason, set.contains(Hazard.DELETES_DATA), set);
    }

    /** A routine, trigger or event body: one statement for JDBC, DELIMITER-wrapped in scripts. */
    static PlanStatement compound(String sql, String reason) {
        return statement(sql, reason).asCompound();
    }

    /** The actions of one ALTER TABLE, their hazards, and the words that explain them. */
    static final class Alter {
        private final String table;
        private final List<String> clauses = new ArrayList<>();
        private final Set<String> reasons = new LinkedHashSet<>();
        private final EnumSet<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        private final List<String> trailing = new ArrayList<>();

        Alter(String table) {
            this.table = table;
        }

        Alter add(String clause, String reason, Hazard... clauseHazards) {
            clauses.add(clause);
            reasons.add(reason);
            hazards.addAll(List.of(clauseHazards));
            return this;
        }

        /** ALGORITHM= / LOCK= and other options that go after the actions. */
        Alter option(String option) {
            trailing.add(option);
            return this;
        }

        boolean isEmpty() {
            return clauses.isEmpty();
        }

        List<String> clauses() {
            return clauses;
        }

        Set<Hazard> hazards() {
            return hazards;
        }

        PlanStatement build(boolean destructive) {
            List<String> all = new ArrayList<>(clauses);
            all.addAll(trailing);
            String sql = MysqlDdl.alterTable(table, all);
            return statement(sql, "table " + table + ": " + String.join("; ", reasons), destructive, hazards);
        }
    }
}
