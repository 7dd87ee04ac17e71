package dev.driftd.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} for the human-readable format, with secrets masked and line breaks escaped so that
 * every event stays on one line (a multi-line message would otherwise look like several events
 * to a log shipper).
 */
public final class RedactedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return OneLine.of(Redactor.redact(super.convert(event)));
    }
}
