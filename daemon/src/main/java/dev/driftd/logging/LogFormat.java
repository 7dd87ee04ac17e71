package dev.driftd.logging;

import ch.qos.logback.core.PropertyDefinerBase;

import java.util.Locale;

/**
 * Chooses the log format for logback.xml without Janino: the value names the appender that the
 * root logger references ({@code <appender-ref ref="${LOG_FORMAT}"/>}), {@code text} or {@code json}.
 * Source, first found: system property {@code driftd.log.format}, environment variable
 * {@code DRIFTD_LOG_FORMAT}, else {@code text}. Case and surrounding blanks are ignored; an unknown
 * value falls back to {@code text} with a warning on stderr, so a typo never leaves the daemon
 * without logs (a reference to a missing appender would).
 */
public final class LogFormat extends PropertyDefinerBase {
    public static final String PROPERTY = "driftd.log.format";
    public static final String ENV = "DRIFTD_LOG_FORMAT";

    @Override
    public String getPropertyValue() {
        String requested = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (requested == null || requested.isBlank()) {
            requested = System.getenv(ENV);
            source = ENV;
        }
        if (requested == null || requested.isBlank()) {
            return "text";
        }
        String format = requested.trim().toLowerCase(Locale.ROOT);
        if (format.equals("text") || format.equals("json")) {
            return format;
        }
        // Straight to stderr, not addWarn(): a WARN status makes logback print its whole status
        // list to standard output, which CLI commands reserve for their results.
        System.err.println("driftd: " + source + "=" + requested + " is not a log format (text, json); using text");
        return "text";
    }
}
