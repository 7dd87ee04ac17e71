package dev.driftd.dialect.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the per-key decoration (collation, operator class) out of {@code pg_get_indexdef}. The
 * server prints a key's collation only when it is not the column's (or expression's) own, and its
 * operator class only when it is not the default for the key's type, which is exactly the
 * normalization wanted; reproducing those two rules in SQL (binary-coercible default opclasses,
 * expression collations) would be far more fragile than reading what the server decided.
 */
final class PgIndexKeys {
    /**
     * One key as the definition prints it: {@code text} is the column name (unquoted) or the
     * expression (without the parentheses the server adds around non-function expressions), then
     * the collation and operator class when the server printed them.
     */
    record Key(String text, String collation, String opclass) {
    }

    private PgIndexKeys() {
    }

    /**
     * @param definition the full {@code pg_get_indexdef(oid, 0, true)}
     * @param method     the access method name
     * @param keyCount   the number of key columns ({@code indnkeyatts})
     * @throws IllegalArgumentException when the definition does not have the expected shape
     */
    static List<Key> keys(String definition, String method, int keyCount) {
        String using = " USING " + method + " (";
        int pos = definition.indexOf(using);
        if (pos < 0) {
            throw new IllegalArgumentException("no '" + using.strip() + "' in " + definition);
        }
        pos += using.length();
        List<Key> out = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            int end = endOfKey(definition, pos);
            String item = definition.substring(pos, end).strip();
            int split = endOfKeyText(item);
            String text = item.substring(0, split);
            if (text.startsWith("(")) {
                text = text.substring(1, text.length() - 1);
            } else if (!text.endsWith(")")) {
                text = unquote(text);
            }
            Key decorated = decoration(text, item.substring(split));
            out.add(decorated);
            pos = end + 1;
        }
        return out;
    }

    /**
     * Where the key text of one item ends: a parenthesized expression, a function-like call
     * ({@code name(...)}, possibly qualified or quoted), or a column identifier.
     */
    private static int endOfKeyText(String item) {
        int i = 0;
        if (item.startsWith("(")) {
            return closing(item, 0) + 1;
        }
        while (i < item.length()) {
            char ch = item.charAt(i);
            if (ch == '"') {
                i++;
                while (i < item.length() && !(item.charAt(i) == '"'
                        && (i + 1 >= item.length() || item.charAt(i + 1) != '"'))) {
                    i += item.charAt(i) == '"' ? 2 : 1;
                }
                i++;
            } else if (ch == '(') {
                return closing(item, i) + 1;
            } else if (ch == ' ') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    /** Index of the parenthesis closing the one at {@code open}, skipping quotes. */
    private static int closing(String s, int open) {
        int depth = 0;
        PgQuotes quotes = new PgQuotes();
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!quotes.isSyntax(ch)) {
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in " + s);
    }

    /** Index of the ',' or ')' that ends the current key, skipping quotes and nested parentheses. */
    private static int endOfKey(String s, int from) {
        int depth = 0;
        PgQuotes quotes = new PgQuotes();
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!quotes.isSyntax(ch)) {
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated key list in " + s);
    }

    private static Key decoration(String text, String suffix) {
        List<String> tokens = tokens(suffix.strip());
        String collation = null;
        String opclass = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            switch (t) {
                case "COLLATE" -> collation = i + 1 < tokens.size() ? unquote(tokens.get(++i)) : null;
                case "ASC", "DESC", "FIRST", "LAST", "NULLS" -> {
                    // order and nulls come from pg_index.indoption
                }
                default -> opclass = t.startsWith("(") && opclass != null ? opclass + " " + t : unquote(t);
            }
        }
        return new Key(text, collation, opclass);
    }

    /** Space-separated tokens; quoted identifiers and parenthesized option lists stay whole. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        PgQuotes quotes = new PgQuotes();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!quotes.isSyntax(ch)) {
                cur.append(ch);
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ' ' && depth == 0) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(ch);
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** {@code "C"} becomes {@code C}; a qualified {@code public."x"} becomes {@code public.x}. */
    static String unquote(String name) {
        StringBuilder out = new StringBuilder();
        boolean dquoted = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '"') {
                if (dquoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    dquoted = !dquoted;
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
