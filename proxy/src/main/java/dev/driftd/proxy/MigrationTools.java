package dev.driftd.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the proxy recognises of migration tools: the connection-level approval marker a tool sets
 * once (for example as Flyway's initSql) and the DDL of the tools' own history tables.
 */
final class MigrationTools {
    static final String SESSION_MARKER = "driftd:allow-session";
    static final String END_MARKER = "driftd:end-session";
    /** Default names of Flyway's and Liquibase's own tables, lower case. */
    private static final List<String> HISTORY_TABLES =
            List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    private MigrationTools() {
    }

    /** A session marker found in the leading comments of a SQL string. */
    static final class SessionMarker {
        /** True for driftd:end-session, which withdraws the approval. */
        final boolean end;
        /** The free text after driftd:allow-session (e.g. "flyway"); empty when none. */
        final String label;
        /** True when the string is nothing but comments, so it need not reach the database. */
        final boolean onlyComments;

        SessionMarker(boolean end, String label, boolean onlyComments) {
            this.end = end;
            this.label = label;
            this.onlyComments = onlyComments;
        }
    }

    /**
     * The session marker in the comments that open the string, or null. Runs on every statement,
     * so a string that does not start (after blanks) with a comment costs one character check.
     */
    static SessionMarker sessionMarker(String sql) {
        if (sql == null) {
            return null;
        }
        int n = sql.length();
        int i = 0;
        SessionMarker found = null;
        while (i < n) {
            char c = sql.charAt(i);
            if (c <= ' ') {
                i++;
                continue;
            }
            int bodyStart;
            int bodyEnd;
            int next;
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return found;
                }
                bodyStart = i + 2;
                bodyEnd = end;
                next = end + 2;
            } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || c == '#') {
                int eol = sql.indexOf('\n', i);
                bodyStart = i + (c == '#' ? 1 : 2);
                bodyEnd = eol < 0 ? n : eol;
                next = eol < 0 ? n : eol + 1;
            } else {
                return found == null ? null : new SessionMarker(found.end, found.label, false);
            }
            if (found == null) {
                String body = sql.substring(bodyStart, bodyEnd).trim();
                if (startsWithIgnoreCase(body, SESSION_MARKER)) {
                    found = new SessionMarker(false, body.substring(SESSION_MARKER.length()).trim(), true);
                } else if (startsWithIgnoreCase(body, END_MARKER)) {
                    found = new SessionMarker(true, "", true);
                } else if (!body.isEmpty() && sql.charAt(i) == '/') {
                    return null; // an ordinary leading comment: the marker must be the first one
                }
            }
            i = next;
        }
        return found;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length())
                && (s.length() == prefix.length() || !SqlClassifier.isIdentPart(s.charAt(prefix.length()))
                && s.charAt(prefix.length()) != '-');
    }

    /**
     * True when every DDL statement of the string creates or alters a migration tool's history table
     * (what the tools do on their own; dropping one is not, and still needs an approval).
     */
    static boolean onlyHistoryTables(Classification c) {
        if (!c.isDdl()) {
            return false;
        }
        for (Classification.DdlStatement s : c.ddl()) {
            if (!isHistoryTableDdl(s.text())) {
                return false;
            }
        }
        return true;
    }

    /**
     * CREATE TABLE / ALTER TABLE / CREATE [UNIQUE] INDEX ... ON whose table is
     * flyway_schema_history, DATABASECHANGELOG or DATABASECHANGELOGLOCK (schema-qualified and
     * quoted or not). The name is read from the statement's leading words only.
     */
    static boolean isHistoryTableDdl(String statement) {
        List<String> w = leadingWords(statement, 14);
        int k = 0;
        if (w.isEmpty()) {
            return false;
        }
        String verb = w.get(0);
        if (verb.equals("create")) {
            k = 1;
            if (k < w.size() && w.get(k).equals("unique")) {
                k++;
            }
            if (k < w.size() && w.get(k).equals("index")) {
                int on = w.indexOf("on");
                return on > 0 && on + 1 < w.size() && isHistoryName(w.get(on + 1).equals("only") && on + 2 < w.size()
                        ? w.get(on + 2) : w.get(on + 1));
            }
        } else if (verb.equals("alter")) {
            k = 1;
        } else {
            return false;
        }
        if (k >= w.size() || !w.get(k).equals("table")) {
            return false;
        }
        k++;
        while (k < w.size() && (w.get(k).equals("if") || w.get(k).equals("not") || w.get(k).equals("exists")
                || w.get(k).equals("only"))) {
            k++;
        }
        return k < w.size() && isHistoryName(w.get(k));
    }

    private static boolean isHistoryName(String name) {
        return HISTORY_TABLES.contains(name);
    }

    /**
     * The first words of a statement, lower case, quotes removed, comments skipped; a qualified
     * name (schema.table) counts as its last part. Stops at '(' or ';'.
     */
    private static List<String> leadingWords(String s, int max) {
        List<String> words = new ArrayList<>();
        int n = s.length();
        int i = 0;
        boolean qualified = false;
        while (i < n && words.size() < max) {
            char c = s.charAt(i);
            if (c <= ' ') {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' || c == '#') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '.') {
                qualified = true;
                i++;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    break;
                }
                i = add(words, s.substring(i + 1, end), qualified);
                i = end + 1;
                qualified = false;
            } else if (SqlClassifier.isIdentStart(c)) {
                int j = i + 1;
                while (j < n && SqlClassifier.isIdentPart(s.charAt(j))) {
                    j++;
                }
                add(words, s.substring(i, j), qualified);
                i = j;
                qualified = false;
            } else {
                break;
            }
        }
        return words;
    }

    private static int add(List<String> words, String word, boolean qualified) {
        String w = word.toLowerCase(Locale.ROOT);
        if (qualified && !words.isEmpty()) {
            words.set(words.size() - 1, w);
        } else {
            words.add(w);
        }
        return 0;
    }
}
