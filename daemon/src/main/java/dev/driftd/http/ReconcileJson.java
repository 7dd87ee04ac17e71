package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.plan.SqlScript;
import dev.driftd.reconcile.Approval;
import dev.driftd.reconcile.ReconcileException;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the plan and rollout routes share: the JSON of a plan and its approvals, request bodies, error statuses. */
final class ReconcileJson {
    private ReconcileJson() {
    }

    /** The plan's fields: whole script, each statement with its hazards, warnings. */
    static void plan(ObjectNode n, Plan plan) {
        n.put("golden_fingerprint", plan.goldenFingerprint());
        n.put("destructive", plan.hasDestructive());
        n.put("transactional", plan.transactional());
        n.put("sql", SqlScript.render(plan, true));
        ArrayNode st = n.putArray("statements");
        for (PlanStatement ps : plan.statements()) {
            ObjectNode o = st.addObject();
            o.put("sql", ps.sql());
            o.put("destructive", ps.destructive());
            o.put("reason", ps.reason());
            ArrayNode hz = o.putArray("hazards");
            ps.hazards().forEach(h -> hz.add(h.name()));
        }
        ArrayNode w = n.putArray("warnings");
        plan.warnings().forEach(w::add);
    }

    static void approvals(ObjectNode n, List<Approval> approvals) {
        ArrayNode ap = n.putArray("approvals");
        for (Approval a : approvals) {
            ObjectNode o = ap.addObject();
            o.put("token", a.token());
            o.put("destructive", a.destructive());
            o.put("at", a.at().toString());
        }
    }

    /** The request's JSON object body; an empty body is an empty object. */
    static JsonNode body(ApiRequest req) {
        if (req.body() == null || req.body().length == 0) {
            return ApiResponse.MAPPER.createObjectNode();
        }
        try {
            // one JSON object and nothing after it: trailing garbage is a bad request, not ignored
            JsonNode n = ApiResponse.MAPPER.reader()
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

    /** The token's NAME, which plans, rollouts and the audit log record (never its secret). */
    static String tokenName(Authenticator auth, ApiRequest req) {
        return auth.authenticate(req.authorization()).map(ApiToken::name)
                .orElseThrow(() -> new ApiError(401, "unauthorized", "unknown token"));
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
