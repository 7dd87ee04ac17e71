package dev.driftd.dialect.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an aggregate's definition from its {@code pg_aggregate} row (PostgreSQL has no
 * {@code pg_get_aggregatedef}): the argument list and the option list that follow the name in
 * {@code CREATE AGGREGATE name ...}. Options at their default are left out, so an aggregate created
 * with or without them spelled out reads the same.
 */
final class PgAggregates {
    private PgAggregates() {
    }

    /** {@code (integer) (SFUNC = int4pl, STYPE = integer)} for a row of {@link PgCatalogKinds#AGGREGATES}. */
    static String definition(ResultSet rs) throws SQLException {
        boolean orderedSet = !"n".equals(rs.getString("aggkind"));
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + rs.getString("sfunc"));
        options.add("STYPE = " + rs.getString("stype"));
        if (rs.getInt("sspace") != 0) {
            options.add("SSPACE = " + rs.getInt("sspace"));
        }
        finalFunction(rs, "", orderedSet, options);
        optional(rs, "combinefunc", "COMBINEFUNC", options);
        optional(rs, "serialfunc", "SERIALFUNC", options);
        optional(rs, "deserialfunc", "DESERIALFUNC", options);
        if (rs.getString("initcond") != null) {
            options.add("INITCOND = " + PgDdl.literal(rs.getString("initcond")));
        }
        if (rs.getString("msfunc") != null) {
            options.add("MSFUNC = " + rs.getString("msfunc"));
            optional(rs, "minvfunc", "MINVFUNC", options);
            options.add("MSTYPE = " + rs.getString("mstype"));
            if (rs.getInt("msspace") != 0) {
                options.add("MSSPACE = " + rs.getInt("msspace"));
            }
            finalFunction(rs, "m", orderedSet, options);
            if (rs.getString("minitcond") != null) {
                options.add("MINITCOND = " + PgDdl.literal(rs.getString("minitcond")));
            }
        }
        if (rs.getString("sortop") != null) {
            String op = rs.getString("sortop");
            int paren = op.indexOf('(');
            options.add("SORTOP = " + (paren > 0 ? op.substring(0, paren) : op));
        }
        switch (rs.getString("parallel")) {
            case "s" -> options.add("PARALLEL = SAFE");
            case "r" -> options.add("PARALLEL = RESTRICTED");
            default -> {
            }
        }
        if ("h".equals(rs.getString("aggkind"))) {
            options.add("HYPOTHETICAL");
        }
        return "(" + rs.getString("fullargs") + ") (" + String.join(", ", options) + ")";
    }

    /** FINALFUNC (or MFINALFUNC), its EXTRA flag and its MODIFY mode when not the default. */
    private static void finalFunction(ResultSet rs, String prefix, boolean orderedSet, List<String> options)
            throws SQLException {
        String fn = rs.getString(prefix + "finalfunc");
        if (fn == null) {
            return;
        }
        String upper = prefix.toUpperCase(java.util.Locale.ROOT);
        options.add(upper + "FINALFUNC = " + fn);
        if (rs.getBoolean(prefix + "finalextra")) {
            options.add(upper + "FINALFUNC_EXTRA");
        }
        String modify = rs.getString(prefix + "finalmodify");
        String defaultModify = orderedSet ? "w" : "r";
        if (modify != null && !modify.equals(defaultModify)) {
            options.add(upper + "FINALFUNC_MODIFY = " + switch (modify) {
                case "s" -> "SHAREABLE";
                case "w" -> "READ_WRITE";
                default -> "READ_ONLY";
            });
        }
    }

    private static void optional(ResultSet rs, String column, String option, List<String> options) throws SQLException {
        String value = rs.getString(column);
        if (value != null) {
            options.add(option + " = " + value);
        }
    }
}
