package dev.driftd.dialect.mysql;

/**
 * Small, literal-aware edits of MySQL-family SQL text as the server prints it: outer parentheses,
 * qualifiers of the own database, charset introducers. Quoted strings ('...', "...") and quoted
 * identifiers (`...`) are never edited inside.
 */
final class SqlText {
    private SqlText() {
    }

    /** Index just past the quoted token that starts at {@code i} (a quote char), honouring doubled quotes and backslashes. */
    static int skipQuoted(String s, int i) {
        char q = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\' && q != '`' && j + 1 < s.length()) {
                j += 2;
                continue;
            }
            if (c == q) {
                if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    /** Removes parentheses that enclose the whole text, however many levels: {@code ((a > 0))} is {@code a > 0}. */
    static String stripOuterParens(String text) {
        String s = text.strip();
        while (s.length() >= 2 && s.charAt(0) == '(' && matchingParen(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Position of the parenthesis closing the one at {@code open}, or -1. */
    static int matchingParen(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isQuote(c)) {
                i = skipQuoted(s, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * Removes qualifiers that name the own database ({@code `app`.} and {@code app.}) outside quoted
     * strings, so objects of tenants with different database names read the same.
     */
    static String stripSchemaQualifier(String text, String database) {
        if (text == null || database == null || database.isEmpty()) {
            return text;
        }
        String quoted = "`" + database.replace("`", "``") + "`.";
        String bare = database + ".";
        boolean bareUsable = database.chars().allMatch(ch -> isIdentChar((char) ch));
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean boundary = i == 0 || !isIdentChar(text.charAt(i - 1)) && text.charAt(i - 1) != '.';
            if (c == '`' && boundary && text.startsWith(quoted, i)) {
                i += quoted.length();
                continue;
            }
            if (bareUsable && boundary && text.startsWith(bare, i) && i + bare.length() < text.length()
                    && (isIdentChar(text.charAt(i + bare.length())) || text.charAt(i + bare.length()) == '`')) {
                i += bare.length();
                continue;
            }
            if (isQuote(c)) {
                int end = skipQuoted(text, i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Drops charset introducers such as {@code _utf8mb4'x'} (MySQL prints them, MariaDB does not). */
    static String stripIntroducers(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                int end = skipQuoted(text, i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (c == '_' && (i == 0 || !isIdentChar(text.charAt(i - 1)))) {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)))) {
                    j++;
                }
                if (j > i + 1 && j < text.length() && text.charAt(j) == '\'') {
                    i = j;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The value of a single-quoted MySQL string literal ({@code 'it''s'} is {@code it's}), backslash escapes decoded. */
    static String unquote(String literal) {
        StringBuilder out = new StringBuilder();
        int end = literal.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c == '\'' && i + 1 < end && literal.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < end) {
                char n = literal.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'Z' -> (char) 26;
                    case 'b' -> '\b';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A canonical single-quoted literal: quotes doubled, backslash and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                case (char) 26 -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** A backtick-quoted identifier. */
    static String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code 'x'} is {@code x}; anything else is returned as it is. */
    static String unquoteIfQuoted(String text) {
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? unquote(text) : text;
    }

    /** Lower-cases keywords and identifiers but leaves quoted text alone. */
    static String lowerOutsideQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                int end = skipQuoted(text, i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            out.append(Character.toLowerCase(c));
            i++;
        }
        return out.toString();
    }
}
