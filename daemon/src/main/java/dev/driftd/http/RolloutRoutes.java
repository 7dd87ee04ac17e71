package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.reconcile.Rollout;
import dev.driftd.reconcile.RolloutService;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The fleet rollout routes: make one (admin), approve it (admin, the plans' rules), start it (admin;
 * it then runs in the background), read one or the fleet's list (read).
 */
public final class RolloutRoutes {
    private static final String ROLLOUTS = "/api/v1/fleets/{fleet}/rollouts";

    private final RolloutService service;

    private RolloutRoutes(RolloutService service) {
        this.service = service;
    }

    public static void register(AdminApi api, RolloutService service) {
        RolloutRoutes r = new RolloutRoutes(service);
        api.addRoute("POST", ROLLOUTS, true, r::create);
        api.addRoute("GET", ROLLOUTS, false, r::list);
        api.addRoute("GET", ROLLOUTS + "/{id}", false, r::get);
        api.addRoute("POST", ROLLOUTS + "/{id}/approve", true, r::approve);
        api.addRoute("POST", ROLLOUTS + "/{id}/start", true, r::start);
    }

    private CompletableFuture<ApiResponse> create(ApiRequest req, Map<String, String> p, Caller caller) {
        JsonNode body = ReconcileJson.body(req);
        RolloutService.VariantRef ref = new RolloutService.VariantRef(text(body, "fingerprint"), text(body, "member"));
        if (ref.fingerprint() != null && ref.member() != null) {
            throw ApiError.badRequest("name the variant by \"fingerprint\" or by \"member\", not both");
        }
        return ReconcileJson.call(() -> ApiResponse.json(201, rollout(service.create(p.get("fleet"), ref, caller.name()))));
    }

    private CompletableFuture<ApiResponse> list(ApiRequest req, Map<String, String> p, Caller caller) {
        return ReconcileJson.call(() -> ApiResponse.json(200, new ReconcileAnswers.RolloutList(
                service.list(p.get("fleet")).stream().map(ReconcileAnswers.RolloutSummary::of).toList())));
    }

    private CompletableFuture<ApiResponse> get(ApiRequest req, Map<String, String> p, Caller caller) {
        return ReconcileJson.call(() -> ApiResponse.json(200, rollout(service.get(p.get("fleet"), p.get("id")))));
    }

    private CompletableFuture<ApiResponse> approve(ApiRequest req, Map<String, String> p, Caller caller) {
        boolean destructive = ReconcileJson.flag(ReconcileJson.body(req), "destructive");
        return ReconcileJson.call(() -> {
            service.approve(p.get("fleet"), p.get("id"), caller.name(), destructive);
            return ApiResponse.json(200, rollout(service.get(p.get("fleet"), p.get("id"))));
        });
    }

    private CompletableFuture<ApiResponse> start(ApiRequest req, Map<String, String> p, Caller caller) {
        return ReconcileJson.call(() -> ApiResponse.json(202, rollout(service.start(p.get("fleet"), p.get("id"),
                caller.name()))));
    }

    private ReconcileAnswers.RolloutAnswer rollout(Rollout r) {
        return ReconcileAnswers.RolloutAnswer.of(r, service.approvals(r.id()));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ApiError.badRequest("\"" + field + "\" must be a non-empty string");
        }
        return v.asText().strip();
    }
}
