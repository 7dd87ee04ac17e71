package dev.driftd.sql;

import java.util.List;

/**
 * What one SQL client does differently from another when it cuts a script into statements: the
 * hooks {@link StatementSplitter}'s single lexer asks about comments, quotes, client-side commands
 * and compound bodies whose inner semicolons do not end the statement.
 */
interface ScriptRules {
    /** Whether a line comment starts at {@code pos} ({@code --} and, for MySQL, {@code #}). */
    boolean lineCommentAt(String text, int pos);

    /** PostgreSQL nests block comments; MySQL ends one at the first {@code *}{@code /}. */
    boolean nestedBlockComments();

    /**
     * Whether the block comment at {@code pos} is code the server runs (MySQL's {@code /*!50003 …}
     * and MariaDB's {@code /*M!100301 …}): it is sent, and its contents are lexed as statement text.
     */
    boolean executableCommentAt(String text, int pos);

    /** Whether ordinary comments inside a statement are sent to the server (psql) or stripped (mysql). */
    boolean sendsComments();

    boolean isQuote(char c);

    /** Whether a backslash escapes the next character inside this quote. */
    boolean backslashEscapes(char quote, boolean escapeStringPrefix);

    boolean dollarQuotes();

    /** psql does not end a statement at a semicolon inside parentheses (CREATE RULE … DO (…; …)). */
    boolean semicolonsInsideParentheses();

    /**
     * A client command on a line of its own at the start of a statement ({@code DELIMITER //}, psql's
     * {@code \restrict}). Returns the delimiter in force after it, or {@code null} if the line is SQL.
     *
     * @throws ScriptException for a client command that cannot be honoured over JDBC
     */
    String clientCommand(String line, String delimiter, String source, int lineNumber);

    /** Why a complete statement (its words, upper case) cannot be run over JDBC, or null. */
    String refusal(List<String> words);

    /** Whether a statement that starts with these words (upper case) has a body with inner semicolons. */
    boolean opensBody(List<String> words);

    /** The block depth after {@code word} inside such a body; {@code next} is the word after it. */
    int depthAfter(String word, String next, int depth);
}
