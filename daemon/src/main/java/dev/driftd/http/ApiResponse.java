package dev.driftd.http;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A status, a content type, a body and extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    /** RFC 9457: every error answer. */
    public static final String PROBLEM = "application/problem+json; charset=utf-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object value) {
        return json(status, JSON, value);
    }

    private static ApiResponse json(int status, String contentType, Object value) {
        try {
            return new ApiResponse(status, contentType,
                    (ApiJson.MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer: " + e.getOriginalMessage(), e);
        }
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The problem answer to a request for {@code instance} (its path; null when there is none to name). */
    public static ApiResponse error(ApiError e, String instance) {
        // Problem.of redacts the detail: a driver's message quoted there must not carry a password
        ApiResponse r = json(e.status(), PROBLEM, Problem.of(e, instance));
        if (e.status() == 401) {
            return r.withHeader("WWW-Authenticate", "Bearer realm=\"driftd\"");
        }
        if (e.status() == 429 || e.status() == 503) {
            return r.withHeader("Retry-After", "1"); // busy for now, not broken: try again shortly
        }
        return r;
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, body, h);
    }
}
