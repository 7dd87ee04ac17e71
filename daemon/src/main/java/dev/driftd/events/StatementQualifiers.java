package dev.driftd.events;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names a DDL statement writes before a '.' ({@code tenant_7.orders}, {@code "Tenant".t},
 * {@code `shop_2`.items}), lower-cased, outside string literals and comments.
 *
 * <p>One forward pass with no backtracking and no recursion: every character is looked at a
 * bounded number of times, so the work per event is linear in its length whatever it contains
 * (the regexes this replaces were quadratic on long names and overflowed the stack on long
 * literals). An unterminated literal, quoted name or comment simply runs to the end.
 */
final class StatementQualifiers {
    /** More distinct qualifiers than this are not needed to pick members; stop collecting. */
    static final int MAX_QUALIFIERS = 1_024;

    private StatementQualifiers() {
    }

    static Set<String> of(String sql) {
        Set<String> out = new LinkedHashSet<>();
        int n = sql.length();
        int i = 0;
        while (i < n && out.size() < MAX_QUALIFIERS) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipLiteral(sql, i + 1);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                i = skipLineComment(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '`') {
                StringBuilder name = new StringBuilder();
                i = quoted(sql, i + 1, c, name);
                i = qualifier(sql, i, name.toString(), out);
            } else if (identifierStart(c)) {
                int start = i;
                while (i < n && identifierPart(sql.charAt(i))) {
                    i++;
                }
                i = qualifier(sql, i, sql.substring(start, i), out);
            } else {
                i++;
            }
        }
        return out;
    }

    /** After a name at {@code i}: when blanks and a '.' follow, records the name; returns where to go on. */
    private static int qualifier(String sql, int i, String name, Set<String> out) {
        int j = i;
        while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '.' && !name.isEmpty()) {
            out.add(name.toLowerCase(Locale.ROOT));
            return j + 1;
        }
        return i;
    }

    /** From just after the opening quote: '' and backslash escapes stay inside. Returns the index after the close. */
    private static int skipLiteral(String sql, int i) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** A quoted name from just after its opening quote; a doubled quote is one quote character. */
    private static int quoted(String sql, int i, char quote, StringBuilder name) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    name.append(quote);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            name.append(c);
            i++;
        }
        name.setLength(0); // unterminated: not a name
        return n;
    }

    private static int skipLineComment(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
