package dev.driftd.sql;

/**
 * A script that cannot be split or run as its client would: the message is one line that starts
 * with {@code file:line:}, so a person can go straight to the offending text.
 */
public final class ScriptException extends RuntimeException {
    private final String source;
    private final int line;

    public ScriptException(String source, int line, String problem, Throwable cause) {
        super(source + ":" + line + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    public ScriptException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
