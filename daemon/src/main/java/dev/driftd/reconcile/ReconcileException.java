package dev.driftd.reconcile;

/** A refused or failed reconcile request; {@link Kind} tells the API which status to answer. */
public final class ReconcileException extends RuntimeException {
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, BAD_REQUEST, FAILED }

    private final Kind kind;
    private final String error;

    public ReconcileException(Kind kind, String error, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.error = error;
    }

    public Kind kind() {
        return kind;
    }

    public String error() {
        return error;
    }
}
