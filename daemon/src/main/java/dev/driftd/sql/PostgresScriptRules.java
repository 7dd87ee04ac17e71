package dev.driftd.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** psql's rules. */
final class PostgresScriptRules implements ScriptRules {
    /** Meta-commands that change nothing a JDBC session would load (pg_dump 17.6+ writes the first two). */
    private static final Set<String> HARMLESS_META = Set.of("\\restrict", "\\unrestrict");

    @Override
    public boolean lineCommentAt(String text, int pos) {
        return text.startsWith("--", pos);
    }

    @Override
    public boolean nestedBlockComments() {
        return true;
    }

    @Override
    public boolean executableCommentAt(String text, int pos) {
        return false;
    }

    @Override
    public boolean sendsComments() {
        return true;
    }

    @Override
    public boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    @Override
    public boolean backslashEscapes(char quote, boolean escapeStringPrefix) {
        // standard_conforming_strings is on (the default since 9.1): only E'…' strings take escapes
        return quote == '\'' && escapeStringPrefix;
    }

    @Override
    public boolean dollarQuotes() {
        return true;
    }

    @Override
    public boolean semicolonsInsideParentheses() {
        return true;
    }

    @Override
    public String clientCommand(String line, String delimiter, String source, int lineNumber) {
        if (!line.startsWith("\\")) {
            return null;
        }
        String[] parts = line.split("\\s+");
        String command = parts[0];
        if (HARMLESS_META.contains(command)) {
            return delimiter;
        }
        if (command.equals("\\set") && parts.length > 1 && parts[1].toUpperCase(Locale.ROOT).equals("ON_ERROR_STOP")) {
            // driftd always stops at the first error
            return delimiter;
        }
        throw new ScriptException(source, lineNumber, "psql meta-command " + command
                + " cannot be run over JDBC; remove it from the file (driftd loads SQL statements only)");
    }

    @Override
    public String refusal(List<String> words) {
        if (!words.isEmpty() && words.get(0).equals("COPY") && words.contains("STDIN")) {
            return "COPY … FROM stdin: the data that follows is psql's to send and cannot be loaded over JDBC;"
                    + " a golden file holds schema only";
        }
        return null;
    }

    @Override
    public boolean opensBody(List<String> words) {
        // psql: CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END
        int i = 1;
        if (words.size() > 2 && words.get(1).equals("OR") && words.get(2).equals("REPLACE")) {
            i = 3;
        }
        return words.get(0).equals("CREATE") && words.size() > i
                && (words.get(i).equals("FUNCTION") || words.get(i).equals("PROCEDURE"));
    }

    @Override
    public int depthAfter(String word, String next, int depth) {
        return switch (word) {
            case "BEGIN" -> depth + 1;
            case "CASE" -> depth > 0 ? depth + 1 : depth;
            case "END" -> depth > 0 ? depth - 1 : depth;
            default -> depth;
        };
    }
}
