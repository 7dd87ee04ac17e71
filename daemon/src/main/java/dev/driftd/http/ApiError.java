package dev.driftd.http;

/** An answer other than success, written as {@code {"error": "...", "detail": "..."}} with its status. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String error;
    private final String detail;

    public ApiError(int status, String error, String detail) {
        super(error + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, "not found", detail);
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, "bad request", detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return detail;
    }
}
