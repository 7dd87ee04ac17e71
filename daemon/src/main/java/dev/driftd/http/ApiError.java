package dev.driftd.http;

/**
 * An answer other than success: its status, its title (the short reason docs/api.md names, such as
 * "no snapshot") and its detail, written as an RFC 9457 problem ({@link Problem}).
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;

    public ApiError(int status, String title, String detail) {
        super(title + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.title = title;
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

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
