package dev.driftd.http;

import dev.driftd.config.Role;
import dev.driftd.events.DdlEvent;
import dev.driftd.events.DdlEventParser;
import dev.driftd.events.InvalidDdlEventException;
import dev.driftd.events.LogThrottle;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberDiff;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.metrics.ExpositionFormat;
import dev.driftd.plan.Plan;
import dev.driftd.plan.SqlScript;
import dev.driftd.store.DdlRecord;
import dev.driftd.waiver.WaiverJudgement;
import dev.driftd.fleet.WaiverService;
import dev.driftd.waiver.WaiverSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin API's routes and what they answer, independent of the transport. Order of checks:
 * unknown path 404, wrong method 405, then authentication 401 and role 403, then unknown fleet or
 * member 404 (so fleet names are not given away to callers without a token).
 */
public final class AdminApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    /** The Prometheus text exposition format. */
    /** How many of a member's latest DDL statements its diff shows. */
    static final int RECENT_DDL = 20;
    public static final String METRICS_CONTENT_TYPE = ExpositionFormat.TEXT.contentType();
    static final String OPENAPI_CONTENT_TYPE = "application/yaml; charset=utf-8";

    @FunctionalInterface
    interface Handler {
        /** @param caller who the router authenticated ({@link Caller#ANONYMOUS} on routes that need no token) */
        CompletableFuture<ApiResponse> handle(ApiRequest request, Map<String, String> params, Caller caller);
    }

    /**
     * Who may call a route: anyone, /metrics' own rule, or a token of a role. STATIC is anyone too
     * (the console's files, which hold no data) but runs on the workers, not the probe thread.
     */
    private enum Access { PUBLIC, METRICS, READ, REPORT, ADMIN, STATIC }

    /** A route: method, path pattern ({name} segments are parameters), who may call it. */
    private record Route(String method, List<String> pattern, Access access, Handler handler) {
        Map<String, String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            Map<String, String> params = new java.util.HashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                if (p.startsWith("{")) {
                    params.put(p.substring(1, p.length() - 1), segments.get(i));
                } else if (!p.equals(segments.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }

    private final FleetService fleets;
    private final Function<ExpositionFormat, String> metrics;
    private final Runnable reload;
    private final Supplier<Authenticator> auth;
    private final List<Route> routes = new ArrayList<>();
    private final DdlEventQueue events;
    /** Refused DDL events are logged once a minute per reason: a misconfigured proxy sends many. */
    private final LogThrottle refusedLog = new LogThrottle(java.time.Duration.ofMinutes(1));

    /**
     * @param metrics the Prometheus exposition in the format asked for (called on a worker thread)
     * @param reload  re-reads the configuration; throws with a one-line reason when the file is bad
     * @param auth    the tokens in force (asked on every request, so a reload can change them)
     */
    public AdminApi(FleetService fleets, Function<ExpositionFormat, String> metrics, Runnable reload,
                    Supplier<Authenticator> auth) {
        this(fleets, metrics, reload, auth, new DdlEventQueue(DdlEventQueue.DEFAULT_CAPACITY, null));
    }

    /** @param events where DDL events are taken in (closed with this API) */
    public AdminApi(FleetService fleets, Function<ExpositionFormat, String> metrics, Runnable reload,
                    Supplier<Authenticator> auth,
                    DdlEventQueue events) {
        this.events = events;
        this.fleets = fleets;
        this.metrics = metrics;
        this.reload = reload;
        this.auth = auth;
        route("GET", "/healthz", Access.PUBLIC, this::health);
        route("GET", "/readyz", Access.PUBLIC, this::ready);
        route("GET", "/metrics", Access.METRICS, this::metrics);
        route("GET", "/api/v1/fleets", Access.READ, this::listFleets);
        route("GET", "/api/v1/fleets/{fleet}", Access.READ, this::getFleet);
        route("GET", "/api/v1/fleets/{fleet}/members/{member}/diff", Access.READ, this::diff);
        route("GET", "/api/v1/fleets/{fleet}/members/{member}/reconcile", Access.READ, this::reconcile);
        route("POST", "/api/v1/fleets/{fleet}/sweep", Access.ADMIN, this::sweep);
        route("POST", "/api/v1/reload", Access.ADMIN, this::reload);
        route("POST", "/api/v1/events/ddl", Access.REPORT, this::ddlEvent);
        route("GET", "/api/v1/events/ddl", Access.REPORT, this::ddlCheck);
        // the contract holds no data: open like the console's files, so a client generator can fetch it
        route("GET", "/api/v1/openapi.yaml", Access.STATIC, this::openapi);
    }

    /** Routes of other features (plans, audit), registered by their own handler classes. */
    void addRoute(String method, String path, boolean admin, Handler h) {
        route(method, path, admin ? Access.ADMIN : Access.READ, h);
    }

    /** A route anyone may call without a token: the console's static files (the data they show needs one). */
    void addStaticRoute(String path, Handler h) {
        route("GET", path, Access.STATIC, h);
    }

    private void route(String method, String path, Access access, Handler h) {
        routes.add(new Route(method, List.of(path.substring(1).split("/")), access, h));
    }

    /**
     * Answers a request. Runs on a worker thread (handlers may block on the fleet service); the
     * future completes later only for work that waits on a sweep. Never completes exceptionally.
     */
    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        CompletableFuture<ApiResponse> answer;
        try {
            answer = dispatch(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionally(t -> toResponse(t, request.path()));
    }

    private CompletableFuture<ApiResponse> dispatch(ApiRequest request) {
        Matched m = find(request.method(), request.path(), request.segments());
        Caller caller = authorize(m.route().access(), request.method(), request.path(), request.authorization());
        return m.route().handler().handle(request, m.params(), caller);
    }

    private record Matched(Route route, Map<String, String> params) {
    }

    /** The route for a method and path: 404 for no such path, 405 for a path without that method. */
    private Matched find(String method, String path, List<String> segments) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(segments);
            if (params == null) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            return new Matched(r, params);
        }
        if (!allowed.isEmpty()) {
            throw new ApiError(405, "method not allowed", method + " " + path
                    + " (allowed: " + String.join(", ", allowed) + ")");
        }
        throw ApiError.notFound("no endpoint " + path);
    }

    /**
     * The answer a request gets from its request line and headers alone (404, 405, 401, 403), or
     * null when it may go on. Cheap and non-blocking: the server asks it before reading a body, so
     * a client without a valid token cannot make the daemon buffer one.
     */
    ApiError refusal(String method, String path, List<String> segments, String authorization) {
        try {
            Matched m = find(method, path, segments);
            authorize(m.route().access(), method, path, authorization);
            return null;
        } catch (ApiError e) {
            return e;
        }
    }

    /**
     * True for /healthz, /readyz and /metrics: answered on their own thread, never queued behind
     * API calls, so probes and scrapes keep answering while every worker is busy.
     */
    boolean isProbe(String method, List<String> segments) {
        for (Route r : routes) {
            if ((r.access() == Access.PUBLIC || r.access() == Access.METRICS) && r.method().equals(method)
                    && r.match(segments) != null) {
                return true;
            }
        }
        return false;
    }

    /** True for GET /healthz: a constant answer, cheap enough for the event loop itself. */
    static boolean isLiveness(String method, List<String> segments) {
        return method.equals("GET") && segments.equals(List.of("healthz"));
    }

    /** The caller the route lets in; throws the 401 or 403 otherwise. */
    private Caller authorize(Access access, String method, String path, String authorization) {
        try {
            return authorizeOrThrow(access, method, path, authorization);
        } catch (ApiError e) {
            if (access == Access.REPORT && method.equals("POST")) {
                ddlRefused(e.status() == 401 ? DdlEventCounts.UNAUTHORIZED : DdlEventCounts.FORBIDDEN, e);
            }
            throw e;
        }
    }

    /** Counts and logs (once a minute per reason) a DDL event the API refused. */
    private void ddlRefused(String reason, ApiError e) {
        events.counts().count(DdlEventCounts.REJECTED, reason);
        long held = refusedLog.admit(reason);
        if (held != LogThrottle.HOLD) {
            LOG.warn("DDL event from a JDBC proxy refused with {} ({}): {}{}", e.status(), reason, e.detail(),
                    LogThrottle.heldBack(held));
        }
    }

    private Caller authorizeOrThrow(Access access, String method, String path, String authorization) {
        if (access == Access.PUBLIC || access == Access.STATIC) {
            return Caller.ANONYMOUS;
        }
        Authenticator a = auth.get();
        Role needed = access == Access.ADMIN ? Role.ADMIN : access == Access.REPORT ? Role.REPORT : Role.READ;
        if (access == Access.METRICS) {
            // /metrics is open unless the config sets server.metrics_token; then that token or a read token.
            Boolean metricsToken = a.metricsTokenMatches(authorization);
            if (metricsToken == null || metricsToken) {
                return Caller.ANONYMOUS;
            }
        }
        if (authorization == null) {
            throw new ApiError(401, "unauthorized", "send Authorization: Bearer <token>");
        }
        ApiToken token = a.authenticate(authorization)
                .orElseThrow(() -> new ApiError(401, "unauthorized", "unknown token"));
        if (!Authenticator.allows(token.role(), needed)) {
            throw new ApiError(403, "forbidden", "token '" + token.name() + "' has role " + token.role().label()
                    + "; " + method + " " + path + " needs " + needed.label());
        }
        return Caller.of(token);
    }

    private static ApiResponse toResponse(Throwable t, String path) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof ApiError a) {
            return ApiResponse.error(a, path);
        }
        // Only the fleet service's one-line message goes out; the stack trace stays in the log.
        LOG.warn("request failed: {}", e.toString(), e);
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return ApiResponse.error(new ApiError(500, "internal error", msg.lines().findFirst().orElse(msg)), path);
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }

    private CompletableFuture<ApiResponse> health(ApiRequest req, Map<String, String> p, Caller caller) {
        return done(ApiResponse.json(200, new Status("ok")));
    }

    private CompletableFuture<ApiResponse> ready(ApiRequest req, Map<String, String> p, Caller caller) {
        if (fleets.ready()) {
            return done(ApiResponse.json(200, new Status("ready")));
        }
        throw new ApiError(503, "not ready", "configuration, store or scheduler not up yet");
    }

    private CompletableFuture<ApiResponse> metrics(ApiRequest req, Map<String, String> p, Caller caller) {
        // text 0.0.4 unless the scraper prefers OpenMetrics (Prometheus does); see ExpositionFormat
        ExpositionFormat format = ExpositionFormat.negotiate(req.accept());
        return done(ApiResponse.text(200, format.contentType(), metrics.apply(format)));
    }

    private CompletableFuture<ApiResponse> listFleets(ApiRequest req, Map<String, String> p, Caller caller) {
        return done(ApiResponse.json(200, FleetJson.FleetList.of(fleets.fleets())));
    }

    private CompletableFuture<ApiResponse> getFleet(ApiRequest req, Map<String, String> p, Caller caller) {
        FleetStatus f = fleet(p.get("fleet"));
        Map<String, DdlRecord> last = fleets.lastDdl(f.name());
        Map<String, WaiverSummary> waived = fleets.waived(f.name());
        // once for the whole fleet: per member it would look each shared snapshot up thousands of times
        Map<String, java.util.Set<dev.driftd.schema.ObjectKind>> notInspected = fleets.notInspected(f.name());
        List<FleetJson.Member> members = f.members().stream().map(m -> {
            DdlRecord r = last.get(m.member());
            return FleetJson.Member.of(m, notInspected.getOrDefault(m.member(), java.util.Set.of()), waived.get(m.member()),
                    r == null ? null : DdlJson.Statement.of(r));
        }).toList();
        return done(ApiResponse.json(200, FleetJson.fleet(f, members)));
    }

    private CompletableFuture<ApiResponse> diff(ApiRequest req, Map<String, String> p, Caller caller) {
        MemberStatus m = member(p);
        boolean all = req.flag("all");
        return done(notYet(m, () -> all ? fleets.diffAll(m.fleet(), m.member())
                        : fleets.diff(m.fleet(), m.member()).map(MemberDiff::of))
                .map(d -> ApiResponse.json(200, FleetJson.diff(m.fleet(), m.member(), d, judged(m, d),
                        DdlJson.statements(fleets.recentDdl(m.fleet(), m.member(), RECENT_DDL)))))
                .orElseThrow(() -> noSnapshot(m)));
    }

    /** Each drift change's disposition as the fleet's waivers say now: waived (with the waiver's id) or drift. */
    private WaiverJudgement judged(MemberStatus m, MemberDiff d) {
        WaiverService w = fleets.waivers();
        return w == null ? null : w.judge(m.fleet(), m.member(), d.drift());
    }

    private CompletableFuture<ApiResponse> reconcile(ApiRequest req, Map<String, String> p, Caller caller) {
        boolean destructive = req.flag("destructive");
        MemberStatus m = member(p);
        Optional<Plan> plan = notYet(m, () -> fleets.reconcile(m.fleet(), m.member()));
        return done(plan.map(pl -> ApiResponse.text(200, ApiResponse.TEXT, SqlScript.render(pl, destructive)))
                .orElseThrow(() -> noSnapshot(m)));
    }

    private CompletableFuture<ApiResponse> sweep(ApiRequest req, Map<String, String> p, Caller caller) {
        boolean wait = req.flag("wait");
        String name = fleet(p.get("fleet")).name();
        CompletableFuture<SweepResult> result = fleets.sweepNow(name);
        if (wait) {
            return result.thenApply(r -> ApiResponse.json(200, FleetJson.SweepAnswer.of(r)));
        }
        result.whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("sweep of fleet {} requested through the API failed: {}", name, e.toString());
            }
        });
        return done(ApiResponse.json(202, new SweepStarted(name, "started")));
    }

    /**
     * POST /api/v1/events/ddl (the JDBC proxy): 400 with the parser's one-line reason for a bad
     * body; 429 with Retry-After when the event queue is full; otherwise 202 once the event is
     * matched (on the queue's thread, not this one), before any store write or snapshot. An event no
     * fleet member matches is still 202 (the proxy must not retry it or log errors). An admin token
     * is told which members matched; a report token only how many, so a proxy's token cannot be
     * used to learn the fleets' member names.
     */
    private CompletableFuture<ApiResponse> ddlEvent(ApiRequest req, Map<String, String> p, Caller caller) {
        DdlEvent event;
        try {
            event = DdlEventParser.parse(req.body());
        } catch (InvalidDdlEventException e) {
            ApiError bad = ApiError.badRequest(e.getMessage());
            ddlRefused(DdlEventCounts.BAD_REQUEST, bad);
            throw bad;
        }
        boolean admin = caller.role() == Role.ADMIN;
        try {
            return events.take(event, fleets::takeDdl)
                    .thenApply(match -> ApiResponse.json(202, DdlJson.accepted(match.members(), admin)));
        } catch (DdlEventQueue.Full e) {
            throw new ApiError(429, "too many requests", "the DDL event queue is full; send the event again later");
        }
    }

    /**
     * GET /api/v1/events/ddl: the JDBC proxy's self-test at its first connection. Reaching here means
     * the URL is the events URL and the token may report; nothing is counted or stored.
     */
    private CompletableFuture<ApiResponse> ddlCheck(ApiRequest req, Map<String, String> p, Caller caller) {
        return done(ApiResponse.json(200, new ReporterCheck("ok", caller.name(), caller.role().label())));
    }

    private CompletableFuture<ApiResponse> reload(ApiRequest req, Map<String, String> p, Caller caller) {
        try {
            reload.run();
        } catch (RuntimeException e) {
            throw new ApiError(422, "configuration rejected", String.valueOf(e.getMessage())
                    + " (the running configuration is kept)");
        }
        return done(ApiResponse.json(200, new Status("reloaded")));
    }

    /** The answer of the probes and of a reload. */
    record Status(String status) {
    }

    record SweepStarted(String fleet, String status) {
    }

    /** The JDBC proxy's self-test answer: the token it presented and that token's role. */
    record ReporterCheck(String status, String token, String role) {
    }

    /** Every route as "METHOD /path/{param}", in registration order (the contract test compares them with openapi.yaml). */
    public List<String> routeList() {
        return routes.stream().map(r -> r.method() + " /" + String.join("/", r.pattern())).toList();
    }

    private CompletableFuture<ApiResponse> openapi(ApiRequest req, Map<String, String> p, Caller caller) {
        return done(ApiResponse.text(200, OPENAPI_CONTENT_TYPE, OpenApiDocument.text()));
    }

    /** Stops taking DDL events (queued ones are taken in first, for a moment). */
    @Override
    public void close() {
        events.close();
    }

    private FleetStatus fleet(String name) {
        return fleets.fleet(name).orElseThrow(() -> ApiError.notFound("no fleet '" + name + "'"));
    }

    private MemberStatus member(Map<String, String> p) {
        FleetStatus f = fleet(p.get("fleet"));
        String name = p.get("member");
        return f.members().stream().filter(m -> m.member().equals(name)).findFirst()
                .orElseThrow(() -> ApiError.notFound("no member '" + name + "' in fleet '" + f.name() + "'"));
    }

    /** The fleet service says IllegalStateException when the member or golden has no snapshot yet: a 409, not a 500. */
    private static <T> T notYet(MemberStatus m, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            throw new ApiError(409, "no snapshot", e.getMessage());
        }
    }

    private static ApiError noSnapshot(MemberStatus m) {
        return new ApiError(409, "no snapshot", "member '" + m.member() + "' is " + m.state().label()
                + (m.error() == null ? "" : " (" + m.error() + ")") + ": there is no snapshot to compare yet");
    }
}
