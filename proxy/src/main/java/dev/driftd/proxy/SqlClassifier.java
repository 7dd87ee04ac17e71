package dev.driftd.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says whether a SQL string holds DDL, statement by statement.
 *
 * <p>Every statement the application runs passes through here, so the common case (a query or DML
 * with no statement separator) is decided by a prefix check: skip leading blanks and comments,
 * look at the first word, and look for a ';' with {@link String#indexOf(int)}. Only strings that
 * start with a DDL verb or contain a ';' are lexed fully. The lexer skips comments, string
 * literals, quoted identifiers and dollar quotes, splits on top-level ';' (not inside parentheses
 * or a BEGIN ... END routine body), and classifies each statement by its leading keywords.
 */
final class SqlClassifier {
    private static final String MARKER = "driftd:allow";
    private static final String[] PLAIN_VERBS = {"ALTER", "RENAME", "TRUNCATE", "GRANT", "REVOKE"};

    private SqlClassifier() {
    }

    static Classification classify(String sql, SqlFlavor flavor) {
        if (sql == null) {
            return Classification.NOT_DDL;
        }
        int start = skipLeadingTrivia(sql, flavor);
        if (start >= 0 && !startsWithDdlVerb(sql, start) && sql.indexOf(';', start) < 0) {
            return Classification.NOT_DDL;
        }
        return new Lexer(sql, flavor).run();
    }

    /**
     * Index of the first word after blanks and plain comments; -1 when the text starts in a way
     * the fast path does not handle (nested or executable comments, quotes, parentheses), so the
     * full lexer decides.
     */
    private static int skipLeadingTrivia(String s, SqlFlavor flavor) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c <= ' ') {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '#' && flavor == SqlFlavor.MYSQL) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                if (i + 2 < n && (s.charAt(i + 2) == '!' || s.charAt(i + 2) == 'M')) {
                    return -1;
                }
                int end = s.indexOf("*/", i + 2);
                if (end < 0 || s.lastIndexOf("/*", end) != i) {
                    return -1; // unterminated or nested: let the lexer decide
                }
                i = end + 2;
            } else if (isIdentStart(c)) {
                return i;
            } else {
                return -1;
            }
        }
        return n;
    }

    private static boolean startsWithDdlVerb(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        switch (Character.toLowerCase(s.charAt(i))) {
            case 'a':
                return word(s, i, "alter");
            case 'c':
                return word(s, i, "create") || word(s, i, "comment");
            case 'd':
                return word(s, i, "drop");
            case 'g':
                return word(s, i, "grant");
            case 'i':
                return word(s, i, "import");
            case 'r':
                return word(s, i, "rename") || word(s, i, "revoke");
            case 's':
                return word(s, i, "security");
            case 't':
                return word(s, i, "truncate");
            default:
                return false;
        }
    }

    private static boolean word(String s, int i, String w) {
        int end = i + w.length();
        return s.regionMatches(true, i, w, 0, w.length()) && (end >= s.length() || !isIdentPart(s.charAt(end)));
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 127;
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    /** The full lexer, used for DDL candidates and multi-statement strings. */
    private static final class Lexer {
        private final String s;
        private final SqlFlavor flavor;
        private final int n;
        private List<Classification.DdlStatement> ddl;
        private boolean marker;
        /** Open MySQL executable comments (slash-star-bang): their body is code, their end is blank. */
        private int executableComments;

        // state of the current statement
        private int pieceStart;
        /** Where the statement's first words are: positions, not substrings, so queries allocate nothing. */
        private final int[] wordStart = new int[4];
        private final int[] wordEnd = new int[4];
        private int wordCount;
        private boolean createStatement;
        private int parens;
        /** BEGIN/CASE ... END nesting inside CREATE statements (routine, trigger and event bodies). */
        private int blocks;
        private boolean pendingEnd;

        Lexer(String s, SqlFlavor flavor) {
            this.s = s;
            this.flavor = flavor;
            this.n = s.length();
        }

        Classification run() {
            int i = 0;
            while (true) {
                i = skipTrivia(i);
                if (i >= n) {
                    break;
                }
                char c = s.charAt(i);
                if (pendingEnd && !isIdentStart(c)) {
                    closeBlock();
                }
                if (c == ';') {
                    if (parens == 0 && blocks == 0) {
                        endStatement(i);
                        pieceStart = i + 1;
                    }
                    i++;
                } else if (c == '\'') {
                    i = skipQuoted(i, '\'', backslashEscapesAt(i));
                } else if (c == '"') {
                    i = skipQuoted(i, '"', flavor == SqlFlavor.MYSQL);
                } else if (c == '`' && flavor == SqlFlavor.MYSQL) {
                    i = skipQuoted(i, '`', false);
                } else if (c == '$' && flavor == SqlFlavor.POSTGRES) {
                    i = skipDollarQuote(i);
                } else if (isIdentStart(c)) {
                    i = word(i);
                } else {
                    if (c == '(') {
                        parens++;
                    } else if (c == ')' && parens > 0) {
                        parens--;
                    }
                    i++;
                }
            }
            if (pendingEnd) {
                closeBlock();
            }
            endStatement(n);
            return ddl == null ? Classification.NOT_DDL : new Classification(ddl, marker);
        }

        private boolean backslashEscapesAt(int quote) {
            if (flavor == SqlFlavor.MYSQL) {
                return true;
            }
            // PostgreSQL: only E'...' strings treat backslash as an escape
            return flavor == SqlFlavor.POSTGRES && quote > 0
                    && (s.charAt(quote - 1) == 'E' || s.charAt(quote - 1) == 'e')
                    && (quote < 2 || !isIdentPart(s.charAt(quote - 2)));
        }

        private int skipTrivia(int i) {
            while (i < n) {
                char c = s.charAt(i);
                if (c <= ' ') {
                    i++;
                } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    i = lineComment(i + 2);
                } else if (c == '#' && flavor == SqlFlavor.MYSQL) {
                    i = lineComment(i + 1);
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    i = blockComment(i);
                } else if (c == '*' && executableComments > 0 && i + 1 < n && s.charAt(i + 1) == '/') {
                    executableComments--;
                    i += 2;
                } else {
                    break;
                }
            }
            return i;
        }

        private int lineComment(int from) {
            int eol = s.indexOf('\n', from);
            int end = eol < 0 ? n : eol;
            checkMarker(from, end);
            return eol < 0 ? n : eol + 1;
        }

        private int blockComment(int i) {
            if (flavor == SqlFlavor.MYSQL && i + 2 < n
                    && (s.charAt(i + 2) == '!' || (s.charAt(i + 2) == 'M' && i + 3 < n && s.charAt(i + 3) == '!'))) {
                // /*!50001 CREATE ... */ and MariaDB's /*M! ... */ run their body: lex it as code
                int j = i + (s.charAt(i + 2) == '!' ? 3 : 4);
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                executableComments++;
                return j;
            }
            int depth = 1;
            int j = i + 2;
            int bodyStart = j;
            while (j < n) {
                if (s.charAt(j) == '*' && j + 1 < n && s.charAt(j + 1) == '/') {
                    if (--depth == 0) {
                        checkMarker(bodyStart, j);
                        return j + 2;
                    }
                    j += 2;
                } else if (flavor == SqlFlavor.POSTGRES && s.charAt(j) == '/' && j + 1 < n && s.charAt(j + 1) == '*') {
                    depth++; // PostgreSQL block comments nest
                    j += 2;
                } else {
                    j++;
                }
            }
            checkMarker(bodyStart, n);
            return n;
        }

        private void checkMarker(int from, int to) {
            int j = from;
            while (j < to && s.charAt(j) <= ' ') {
                j++;
            }
            if (to - j >= MARKER.length() && s.regionMatches(true, j, MARKER, 0, MARKER.length())) {
                marker = true;
            }
        }

        private int skipQuoted(int i, char quote, boolean backslash) {
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (backslash && c == '\\') {
                    j += 2;
                } else if (c == quote) {
                    if (j + 1 < n && s.charAt(j + 1) == quote) {
                        j += 2; // doubled quote
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }

        /** $$...$$ or $tag$...$tag$; a '$' that does not open a tag ($1 parameters) is one char. */
        private int skipDollarQuote(int i) {
            int j = i + 1;
            if (j < n && s.charAt(j) != '$') {
                if (!isIdentStart(s.charAt(j))) {
                    return i + 1;
                }
                while (j < n && isIdentPart(s.charAt(j)) && s.charAt(j) != '$') {
                    j++;
                }
                if (j >= n || s.charAt(j) != '$') {
                    return i + 1;
                }
            }
            String tag = s.substring(i, j + 1);
            int end = s.indexOf(tag, j + 1);
            return end < 0 ? n : end + tag.length();
        }

        private int word(int i) {
            int j = i + 1;
            while (j < n && isIdentPart(s.charAt(j))) {
                j++;
            }
            boolean first = wordCount == 0;
            if (wordCount < wordStart.length) {
                wordStart[wordCount] = i;
                wordEnd[wordCount] = j;
                wordCount++;
            }
            if (first) {
                createStatement = is(0, "CREATE");
            } else if (createStatement) {
                // beyond the first word, only block keywords of CREATE statements matter
                blockKeyword(s.substring(i, j).toUpperCase(Locale.ROOT));
            }
            return j;
        }

        /** Whether word k of the statement is the given upper-case keyword. */
        private boolean is(int k, String keyword) {
            return k < wordCount && wordEnd[k] - wordStart[k] == keyword.length()
                    && s.regionMatches(true, wordStart[k], keyword, 0, keyword.length());
        }

        private void blockKeyword(String w) {
            if (pendingEnd) {
                pendingEnd = false;
                switch (w) {
                    case "IF":
                    case "LOOP":
                    case "WHILE":
                    case "REPEAT":
                        return; // END IF etc. close constructs that were never counted
                    default:
                        closeBlockNow();
                        if ("CASE".equals(w)) {
                            return; // END CASE closes the CASE statement just counted
                        }
                }
            }
            switch (w) {
                case "BEGIN":
                case "CASE":
                    blocks++;
                    break;
                case "END":
                    pendingEnd = true;
                    break;
                default:
                    break;
            }
        }

        private void closeBlock() {
            pendingEnd = false;
            closeBlockNow();
        }

        private void closeBlockNow() {
            if (blocks > 0) {
                blocks--;
            }
        }

        private void endStatement(int end) {
            if (wordCount > 0) {
                String command = ddlCommand();
                if (command != null) {
                    String text = s.substring(pieceStart, end).strip();
                    if (ddl == null) {
                        ddl = new ArrayList<>(2);
                    }
                    ddl.add(new Classification.DdlStatement(text, command));
                }
            }
            wordCount = 0;
            createStatement = false;
            parens = 0;
            blocks = 0;
            pendingEnd = false;
        }

        /** The DDL verb of the current statement, or null when it is not DDL. */
        private String ddlCommand() {
            if (is(0, "CREATE")) {
                return temporary() ? null : "CREATE";
            }
            if (is(0, "DROP")) {
                return is(1, "TEMPORARY") ? null : "DROP";
            }
            for (String verb : PLAIN_VERBS) {
                if (is(0, verb)) {
                    return verb;
                }
            }
            if (is(0, "COMMENT") && is(1, "ON")) {
                return "COMMENT";
            }
            if (is(0, "IMPORT") && is(1, "FOREIGN")) {
                return "IMPORT";
            }
            if (is(0, "SECURITY") && is(1, "LABEL")) {
                return "SECURITY";
            }
            return null;
        }

        /**
         * CREATE [OR REPLACE] [GLOBAL|LOCAL] TEMP|TEMPORARY ...: session-local objects are not
         * schema changes, and applications create them all the time.
         */
        private boolean temporary() {
            int k = 1;
            if (is(k, "OR") && is(k + 1, "REPLACE")) {
                k += 2;
            }
            if (is(k, "GLOBAL") || is(k, "LOCAL")) {
                k++;
            }
            return is(k, "TEMP") || is(k, "TEMPORARY");
        }
    }
}
