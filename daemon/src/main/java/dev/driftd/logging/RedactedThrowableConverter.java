package dev.driftd.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %ex} for the human-readable format: the stack trace with secrets masked, folded onto the
 * event's line (frames separated by " | ") so one event is one line.
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        String trace = OneLine.of(Redactor.redact(super.throwableProxyToString(tp)).stripTrailing());
        return trace.isEmpty() ? "" : " | " + trace;
    }
}
