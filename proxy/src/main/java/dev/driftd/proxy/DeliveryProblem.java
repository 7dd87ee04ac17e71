package dev.driftd.proxy;

/**
 * Why a DDL event did not reach the daemon, or reached it and matched no fleet member. Each is
 * logged once a minute with what to do about it; {@link #label} is the short name in lastError.
 */
enum DeliveryProblem {
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("wrong role"),
    NOT_FOUND("not found"),
    REJECTED("rejected"),
    SERVER_ERROR("daemon error"),
    BUSY("daemon busy"),
    UNREACHABLE("unreachable"),
    TIMEOUT("timeout"),
    UNMATCHED("unmatched"),
    DROPPED("dropped");

    private final String label;

    DeliveryProblem(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The problem an HTTP status other than 2xx and 429 means. */
    static DeliveryProblem ofStatus(int status) {
        switch (status) {
            case 401:
                return UNAUTHORIZED;
            case 403:
                return FORBIDDEN;
            case 404:
                return NOT_FOUND;
            default:
                return status >= 500 ? SERVER_ERROR : REJECTED;
        }
    }
}
