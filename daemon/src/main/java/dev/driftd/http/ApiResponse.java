package dev.driftd.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.schema.Canonical;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A status, a content type, a body and extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    /** Sorted keys, nulls dropped, indented: answers people read with curl. */
    static final ObjectMapper MAPPER = Canonical.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, JSON, (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8),
                    Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer: " + e.getOriginalMessage(), e);
        }
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static ApiResponse error(ApiError e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", e.error());
        // every error answer: a driver's message quoted in a detail must not carry a password
        node.put("detail", e.detail() == null ? "" : dev.driftd.logging.Redactor.redact(e.detail()));
        ApiResponse r = json(e.status(), node);
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
