package dev.driftd.engine;

/** A failure with a one-line message fit for a person: which database, what is wrong. Never holds a secret. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
