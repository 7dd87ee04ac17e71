package dev.driftd.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an SQL script into statements the way the server's own client would: it skips
 * comments, string literals, quoted identifiers and PostgreSQL dollar quotes; it honours the mysql
 * client's {@code DELIMITER} lines; and it keeps MySQL compound bodies ({@code CREATE TRIGGER …
 * BEGIN … END}) and PostgreSQL {@code BEGIN ATOMIC … END} bodies whole even without a DELIMITER.
 * Used to load golden SQL files into scratch databases over JDBC.
 */
public final class StatementSplitter {
    public enum Syntax { POSTGRES, MYSQL }

    private final String text;
    private final Syntax syntax;
    private final List<String> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private String delimiter = ";";
    private int pos;

    private StatementSplitter(String text, Syntax syntax) {
        this.text = text;
        this.syntax = syntax;
    }

    public static List<String> split(String script, Syntax syntax) {
        StatementSplitter s = new StatementSplitter(script, syntax);
        s.run();
        return s.out;
    }

    private void run() {
        int depth = 0;
        boolean compound = false;
        while (pos < text.length()) {
            if (atLineStart() && syntax == Syntax.MYSQL && startsWithWord("DELIMITER")) {
                int eol = text.indexOf('\n', pos);
                String line = text.substring(pos, eol < 0 ? text.length() : eol).trim();
                delimiter = line.substring("DELIMITER".length()).trim();
                if (delimiter.isEmpty()) {
                    delimiter = ";";
                }
                pos = eol < 0 ? text.length() : eol + 1;
                continue;
            }
            char c = text.charAt(pos);
            if (c == '-' && peek(1) == '-' && (syntax == Syntax.POSTGRES || isSpace(peek(2)) || peek(2) == 0)) {
                skipToEol();
            } else if (c == '#' && syntax == Syntax.MYSQL) {
                skipToEol();
            } else if (c == '/' && peek(1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                int stop = end < 0 ? text.length() : end + 2;
                if (syntax == Syntax.MYSQL && peek(2) == '!') {
                    current.append(text, pos, stop);
                }
                pos = stop;
            } else if (c == '\'' || c == '"' || (c == '`' && syntax == Syntax.MYSQL)) {
                copyQuoted(c);
            } else if (c == '$' && syntax == Syntax.POSTGRES && dollarTag() != null) {
                String tag = dollarTag();
                int end = text.indexOf(tag, pos + tag.length());
                int stop = end < 0 ? text.length() : end + tag.length();
                current.append(text, pos, stop);
                pos = stop;
            } else if (text.startsWith(delimiter, pos) && (depth == 0 || !delimiter.equals(";"))) {
                flush();
                pos += delimiter.length();
                depth = 0;
                compound = false;
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                        || text.charAt(pos) == '$')) {
                    pos++;
                }
                String word = text.substring(start, pos).toUpperCase(Locale.ROOT);
                current.append(text, start, pos);
                if (!compound && current.toString().trim().toUpperCase(Locale.ROOT).startsWith("CREATE")
                        && isRoutineWord(word)) {
                    compound = true;
                }
                if (compound || syntax == Syntax.POSTGRES) {
                    depth = track(word, depth, compound);
                }
            } else {
                current.append(c);
                pos++;
            }
        }
        flush();
    }

    /** BEGIN and CASE open a block that END closes; END IF / END LOOP … close blocks never counted. */
    private int track(String word, int depth, boolean compound) {
        if (syntax == Syntax.POSTGRES) {
            if (word.equals("ATOMIC") && previousWord().equals("BEGIN")) {
                return depth + 1;
            }
            if (depth > 0 && word.equals("CASE")) {
                return depth + 1;
            }
            if (depth > 0 && word.equals("END")) {
                return depth - 1;
            }
            return depth;
        }
        if (!compound) {
            return depth;
        }
        switch (word) {
            case "BEGIN", "CASE" -> {
                return depth + 1;
            }
            case "END" -> {
                String next = nextWord();
                if (next.equals("IF") || next.equals("LOOP") || next.equals("WHILE") || next.equals("REPEAT")) {
                    return depth;
                }
                return Math.max(0, depth - 1);
            }
            default -> {
                return depth;
            }
        }
    }

    private static boolean isRoutineWord(String word) {
        return word.equals("TRIGGER") || word.equals("PROCEDURE") || word.equals("FUNCTION") || word.equals("EVENT");
    }

    private String previousWord() {
        String before = current.substring(0, Math.max(0, current.length())).trim();
        String[] words = before.split("\\s+");
        return words.length < 2 ? "" : words[words.length - 2].toUpperCase(Locale.ROOT);
    }

    private String nextWord() {
        int p = pos;
        while (p < text.length() && isSpace(text.charAt(p))) {
            p++;
        }
        int start = p;
        while (p < text.length() && Character.isLetter(text.charAt(p))) {
            p++;
        }
        return text.substring(start, p).toUpperCase(Locale.ROOT);
    }

    private String dollarTag() {
        int p = pos + 1;
        while (p < text.length() && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_')) {
            p++;
        }
        if (p < text.length() && text.charAt(p) == '$') {
            String tag = text.substring(pos, p + 1);
            return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
        }
        return null;
    }

    private void copyQuoted(char quote) {
        int p = pos + 1;
        while (p < text.length()) {
            char ch = text.charAt(p);
            if (ch == '\\' && syntax == Syntax.MYSQL && quote != '`') {
                p += 2;
                continue;
            }
            if (ch == quote) {
                if (p + 1 < text.length() && text.charAt(p + 1) == quote) {
                    p += 2;
                    continue;
                }
                break;
            }
            p++;
        }
        int stop = Math.min(text.length(), p + 1);
        current.append(text, pos, stop);
        pos = stop;
    }

    private void skipToEol() {
        int eol = text.indexOf('\n', pos);
        pos = eol < 0 ? text.length() : eol;
    }

    private boolean atLineStart() {
        int p = pos - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p--;
        }
        return p < 0 || text.charAt(p) == '\n';
    }

    private boolean startsWithWord(String word) {
        return text.regionMatches(true, pos, word, 0, word.length())
                && (pos + word.length() >= text.length() || isSpace(text.charAt(pos + word.length())));
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void flush() {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }
}
