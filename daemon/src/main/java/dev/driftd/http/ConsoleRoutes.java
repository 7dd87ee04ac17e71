package dev.driftd.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.diff.Change;
import dev.driftd.engine.Engine;
import dev.driftd.engine.ObjectDdl;
import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.store.DriftEvent;
import dev.driftd.store.HistoryEntry;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Snapshot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The web console at {@code /ui/} (its static files) and the two API routes it needs beyond the
 * existing ones: who the token is ({@code GET /api/v1/whoami}, so the page shows what the role
 * may do) and each differing object's DDL on both sides ({@code …/members/{member}/objects}).
 */
public final class ConsoleRoutes {
    /** Entries of each history list at most (the newest): retention bounds them, this bounds an answer. */
    static final int HISTORY_LIMIT = 200;

    private final FleetService fleets;
    private final ConsoleFiles files = new ConsoleFiles("ui");
    private final ObjectDdl objects = new ObjectDdl(new Engine());

    private ConsoleRoutes(FleetService fleets) {
        this.fleets = fleets;
    }

    /**
     * @param ui false ({@code server.ui: false}) leaves the console's files out ({@code /ui/} is a 404); the two
     *           API routes stay, they are part of the API
     */
    public static void register(AdminApi api, FleetService fleets, boolean ui) {
        ConsoleRoutes r = new ConsoleRoutes(fleets);
        if (ui) {
            api.addStaticRoute("/ui", r::index);
            api.addStaticRoute("/ui/{file}", r::file);
        }
        api.addRoute("GET", "/api/v1/whoami", false, r::whoami);
        api.addRoute("GET", "/api/v1/fleets/{fleet}/members/{member}/objects", false, r::objects);
        api.addRoute("GET", "/api/v1/fleets/{fleet}/members/{member}/history", false, r::history);
    }

    private CompletableFuture<ApiResponse> index(ApiRequest req, Map<String, String> p, Caller caller) {
        return done(files.get("index.html").orElseThrow(() -> ApiError.notFound("the console is not in this build")));
    }

    private CompletableFuture<ApiResponse> file(ApiRequest req, Map<String, String> p, Caller caller) {
        String name = p.get("file");
        return done(files.get(name).orElseGet(() ->
                ConsoleFiles.secured(ApiResponse.error(ApiError.notFound("no console file '" + name + "'"), req.path()))));
    }

    private CompletableFuture<ApiResponse> whoami(ApiRequest req, Map<String, String> p, Caller caller) {
        return done(ApiResponse.json(200, new WhoAmI(caller.name(), caller.role().label())));
    }

    record WhoAmI(String name, String role) {
    }

    private CompletableFuture<ApiResponse> objects(ApiRequest req, Map<String, String> p, Caller caller) {
        String fleet = p.get("fleet");
        String member = p.get("member");
        if (fleets.fleet(fleet).isEmpty()) {
            throw ApiError.notFound("no fleet '" + fleet + "'");
        }
        Snapshot[] pair;
        try {
            pair = fleets.snapshots(fleet, member)
                    .orElseThrow(() -> ApiError.notFound("no member '" + member + "' in fleet '" + fleet + "'"));
        } catch (IllegalStateException e) {
            throw new ApiError(409, "no snapshot", e.getMessage());
        }
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("fleet", fleet);
        n.put("member", member);
        ArrayNode arr = n.putArray("objects");
        for (ObjectDdl.Entry e : objects.of(pair[0], pair[1])) {
            ObjectNode o = arr.addObject();
            o.put("object", e.object().display());
            o.put("kind", e.object().kind().label());
            o.put("severity", e.severity().label());
            ArrayNode ch = o.putArray("changes");
            for (Change c : e.changes()) {
                ch.add(c.describe());
            }
            strings(o.putArray("golden"), e.golden());
            strings(o.putArray("member"), e.member());
            ArrayNode fix = o.putArray("fix");
            for (PlanStatement s : e.fix()) {
                ObjectNode fs = fix.addObject();
                fs.put("sql", s.sql());
                fs.put("destructive", s.destructive());
                ArrayNode hz = fs.putArray("hazards");
                s.hazards().forEach(h -> hz.add(h.name()));
            }
        }
        return done(ApiResponse.json(200, n));
    }

    /**
     * The member's schemas over time and its periods of drift, newest {@value #HISTORY_LIMIT} of
     * each; 404 for an unknown fleet or member, 503 while the store cannot be read.
     */
    private CompletableFuture<ApiResponse> history(ApiRequest req, Map<String, String> p, Caller caller) {
        String fleet = p.get("fleet");
        String member = p.get("member");
        FleetStatus f = fleets.fleet(fleet).orElseThrow(() -> ApiError.notFound("no fleet '" + fleet + "'"));
        if (f.members().stream().noneMatch(m -> m.member().equals(member))) {
            throw ApiError.notFound("no member '" + member + "' in fleet '" + fleet + "'");
        }
        List<HistoryEntry> history;
        List<DriftEvent> drift;
        try {
            history = fleets.history(fleet, member);
            drift = fleets.driftEvents(fleet, member);
        } catch (IllegalStateException e) {
            throw new ApiError(503, "store unavailable", e.getMessage());
        }
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("fleet", fleet);
        n.put("member", member);
        ArrayNode h = n.putArray("history");
        for (HistoryEntry e : newest(history)) {
            ObjectNode o = h.addObject();
            o.put("fingerprint", e.fingerprint());
            o.put("golden", e.fingerprint() != null && e.fingerprint().equals(f.goldenFingerprint()));
            o.put("firstSeen", iso(e.firstSeen()));
            o.put("lastSeen", iso(e.lastSeen()));
        }
        ArrayNode d = n.putArray("driftEvents");
        for (DriftEvent e : newest(drift)) {
            ObjectNode o = d.addObject();
            o.put("opened", iso(e.opened()));
            o.put("resolved", iso(e.resolved()));
            o.put("fingerprint", e.fingerprint());
            o.put("goldenFingerprint", e.goldenFingerprint());
            ObjectNode c = o.putObject("changes");
            for (Severity s : Severity.values()) {
                c.put(s.label(), e.changes().getOrDefault(s, 0));
            }
        }
        return done(ApiResponse.json(200, n));
    }

    private static <T> List<T> newest(List<T> oldestFirst) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - HISTORY_LIMIT), oldestFirst.size());
    }

    private static String iso(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
