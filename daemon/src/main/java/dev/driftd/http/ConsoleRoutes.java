package dev.driftd.http;

import dev.driftd.diff.Change;
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
    private final ObjectDdl objects;

    private ConsoleRoutes(FleetService fleets, ObjectDdl objects) {
        this.fleets = fleets;
        this.objects = objects;
    }

    /**
     * @param objects each differing object's DDL on both sides, read with the daemon's engine
     * @param ui false ({@code server.ui: false}) leaves the console's files out ({@code /ui/} is a 404); the two
     *           API routes stay, they are part of the API
     */
    public static void register(AdminApi api, FleetService fleets, ObjectDdl objects, boolean ui) {
        ConsoleRoutes r = new ConsoleRoutes(fleets, objects);
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
        List<ObjectEntry> entries = objects.of(pair[0], pair[1]).stream().map(ObjectEntry::of).toList();
        return done(ApiResponse.json(200, new ObjectsAnswer(fleet, member, entries)));
    }

    record ObjectsAnswer(String fleet, String member, List<ObjectEntry> objects) {
    }

    /** One differing object: its changes described, its DDL on golden's and the member's side, the fix. */
    record ObjectEntry(String object, String kind, String severity, List<String> changes, List<String> golden,
                       List<String> member, List<FixStatement> fix) {
        static ObjectEntry of(ObjectDdl.Entry e) {
            return new ObjectEntry(e.object().display(), e.object().kind().label(), e.severity().label(),
                    e.changes().stream().map(Change::describe).toList(), List.copyOf(e.golden()),
                    List.copyOf(e.member()), e.fix().stream().map(FixStatement::of).toList());
        }
    }

    record FixStatement(String sql, boolean destructive, List<String> hazards) {
        static FixStatement of(PlanStatement s) {
            return new FixStatement(s.sql(), s.destructive(), s.hazards().stream().map(Enum::name).toList());
        }
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
        List<PastSchema> schemas = newest(history).stream().map(e -> new PastSchema(e.fingerprint(),
                e.fingerprint() != null && e.fingerprint().equals(f.goldenFingerprint()), iso(e.firstSeen()),
                iso(e.lastSeen()))).toList();
        List<DriftPeriod> periods = newest(drift).stream().map(DriftPeriod::of).toList();
        return done(ApiResponse.json(200, new HistoryAnswer(fleet, member, schemas, periods)));
    }

    record HistoryAnswer(String fleet, String member, List<PastSchema> history, List<DriftPeriod> driftEvents) {
    }

    /** A schema the member had; {@code golden} when it is golden's current one. */
    record PastSchema(String fingerprint, boolean golden, String firstSeen, String lastSeen) {
    }

    /** A period of drift: {@code resolved} is null while it is open. */
    record DriftPeriod(String opened, String resolved, String fingerprint, String goldenFingerprint,
                       Map<String, Integer> changes) {
        static DriftPeriod of(DriftEvent e) {
            Map<String, Integer> changes = new java.util.LinkedHashMap<>();
            for (Severity s : Severity.values()) {
                changes.put(s.label(), e.changes().getOrDefault(s, 0));
            }
            return new DriftPeriod(iso(e.opened()), iso(e.resolved()), e.fingerprint(), e.goldenFingerprint(), changes);
        }
    }

    private static <T> List<T> newest(List<T> oldestFirst) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - HISTORY_LIMIT), oldestFirst.size());
    }

    private static String iso(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
