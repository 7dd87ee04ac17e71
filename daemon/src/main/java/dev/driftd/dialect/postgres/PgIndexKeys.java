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
    /** What follows one key's text in the definition. */
    record Decoration(String collation, String opclass) {
    }

    private PgIndexKeys() {
    }

    /**
     * @param definition the full {@code pg_get_indexdef(oid, 0, true)}
     * @param method     the access method name
     * @param keyTexts   each key as {@code pg_get_indexdef(oid, k, true)} prints it
     * @return one decoration per key
     * @throws IllegalArgumentException when the definition does not have the expected shape
     */
    static List<Decoration> decorations(String definition, String method, List<String> keyTexts) {
        String using = " USING " + method + " (";
        int pos = definition.indexOf(using);
        if (pos < 0) {
            throw new IllegalArgumentException("no '" + using.strip() + "' in " + definition);
        }
        pos += using.length();
        List<Decoration> out = new ArrayList<>();
        for (String key : keyTexts) {
            if (definition.startsWith(key, pos)) {
                pos += key.length();
            } else if (definition.startsWith("(" + key + ")", pos)) {
                pos += key.length() + 2;
            } else {
                throw new IllegalArgumentException("key '" + key + "' not found at " + pos + " in " + definition);
            }
            int end = endOfKey(definition, pos);
            out.add(decoration(definition.substring(pos, end)));
            pos = end + 1;
            while (pos < definition.length() && definition.charAt(pos) == ' ') {
                pos++;
            }
        }
        return out;
    }

    /** Index of the ',' or ')' that ends the current key, skipping quotes and nested parentheses. */
    private static int endOfKey(String s, int from) {
        int depth = 0;
        boolean quoted = false;
        boolean dquoted = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                quoted = ch != '\'';
            } else if (dquoted) {
                dquoted = ch != '"';
            } else if (ch == '\'') {
                quoted = true;
            } else if (ch == '"') {
                dquoted = true;
            } else if (ch == '(') {
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

    private static Decoration decoration(String suffix) {
        List<String> tokens = tokens(suffix);
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
        return new Decoration(collation, opclass);
    }

    /** Space-separated tokens; quoted identifiers and parenthesized option lists stay whole. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean dquoted = false;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                quoted = ch != '\'';
            } else if (dquoted) {
                dquoted = ch != '"';
            } else if (ch == '\'') {
                quoted = true;
            } else if (ch == '"') {
                dquoted = true;
            } else if (ch == '(') {
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
