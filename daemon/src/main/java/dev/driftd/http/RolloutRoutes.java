package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.reconcile.Rollout;
import dev.driftd.reconcile.RolloutMember;
import dev.driftd.reconcile.RolloutService;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The fleet rollout routes: make one (admin), approve it (admin, the plans' rules), start it (admin;
 * it then runs in the background), read one or the fleet's list (read).
 */
public final class RolloutRoutes {
    private static final String ROLLOUTS = "/api/v1/fleets/{fleet}/rollouts";

    private final RolloutService service;
    private final Supplier<Authenticator> auth;

    private RolloutRoutes(RolloutService service, Supplier<Authenticator> auth) {
        this.service = service;
        this.auth = auth;
    }

    public static void register(AdminApi api, RolloutService service, Supplier<Authenticator> auth) {
        RolloutRoutes r = new RolloutRoutes(service, auth);
        api.addRoute("POST", ROLLOUTS, true, r::create);
        api.addRoute("GET", ROLLOUTS, false, r::list);
        api.addRoute("GET", ROLLOUTS + "/{id}", false, r::get);
        api.addRoute("POST", ROLLOUTS + "/{id}/approve", true, r::approve);
        api.addRoute("POST", ROLLOUTS + "/{id}/start", true, r::start);
    }

    private CompletableFuture<ApiResponse> create(ApiRequest req, Map<String, String> p) {
        JsonNode body = ReconcileJson.body(req);
        RolloutService.VariantRef ref = new RolloutService.VariantRef(text(body, "fingerprint"), text(body, "member"));
        if (ref.fingerprint() != null && ref.member() != null) {
            throw ApiError.badRequest("name the variant by \"fingerprint\" or by \"member\", not both");
        }
        return ReconcileJson.call(() -> ApiResponse.json(201, rollout(service.create(p.get("fleet"), ref, tokenName(req)))));
    }

    private CompletableFuture<ApiResponse> list(ApiRequest req, Map<String, String> p) {
        return ReconcileJson.call(() -> {
            ArrayNode out = ApiResponse.MAPPER.createArrayNode();
            for (Rollout r : service.list(p.get("fleet"))) {
                ObjectNode n = out.addObject();
                summary(n, r);
            }
            ObjectNode root = ApiResponse.MAPPER.createObjectNode();
            root.set("rollouts", out);
            return ApiResponse.json(200, root);
        });
    }

    private CompletableFuture<ApiResponse> get(ApiRequest req, Map<String, String> p) {
        return ReconcileJson.call(() -> ApiResponse.json(200, rollout(service.get(p.get("fleet"), p.get("id")))));
    }

    private CompletableFuture<ApiResponse> approve(ApiRequest req, Map<String, String> p) {
        boolean destructive = ReconcileJson.flag(ReconcileJson.body(req), "destructive");
        return ReconcileJson.call(() -> {
            service.approve(p.get("fleet"), p.get("id"), tokenName(req), destructive);
            return ApiResponse.json(200, rollout(service.get(p.get("fleet"), p.get("id"))));
        });
    }

    private CompletableFuture<ApiResponse> start(ApiRequest req, Map<String, String> p) {
        return ReconcileJson.call(() -> ApiResponse.json(202, rollout(service.start(p.get("fleet"), p.get("id"),
                tokenName(req)))));
    }

    /** Identity, state and counts per member state: what the list shows. */
    private static void summary(ObjectNode n, Rollout r) {
        n.put("id", r.id());
        n.put("fleet", r.fleet());
        n.put("state", r.state().label());
        n.put("variant_fingerprint", r.variantFingerprint());
        n.put("golden_fingerprint", r.goldenFingerprint());
        n.put("created_by", r.createdBy());
        n.put("created_at", r.createdAt().toString());
        n.put("started_by", r.startedBy());
        n.put("started_at", time(r.startedAt()));
        n.put("finished_at", time(r.finishedAt()));
        n.put("result", r.result());
        ObjectNode counts = n.putObject("counts");
        for (RolloutMember.State s : RolloutMember.State.values()) {
            counts.put(s.label(), r.count(s));
        }
    }

    private ObjectNode rollout(Rollout r) {
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        summary(n, r);
        ObjectNode settings = n.putObject("rollout");
        settings.put("canary", r.canary());
        settings.put("wave", r.wave());
        settings.put("pause_ms", r.pause().toMillis());
        ReconcileJson.plan(n, r.plan());
        ReconcileJson.approvals(n, service.approvals(r.id()));
        ArrayNode members = n.putArray("members");
        for (RolloutMember m : r.members()) {
            ObjectNode o = members.addObject();
            o.put("member", m.member());
            o.put("wave", m.wave());
            o.put("state", m.state().label());
            o.put("before_fingerprint", m.beforeFingerprint());
            o.put("after_fingerprint", m.afterFingerprint());
            o.put("error", m.error());
            o.put("started_at", time(m.startedAt()));
            o.put("finished_at", time(m.finishedAt()));
        }
        return n;
    }

    private String tokenName(ApiRequest req) {
        return ReconcileJson.tokenName(auth.get(), req);
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

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
