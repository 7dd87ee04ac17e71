package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.diff.Diff;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.WaiverService;
import dev.driftd.waiver.WaivedChange;
import dev.driftd.waiver.Waiver;
import dev.driftd.waiver.WaiverJudgement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET/POST /api/v1/fleets/{fleet}/waivers} and {@code DELETE .../waivers/{id}}: listing is
 * for read tokens, making and removing for admin tokens (one admin: a fleet's {@code approvals}
 * apply to plans, not to waivers). The member's diff marks each change with its disposition (FleetJson.diff).
 */
public final class WaiverRoutes {
    private static final String WAIVERS = "/api/v1/fleets/{fleet}/waivers";

    private final FleetService fleets;
    private final WaiverService waivers;

    private WaiverRoutes(FleetService fleets, WaiverService waivers) {
        this.fleets = fleets;
        this.waivers = waivers;
    }

    public static void register(AdminApi api, FleetService fleets) {
        WaiverService w = fleets.waivers();
        if (w == null) {
            return;
        }
        WaiverRoutes r = new WaiverRoutes(fleets, w);
        api.addRoute("GET", WAIVERS, false, r::list);
        api.addRoute("POST", WAIVERS, true, r::create);
        api.addRoute("DELETE", WAIVERS + "/{id}", true, r::delete);
    }

    private CompletableFuture<ApiResponse> list(ApiRequest req, Map<String, String> p, Caller caller) {
        FleetStatus f = fleet(p.get("fleet"));
        return ReconcileJson.call(() -> {
            Instant now = waivers.now();
            return ApiResponse.json(200, new WaiverList(f.name(),
                    waivers.list(f.name()).stream().map(w -> WaiverAnswer.of(w, now)).toList()));
        });
    }

    private CompletableFuture<ApiResponse> create(ApiRequest req, Map<String, String> p, Caller caller) {
        FleetStatus f = fleet(p.get("fleet"));
        JsonNode body = ReconcileJson.body(req);
        String member = text(body, "member");
        if (member == null) {
            throw ApiError.badRequest("a waiver needs \"member\": the member whose drift it accepts");
        }
        if (f.members().stream().noneMatch(m -> m.member().equals(member))) {
            throw ApiError.notFound("no member '" + member + "' in fleet '" + f.name() + "'");
        }
        List<String[]> changes = changes(body.get("changes"));
        WaiverService.Request r = new WaiverService.Request(member, text(body, "owner"), text(body, "reason"),
                text(body, "expires"), changes);
        String token = caller.name();
        return ReconcileJson.call(() -> {
            Diff current;
            try {
                current = fleets.diff(f.name(), member).orElseThrow(() -> ApiError.notFound("no member '" + member
                        + "' in fleet '" + f.name() + "'"));
            } catch (IllegalStateException e) {
                throw new ApiError(409, "no snapshot", e.getMessage());
            }
            Waiver w = waivers.create(f.name(), r, current, token);
            return ApiResponse.json(201, WaiverAnswer.of(w, waivers.now()));
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest req, Map<String, String> p, Caller caller) {
        FleetStatus f = fleet(p.get("fleet"));
        return ReconcileJson.call(() -> {
            waivers.delete(f.name(), p.get("id"), caller.name());
            return ApiResponse.json(200, new Deleted(p.get("id"), "deleted"));
        });
    }

    record WaiverList(String fleet, List<WaiverAnswer> waivers) {
    }

    record WaiverAnswer(String id, String member, String owner, String reason, String source, String createdBy,
                        String createdAt, String expires, String state, List<WaivedChange> changes) {
        static WaiverAnswer of(Waiver w, Instant now) {
            return new WaiverAnswer(w.id(), w.member(), w.owner(), w.reason(), w.source(), w.createdBy(),
                    w.created().toString(), w.expires().toString(), w.activeAt(now) ? "active" : "expired",
                    List.copyOf(w.changes()));
        }
    }

    record Deleted(String id, String status) {
    }

    /** {@code changes}: objects {@code {"kind", "object"}} or strings {@code "index public.orders.orders_big_idx"}. */
    private static List<String[]> changes(JsonNode node) {
        List<String[]> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("\"changes\" must be a list of {\"kind\": ..., \"object\": ...}");
        }
        for (JsonNode c : node) {
            if (c.isTextual()) {
                String s = c.asText().strip();
                String[] kindAndObject = splitDisplay(s);
                if (kindAndObject == null) {
                    throw ApiError.badRequest("\"changes\": '" + s + "' is not \"KIND OBJECT\" (e.g. \"index "
                            + "public.orders.orders_big_idx\")");
                }
                out.add(kindAndObject);
            } else if (c.isObject() && c.path("kind").isTextual() && c.path("object").isTextual()) {
                out.add(new String[]{c.get("kind").asText(), c.get("object").asText()});
            } else {
                throw ApiError.badRequest("\"changes\": each entry needs \"kind\" and \"object\" as the member's "
                        + "diff shows them, not " + c);
            }
        }
        return out;
    }

    /** "foreign key public.t.fk" into its kind label and object: the longest kind label that prefixes it. */
    private static String[] splitDisplay(String s) {
        String best = null;
        for (dev.driftd.schema.ObjectKind k : dev.driftd.schema.ObjectKind.values()) {
            String label = k.label();
            if (s.startsWith(label + " ") && (best == null || label.length() > best.length())) {
                best = label;
            }
        }
        return best == null ? null : new String[]{best, s.substring(best.length() + 1)};
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private FleetStatus fleet(String name) {
        return fleets.fleet(name).orElseThrow(() -> ApiError.notFound("no fleet '" + name + "'"));
    }

}
