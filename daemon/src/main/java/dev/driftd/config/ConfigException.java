package dev.driftd.config;

/**
 * A configuration that cannot be used, with a one-line message {@code <file>:<line>: <what is
 * wrong>} (the line is left out when the problem has none, e.g. a missing file).
 */
public class ConfigException extends RuntimeException {
    private final String source;
    private final int line;
    private final String problem;

    public ConfigException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file (or name) the configuration came from. */
    public String source() {
        return source;
    }

    /** 1-based line of the offending key or value; 0 when there is none. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
