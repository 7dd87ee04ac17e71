package dev.driftd.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.nio.charset.StandardCharsets;

/**
 * Logback's built-in {@link JsonEncoder} (one JSON object per line) with {@link Redactor} applied
 * to the encoded line, so the message, the arguments, MDC values and exception text are all
 * covered. The encoder escapes quotes and backslashes inside values and masked values contain
 * neither, so the result is still one valid JSON object.
 */
public final class RedactingJsonEncoder extends JsonEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] encoded = super.encode(event);
        String line = new String(encoded, StandardCharsets.UTF_8);
        String redacted = Redactor.redact(line);
        return redacted == line ? encoded : redacted.getBytes(StandardCharsets.UTF_8);
    }
}
