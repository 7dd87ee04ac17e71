package dev.driftd.events;

/** A DDL event body that cannot be accepted; the message is one line, fit for a 400 answer. */
public final class InvalidDdlEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDdlEventException(String message) {
        super(message);
    }
}
