package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The plan, approval, apply and audit routes. The router has already checked the token's role and
 * passes the caller, whose NAME plans and the audit log record.
 */
public final class PlanRoutes {
    private static final String PLANS = "/api/v1/fleets/{fleet}/members/{member}/plans";
    private static final int AUDIT_LIMIT = 10_000;

    private final PlanService service;

    private PlanRoutes(PlanService service) {
        this.service = service;
    }

    public static void register(AdminApi api, PlanService service) {
        PlanRoutes r = new PlanRoutes(service);
        api.addRoute("POST", PLANS, true, r::create);
        api.addRoute("GET", PLANS + "/{id}", false, r::get);
        api.addRoute("POST", PLANS + "/{id}/approve", true, r::approve);
        api.addRoute("POST", PLANS + "/{id}/apply", true, r::apply);
        api.addRoute("GET", "/api/v1/audit", false, r::audit);
    }

    private CompletableFuture<ApiResponse> create(ApiRequest req, Map<String, String> p, Caller caller) {
        return call(() -> ApiResponse.json(201, plan(service.create(p.get("fleet"), p.get("member"), caller.name()))));
    }

    private CompletableFuture<ApiResponse> get(ApiRequest req, Map<String, String> p, Caller caller) {
        return call(() -> ApiResponse.json(200, plan(service.get(p.get("fleet"), p.get("member"), p.get("id")))));
    }

    private CompletableFuture<ApiResponse> approve(ApiRequest req, Map<String, String> p, Caller caller) {
        boolean destructive = ReconcileJson.flag(body(req), "destructive");
        return call(() -> {
            service.approve(p.get("fleet"), p.get("member"), p.get("id"), caller.name(), destructive);
            return ApiResponse.json(200, plan(service.get(p.get("fleet"), p.get("member"), p.get("id"))));
        });
    }

    private CompletableFuture<ApiResponse> apply(ApiRequest req, Map<String, String> p, Caller caller) {
        return call(() -> ApiResponse.json(200, plan(service.apply(p.get("fleet"), p.get("member"), p.get("id"),
                caller.name()))));
    }

    private CompletableFuture<ApiResponse> audit(ApiRequest req, Map<String, String> p, Caller caller) {
        AuditLog.Query q = new AuditLog.Query(param(req, "fleet"), param(req, "member"), param(req, "rollout"),
                time(req, "since"), time(req, "until"));
        return call(() -> ApiResponse.json(200, new ReconcileAnswers.AuditList(service.audit().query(q, AUDIT_LIMIT)
                .stream().map(ReconcileAnswers.AuditAnswer::of).toList())));
    }

    private ReconcileAnswers.StoredPlanAnswer plan(StoredPlan s) {
        return ReconcileAnswers.StoredPlanAnswer.of(s, service.approvals(s.id()));
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
