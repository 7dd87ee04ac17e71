package dev.driftd.http;

import java.util.List;
import java.util.Map;

/**
 * A request as the API sees it, independent of Netty: decoded path segments, query, auth header, body,
 * and the Accept header (null when absent; /metrics chooses its format by it).
 */
public record ApiRequest(String method, String path, List<String> segments, Map<String, List<String>> query,
                         String authorization, byte[] body, String accept) {
    public ApiRequest {
        segments = List.copyOf(segments);
        query = Map.copyOf(query);
    }

    /** A boolean query flag: absent is false; only true/false (any case) are accepted. */
    public boolean flag(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return false;
        }
        String v = values.get(values.size() - 1);
        if (v.equalsIgnoreCase("true") || v.isEmpty()) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiError.badRequest("?" + name + " must be true or false, not '" + v + "'");
    }
}
