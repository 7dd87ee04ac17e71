package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.reconcile.ReconcileException;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the plan, rollout and waiver routes share: request bodies and the statuses of refusals. */
final class ReconcileJson {
    private ReconcileJson() {
    }

    /** The request's JSON object body; an empty body is an empty object. */
    static JsonNode body(ApiRequest req) {
        if (req.body() == null || req.body().length == 0) {
            return ApiJson.MAPPER.createObjectNode();
        }
        try {
            // one JSON object and nothing after it: trailing garbage is a bad request, not ignored
            JsonNode n = ApiJson.MAPPER.reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(req.body());
            if (n == null || !n.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * A boolean field of a body: absent or null is false; anything but JSON true or false is a 400
     * (1, "yes" and "true" are not a destructive approval).
     */
    static boolean flag(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ApiError.badRequest("\"" + field + "\" must be true or false, not " + v);
        }
        return v.booleanValue();
    }

    /** Runs the work now, turning a refusal into its status: 404, 403, 400, else 409. */
    static CompletableFuture<ApiResponse> call(Supplier<ApiResponse> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (ReconcileException e) {
            int status = switch (e.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case BAD_REQUEST -> 400;
                case CONFLICT, FAILED -> 409;
            };
            throw new ApiError(status, e.error(), e.getMessage());
        }
    }
}
