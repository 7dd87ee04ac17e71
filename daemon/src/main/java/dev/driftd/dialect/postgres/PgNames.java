package dev.driftd.dialect.postgres;

import java.util.regex.Pattern;

/**
 * Whether SQL text (a view query, a trigger, a policy expression, a routine definition) mentions
 * a name. The snapshot carries no dependency graph, so the planner over-approximates: a name that
 * occurs as a whole identifier, bare or quoted, counts as a use. A false positive only re-creates
 * one object more; string literals are skipped so {@code 'orders'} is not a use of {@code orders}.
 */
final class PgNames {
    private PgNames() {
    }

    static boolean mentions(String sql, String name) {
        if (sql == null || name == null || name.isEmpty()) {
            return false;
        }
        String text = withoutLiterals(sql);
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
        if (text.contains(quoted)) {
            return true;
        }
        Pattern bare = Pattern.compile("(?<![A-Za-z0-9_$\"])" + Pattern.quote(name) + "(?![A-Za-z0-9_$\"])",
                Pattern.CASE_INSENSITIVE);
        return bare.matcher(text).find();
    }

    /** The text with the contents of single-quoted literals blanked out. */
    static String withoutLiterals(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        boolean inLiteral = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
                sb.append(c);
            } else {
                sb.append(inLiteral ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
