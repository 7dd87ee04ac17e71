package dev.driftd.dialect.postgres;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes deparsed DEFAULT expressions so that equal defaults compare equal whatever their
 * history. PostgreSQL keeps the cast of the literal it was created with: a default set on a text
 * column that was later altered to varchar stays {@code 'x'::text}, while one created on the
 * varchar column reads {@code 'x'::character varying}. Both store the same value on insert, so a
 * literal's cast is dropped when it is redundant:
 * <ul>
 *   <li>the cast is to the column's own type (without type modifier), e.g. {@code '-1'::integer} on
 *       an integer column, {@code 'a'::status} on an enum column: the bare literal is coerced to that
 *       type anyway;</li>
 *   <li>the column is a string type (text, varchar, char, or a domain over one) and the cast is to a
 *       string type: string-to-string assignment keeps the characters (char pads either way).</li>
 * </ul>
 * Only casts of literals are dropped: a cast of any other expression can change its meaning (or be
 * needed for the default to be assignable at all), so it stays.
 */
final class PgDefaults {
    private static final Set<String> STRING_TYPES =
            Set.of("text", "character varying", "character", "bpchar", "\"char\"", "name");
    private static final String STRING_LITERAL = "E?'(?:[^']|'')*'";
    private static final String NUMBER_LITERAL = "-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?";
    private static final Pattern LITERAL = Pattern.compile("(?:" + STRING_LITERAL + "|" + NUMBER_LITERAL + ")");
    /** {@code literal::type}, the type possibly with modifiers, array brackets or quotes. */
    private static final Pattern LITERAL_CAST =
            Pattern.compile("(" + STRING_LITERAL + "|" + NUMBER_LITERAL + ")::([^:()']+(?:\\([0-9, ]+\\))?(?:\\[\\])*)");

    private PgDefaults() {
    }

    /**
     * @param expression   the deparsed default, or null
     * @param columnType   {@code format_type(atttypid, NULL)} of the column (no modifier)
     * @param category     {@code typcategory} of the column's base type ('S' string, 'A' array)
     * @param elemCategory for arrays, the category of the element type, else null
     */
    static String normalize(String expression, String columnType, String category, String elemCategory) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        if (!e.contains("::") && !e.startsWith("(")) {
            return e; // no cast and no parentheses: nothing to strip (and no regex for most defaults)
        }
        while (true) {
            String next = stripOnce(e, columnType, category, elemCategory);
            if (next.equals(e)) {
                return e;
            }
            e = next;
        }
    }

    private static String stripOnce(String e, String columnType, String category, String elemCategory) {
        String inner = unwrapParens(e);
        if (inner != null && isLiteralOrLiteralCast(inner)) {
            return inner;
        }
        Matcher m = LITERAL_CAST.matcher(e);
        if (m.matches() && redundant(m.group(2).strip(), columnType, category, elemCategory)) {
            return m.group(1);
        }
        // (literal::a)::b where b is the column's type: the outer cast goes, then the inner is judged
        int cast = e.lastIndexOf(")::");
        if (e.startsWith("(") && cast > 0) {
            String head = e.substring(0, cast + 1);
            String type = e.substring(cast + 3).strip();
            String wrapped = unwrapParens(head);
            if (wrapped != null && isLiteralOrLiteralCast(wrapped) && redundant(type, columnType, category, elemCategory)) {
                return wrapped;
            }
        }
        return e;
    }

    private static boolean isLiteralOrLiteralCast(String s) {
        return LITERAL.matcher(s).matches() || LITERAL_CAST.matcher(s).matches();
    }

    private static boolean redundant(String castType, String columnType, String category, String elemCategory) {
        if (castType.equals(columnType)) {
            return true;
        }
        if ("S".equals(category)) {
            return STRING_TYPES.contains(stripModifier(castType));
        }
        if ("A".equals(category) && "S".equals(elemCategory) && castType.endsWith("[]")) {
            return STRING_TYPES.contains(stripModifier(castType.substring(0, castType.length() - 2)));
        }
        return false;
    }

    private static String stripModifier(String type) {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren).strip();
    }

    /** The text inside one pair of parentheses that encloses all of {@code s}, or null. */
    static String unwrapParens(String s) {
        if (!s.startsWith("(") || !s.endsWith(")")) {
            return null;
        }
        int depth = 0;
        PgQuotes quotes = new PgQuotes();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!quotes.isSyntax(ch)) {
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return null;
                }
            }
        }
        return depth == 0 ? s.substring(1, s.length() - 1).strip() : null;
    }
}
