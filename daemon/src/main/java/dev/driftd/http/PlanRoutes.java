package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.reconcile.AuditEntry;
import dev.driftd.reconcile.AuditLog;
import dev.driftd.reconcile.PlanService;
import dev.driftd.reconcile.StoredPlan;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The plan, approval, apply and audit routes. The router has already checked the token's role;
 * here the token is looked up again only for its NAME, which plans and the audit log record.
 */
public final class PlanRoutes {
    private static final String PLANS = "/api/v1/fleets/{fleet}/members/{member}/plans";
    private static final int AUDIT_LIMIT = 10_000;

    private final PlanService service;
    private final Supplier<Authenticator> auth;

    private PlanRoutes(PlanService service, Supplier<Authenticator> auth) {
        this.service = service;
        this.auth = auth;
    }

    public static void register(AdminApi api, PlanService service, Supplier<Authenticator> auth) {
        PlanRoutes r = new PlanRoutes(service, auth);
        api.addRoute("POST", PLANS, true, r::create);
        api.addRoute("GET", PLANS + "/{id}", false, r::get);
        api.addRoute("POST", PLANS + "/{id}/approve", true, r::approve);
        api.addRoute("POST", PLANS + "/{id}/apply", true, r::apply);
        api.addRoute("GET", "/api/v1/audit", false, r::audit);
    }

    private CompletableFuture<ApiResponse> create(ApiRequest req, Map<String, String> p) {
        return call(() -> ApiResponse.json(201, plan(service.create(p.get("fleet"), p.get("member"), tokenName(req)))));
    }

    private CompletableFuture<ApiResponse> get(ApiRequest req, Map<String, String> p) {
        return call(() -> ApiResponse.json(200, plan(service.get(p.get("fleet"), p.get("member"), p.get("id")))));
    }

    private CompletableFuture<ApiResponse> approve(ApiRequest req, Map<String, String> p) {
        boolean destructive = ReconcileJson.flag(body(req), "destructive");
        return call(() -> {
            service.approve(p.get("fleet"), p.get("member"), p.get("id"), tokenName(req), destructive);
            return ApiResponse.json(200, plan(service.get(p.get("fleet"), p.get("member"), p.get("id"))));
        });
    }

    private CompletableFuture<ApiResponse> apply(ApiRequest req, Map<String, String> p) {
        return call(() -> ApiResponse.json(200, plan(service.apply(p.get("fleet"), p.get("member"), p.get("id"),
                tokenName(req)))));
    }

    private CompletableFuture<ApiResponse> audit(ApiRequest req, Map<String, String> p) {
        AuditLog.Query q = new AuditLog.Query(param(req, "fleet"), param(req, "member"), param(req, "rollout"),
                time(req, "since"), time(req, "until"));
        return call(() -> {
            ArrayNode out = ApiResponse.MAPPER.createArrayNode();
            for (AuditEntry e : service.audit().query(q, AUDIT_LIMIT)) {
                ObjectNode n = out.addObject();
                n.put("id", e.id());
                n.put("at", e.at().toString());
                n.put("fleet", e.fleet());
                n.put("member", e.member());
                n.put("plan", e.planId());
                n.put("rollout", e.rolloutId());
                n.put("action", e.action());
                n.put("token", e.token());
                n.put("sql", e.sql());
                n.put("result", e.result());
                n.put("before_fingerprint", e.beforeFingerprint());
                n.put("after_fingerprint", e.afterFingerprint());
            }
            ObjectNode root = ApiResponse.MAPPER.createObjectNode();
            root.set("entries", out);
            return ApiResponse.json(200, root);
        });
    }

    private ObjectNode plan(StoredPlan s) {
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("id", s.id());
        n.put("fleet", s.fleet());
        n.put("member", s.member());
        n.put("created_by", s.createdBy());
        n.put("created_at", s.createdAt().toString());
        n.put("state", s.state().label());
        n.put("target_fingerprint", s.plan().targetFingerprint());
        n.put("next_statement", s.nextStatement());
        n.put("resume_fingerprint", s.resumeFingerprint());
        n.put("result", s.result());
        ReconcileJson.plan(n, s.plan());
        ReconcileJson.approvals(n, service.approvals(s.id()));
        return n;
    }

    private String tokenName(ApiRequest req) {
        return ReconcileJson.tokenName(auth.get(), req);
    }

    private static JsonNode body(ApiRequest req) {
        return ReconcileJson.body(req);
    }

    private static String param(ApiRequest req, String name) {
        List<String> v = req.query().get(name);
        return v == null || v.isEmpty() || v.get(v.size() - 1).isEmpty() ? null : v.get(v.size() - 1);
    }

    /** The instants every store's timestamp column holds; Instant itself goes to year 1,000,000,000. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static Instant time(ApiRequest req, String name) {
        String v = param(req, name);
        try {
            Instant t = v == null ? null : Instant.parse(v);
            if (t != null && (t.isBefore(EARLIEST) || t.isAfter(LATEST))) {
                throw ApiError.badRequest("?" + name + " must be between years 1 and 9999, not '" + v + "'");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("?" + name + " must be an ISO-8601 instant like 2026-01-31T12:00:00Z, not '" + v + "'");
        }
    }

    private static CompletableFuture<ApiResponse> call(Supplier<ApiResponse> work) {
        return ReconcileJson.call(work);
    }
}
