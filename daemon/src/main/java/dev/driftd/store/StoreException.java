package dev.driftd.store;

/** The store could not be read or written; the message is one line and names no secret. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
