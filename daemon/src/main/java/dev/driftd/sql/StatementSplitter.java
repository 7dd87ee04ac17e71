package dev.driftd.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts an SQL script into the statements its own client would send: one lexer (comments, quotes,
 * dollar quotes, executable comments, client commands, compound bodies) with the per-client
 * differences behind {@link ScriptRules}. The only SQL splitter in driftd: scratch goldens, store
 * and Quartz table scripts and the tests all go through it.
 *
 * <p>psql: {@code --} and nested block comments, {@code E'…'} escapes, dollar quotes, semicolons
 * inside parentheses, {@code CREATE FUNCTION … BEGIN ATOMIC … END};
 * psql's restrict, unrestrict and "set ON_ERROR_STOP" meta-commands are no-ops, others are refused with file:line.
 * mysql: {@code DELIMITER} lines, {@code #} comments, backslash escapes, backticks, comments stripped
 * as the client does by default but {@code /*!NNNNN … *}{@code /} and {@code /*M!NNNNNN … *}{@code /}
 * sent and lexed as code (mysqldump wraps triggers in them), and, leniently, a trigger or routine
 * with a {@code BEGIN … END} body kept whole even without a DELIMITER.
 */
public final class StatementSplitter {
    /** Which client's rules a script is written for. */
    public enum Syntax {
        POSTGRES(new PostgresScriptRules()),
        MYSQL(new MysqlScriptRules());

        private final ScriptRules rules;

        Syntax(ScriptRules rules) {
            this.rules = rules;
        }
    }

    /** Words beyond this many never make a statement a compound one (CREATE … TRIGGER is early). */
    private static final int BODY_DECISION_WORDS = 16;

    private final String text;
    private final String source;
    private final ScriptRules rules;
    private final int[] lineStarts;
    private final List<ScriptStatement> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final List<String> words = new ArrayList<>();
    private String delimiter = ";";
    private int pos;
    private int statementStart = -1;
    private int depth;
    private int parentheses;
    private boolean body;
    private int executableCommentStart = -1;

    private StatementSplitter(String text, Syntax syntax, String source) {
        this.text = text;
        this.source = source;
        this.rules = syntax.rules;
        this.lineStarts = lineStarts(text);
    }

    /** The statements of {@code script}; {@code source} names it (a file name) in errors. */
    public static List<ScriptStatement> split(String script, Syntax syntax, String source) {
        StatementSplitter s = new StatementSplitter(script, syntax, source);
        s.run();
        return List.copyOf(s.out);
    }

    /** The statement texts only, for scripts that ship with driftd or a test. */
    public static List<String> texts(String script, Syntax syntax) {
        return split(script, syntax, "script").stream().map(ScriptStatement::sql).toList();
    }

    private void run() {
        while (pos < text.length()) {
            if (statementStart < 0 && atLineStart() && clientCommand()) {
                continue;
            }
            char c = text.charAt(pos);
            if (executableCommentStart >= 0 && text.startsWith("*/", pos)) {
                current.append("*/");
                pos += 2;
                executableCommentStart = -1;
            } else if (rules.lineCommentAt(text, pos)) {
                int eol = text.indexOf('\n', pos);
                comment(eol < 0 ? text.length() : eol);
            } else if (c == '/' && peek(1) == '*') {
                if (executableCommentStart < 0 && rules.executableCommentAt(text, pos)) {
                    if (text.startsWith("/*+", pos)) {
                        code(blockCommentEnd()); // an optimizer hint: sent whole, nothing to lex
                    } else {
                        beginExecutableComment();
                    }
                } else {
                    comment(blockCommentEnd());
                }
            } else if (rules.isQuote(c)) {
                code(quoteEnd(c, false));
            } else if (c == '$' && rules.dollarQuotes() && dollarTag() != null) {
                String tag = dollarTag();
                int end = text.indexOf(tag, pos + tag.length());
                if (end < 0) {
                    throw error(pos, "unterminated dollar-quoted string " + tag);
                }
                code(end + tag.length());
            } else if (text.startsWith(delimiter, pos) && atStatementEnd()) {
                flush();
                pos += delimiter.length();
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else {
                if (c == '(') {
                    parentheses++;
                } else if (c == ')' && parentheses > 0) {
                    parentheses--;
                }
                if (c > ' ') {
                    code(pos + 1);
                } else {
                    current.append(c);
                    pos++;
                }
            }
        }
        if (executableCommentStart >= 0) {
            throw error(executableCommentStart, "unterminated executable comment");
        }
        flush();
    }

    /** A semicolon ends the statement unless a body or (for psql) parentheses are still open. */
    private boolean atStatementEnd() {
        if (!delimiter.equals(";")) {
            return true;
        }
        return depth == 0 && (parentheses == 0 || !rules.semicolonsInsideParentheses());
    }

    private boolean clientCommand() {
        int eol = text.indexOf('\n', pos);
        int stop = eol < 0 ? text.length() : eol;
        String line = text.substring(pos, stop).strip();
        if (line.isEmpty()) {
            return false;
        }
        String next = rules.clientCommand(line, delimiter, source, lineOf(pos));
        if (next == null) {
            return false;
        }
        delimiter = next;
        pos = eol < 0 ? text.length() : eol + 1;
        return true;
    }

    private void word() {
        int start = pos;
        // the client looks for its delimiter everywhere outside quotes: END$$ ends at the $$
        while (pos < text.length() && isWordChar(text.charAt(pos)) && !text.startsWith(delimiter, pos)) {
            pos++;
        }
        String word = text.substring(start, pos).toUpperCase(Locale.ROOT);
        if (pos < text.length() && text.charAt(pos) == '\'' && (word.equals("E") || word.equals("X")
                || word.equals("B") || word.equals("N") || word.startsWith("_"))) {
            // a prefixed literal: E'…' takes backslash escapes in PostgreSQL
            pos = start;
            code(quoteEnd('\'', word.equals("E")));
            return;
        }
        int end = pos;
        pos = start;
        code(end);
        words.add(word);
        if (!body && words.size() <= BODY_DECISION_WORDS && rules.opensBody(words)) {
            body = true;
            depth = 0;
            for (int i = 0; i < words.size() - 1; i++) {
                depth = rules.depthAfter(words.get(i), words.get(i + 1), depth);
            }
        }
        if (body) {
            depth = rules.depthAfter(word, nextWord(), depth);
        }
    }

    private void beginExecutableComment() {
        markStart();
        executableCommentStart = pos;
        int p = pos + 2;
        while (p < text.length() && (text.charAt(p) == '!' || text.charAt(p) == 'M' || Character.isDigit(text.charAt(p)))) {
            p++;
        }
        current.append(text, pos, p);
        pos = p;
    }

    /** Appends text up to {@code end} as statement code. */
    private void code(int end) {
        markStart();
        current.append(text, pos, end);
        pos = end;
    }

    private void comment(int end) {
        if (statementStart >= 0 && rules.sendsComments()) {
            current.append(text, pos, end);
        } else {
            current.append(' ');
        }
        pos = end;
    }

    private void markStart() {
        if (statementStart < 0) {
            statementStart = pos;
            current.setLength(0);
        }
    }

    private int blockCommentEnd() {
        int level = 0;
        int p = pos;
        while (p < text.length()) {
            if (text.startsWith("/*", p)) {
                level++;
                p += 2;
                if (!rules.nestedBlockComments() && level > 1) {
                    level = 1;
                }
            } else if (text.startsWith("*/", p)) {
                level--;
                p += 2;
                if (level == 0) {
                    return p;
                }
            } else {
                p++;
            }
        }
        throw error(pos, "unterminated comment");
    }

    private int quoteEnd(char quote, boolean escapeString) {
        int open = pos;
        while (text.charAt(open) != quote) {
            open++;
        }
        boolean backslash = rules.backslashEscapes(quote, escapeString);
        int p = open + 1;
        while (p < text.length()) {
            char ch = text.charAt(p);
            if (ch == '\\' && backslash) {
                p += 2;
                continue;
            }
            if (ch == quote) {
                if (p + 1 < text.length() && text.charAt(p + 1) == quote) {
                    p += 2;
                    continue;
                }
                return p + 1;
            }
            p++;
        }
        throw error(open, "unterminated " + (quote == '\'' ? "string literal" : "quoted identifier " + quote));
    }

    private String nextWord() {
        int p = pos;
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        int start = p;
        while (p < text.length() && isWordChar(text.charAt(p))) {
            p++;
        }
        return text.substring(start, p).toUpperCase(Locale.ROOT);
    }

    private String dollarTag() {
        int p = pos + 1;
        if (p < text.length() && Character.isDigit(text.charAt(p))) {
            return null; // $1: a parameter
        }
        while (p < text.length() && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_')) {
            p++;
        }
        return p < text.length() && text.charAt(p) == '$' ? text.substring(pos, p + 1) : null;
    }

    private boolean atLineStart() {
        int p = pos - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '\r')) {
            p--;
        }
        return p < 0 || text.charAt(p) == '\n';
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void flush() {
        if (statementStart >= 0) {
            String sql = current.toString().strip();
            String refusal = rules.refusal(words);
            if (refusal != null) {
                throw error(statementStart, refusal);
            }
            if (!sql.isEmpty()) {
                out.add(new ScriptStatement(sql, lineOf(statementStart)));
            }
        }
        current.setLength(0);
        words.clear();
        statementStart = -1;
        depth = 0;
        parentheses = 0;
        body = false;
    }

    private ScriptException error(int at, String problem) {
        return new ScriptException(source, lineOf(at), problem);
    }

    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }
}
