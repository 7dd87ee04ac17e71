package dev.driftd.sql;

import java.util.List;
import java.util.Set;

/** The mysql / mariadb command-line client's rules. */
final class MysqlScriptRules implements ScriptRules {
    private static final Set<String> ROUTINES = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");
    private static final Set<String> NOT_ROUTINES = Set.of("TABLE", "VIEW", "INDEX", "DATABASE", "SCHEMA", "USER",
            "ROLE", "SERVER", "SEQUENCE", "TABLESPACE", "PACKAGE", "SPATIAL", "FULLTEXT", "UNIQUE");
    /** END followed by one of these closes a block that was never counted (IF, LOOP, … are not). */
    private static final Set<String> UNCOUNTED = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

    @Override
    public boolean lineCommentAt(String text, int pos) {
        char c = text.charAt(pos);
        if (c == '#') {
            return true;
        }
        // the server and the client want whitespace (or a control character) after the two dashes
        return c == '-' && text.startsWith("--", pos) && (pos + 2 >= text.length() || text.charAt(pos + 2) <= ' ');
    }

    @Override
    public boolean nestedBlockComments() {
        return false;
    }

    @Override
    public boolean executableCommentAt(String text, int pos) {
        return text.startsWith("/*!", pos) || text.startsWith("/*M!", pos) || text.startsWith("/*+", pos);
    }

    @Override
    public boolean sendsComments() {
        return false;
    }

    @Override
    public boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    @Override
    public boolean backslashEscapes(char quote, boolean escapeStringPrefix) {
        return quote != '`';
    }

    @Override
    public boolean dollarQuotes() {
        return false;
    }

    @Override
    public boolean semicolonsInsideParentheses() {
        return false;
    }

    @Override
    public String clientCommand(String line, String delimiter, String source, int lineNumber) {
        if (!line.regionMatches(true, 0, "DELIMITER", 0, 9) || (line.length() > 9 && line.charAt(9) > ' ')) {
            return null;
        }
        String next = line.substring(9).strip();
        int space = next.indexOf(' ');
        next = space < 0 ? next : next.substring(0, space);
        if (next.isEmpty()) {
            throw new ScriptException(source, lineNumber, "DELIMITER must be followed by a delimiter");
        }
        if (next.contains("\\")) {
            throw new ScriptException(source, lineNumber, "a DELIMITER may not contain a backslash");
        }
        return next;
    }

    @Override
    public String refusal(List<String> words) {
        return null;
    }

    @Override
    public boolean opensBody(List<String> words) {
        if (words.get(0).equals("BEGIN")) {
            // MariaDB's anonymous block: BEGIN NOT ATOMIC … END
            return words.size() > 1 && words.get(1).equals("NOT");
        }
        if (!words.get(0).equals("CREATE")) {
            return false;
        }
        for (String w : words) {
            if (NOT_ROUTINES.contains(w)) {
                return false;
            }
            if (ROUTINES.contains(w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int depthAfter(String word, String next, int depth) {
        return switch (word) {
            case "BEGIN", "CASE" -> depth + 1;
            case "END" -> UNCOUNTED.contains(next) ? depth : Math.max(0, depth - 1);
            default -> depth;
        };
    }
}
