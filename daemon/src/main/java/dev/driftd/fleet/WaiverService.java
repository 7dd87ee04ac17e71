package dev.driftd.fleet;

import dev.driftd.config.FleetConfig;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.reconcile.AuditLog;
import dev.driftd.reconcile.PlanStore;
import dev.driftd.reconcile.ReconcileException;
import dev.driftd.store.Store;
import dev.driftd.util.Durations;
import dev.driftd.util.SqlErrors;
import dev.driftd.waiver.WaivedChange;
import dev.driftd.waiver.Waiver;
import dev.driftd.waiver.WaiverJudgement;
import dev.driftd.waiver.WaiverSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Waivers in force and what they do to members. Waivers are applied when a member's state is
 * <em>read</em> (API, metrics), not when it is swept: the sweep keeps recording the member's real
 * difference from golden (history, drift events), and a waiver's expiry or removal takes effect at
 * the next read, on every node, without a sweep. The API's waivers live in the shared store (this
 * node re-reads them every {@link #REFRESH}, and at once after its own changes); the
 * configuration's come with each load. A background tick writes each expiry to the audit log once
 * per cluster.
 */
public final class WaiverService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WaiverService.class);
    /** How stale this node's copy of the store's waivers may get (other nodes' creations and removals). */
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** Diffs kept for members with waivers; cleared when more pile up (members changed fingerprints). */
    private static final int DIFF_CACHE = 10_000;
    /** The store's name columns hold 255 characters; a reason is text but need not be an essay. */
    private static final int MAX_OWNER = 200;
    private static final int MAX_REASON = 2000;
    /** Every store's timestamp column holds up to here. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final WaiverStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private volatile List<Waiver> stored = List.of();
    private volatile Instant storedAt = Instant.EPOCH;
    private volatile Map<String, List<Waiver>> configured = Map.of();
    private final Map<String, List<Change>> diffs = new ConcurrentHashMap<>();
    private volatile boolean storeWarned;

    /** @param store the daemon's store; null runs with configured waivers only (nothing is audited) */
    public WaiverService(Store store) {
        this(store, Clock.systemUTC(), true);
    }

    WaiverService(Store store, Clock clock, boolean tick) {
        this.store = store == null ? null : new WaiverStore(store);
        this.audit = store == null ? null : new AuditLog(new PlanStore(store));
        this.clock = clock;
        refresh();
        if (tick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "driftd-waivers");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    /** The configured waivers of each fleet, as a (re)load gives them. */
    public void configure(List<FleetConfig> fleets) {
        Map<String, List<Waiver>> next = new HashMap<>();
        for (FleetConfig f : fleets) {
            next.put(f.name(), f.waivers());
        }
        configured = Map.copyOf(next);
    }

    // ---- reading

    /** Every waiver of the fleet (configured first, then the API's), expired ones included. */
    public List<Waiver> list(String fleet) {
        List<Waiver> out = new ArrayList<>(configured.getOrDefault(fleet, List.of()));
        stored.stream().filter(w -> w.fleet().equals(fleet)).forEach(out::add);
        return out;
    }

    /** The member's waivers in force now. */
    List<Waiver> inForce(String fleet, String member, Instant now) {
        List<Waiver> out = new ArrayList<>();
        for (Waiver w : list(fleet)) {
            if (w.member().equals(member) && w.activeAt(now)) {
                out.add(w);
            }
        }
        return out;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The member's diff weighed against its waivers in force now. */
    public WaiverJudgement judge(String fleet, String member, Diff diff) {
        return WaiverJudgement.of(diff.changes(), inForce(fleet, member, now()));
    }

    /**
     * The fleet as its waivers make it now: a drifted member whose every drifting change is waived
     * is in sync (no drift since), one with unwaived changes stays drifted with only those counted.
     * Members without waivers in force are untouched (and cost no diff).
     *
     * @param diff the member's current diff (may throw IllegalStateException when it has none)
     */
    public FleetStatus apply(FleetStatus raw, BiFunction<String, String, Optional<Diff>> diff) {
        return evaluate(raw, diff, null);
    }

    /** What {@link #apply} found per member with waived changes now (metrics). */
    public Map<String, WaiverSummary> summaries(FleetStatus raw, BiFunction<String, String, Optional<Diff>> diff) {
        Map<String, WaiverSummary> out = new LinkedHashMap<>();
        evaluate(raw, diff, out);
        return out;
    }

    private FleetStatus evaluate(FleetStatus raw, BiFunction<String, String, Optional<Diff>> diff,
                                 Map<String, WaiverSummary> summaries) {
        Instant now = now();
        // the fleet's waivers in force, by member: one pass, whatever the member count
        Map<String, List<Waiver>> byMember = new HashMap<>();
        for (Waiver w : list(raw.name())) {
            if (w.activeAt(now)) {
                byMember.computeIfAbsent(w.member(), k -> new ArrayList<>()).add(w);
            }
        }
        if (byMember.isEmpty()) {
            return raw;
        }
        List<MemberStatus> members = new ArrayList<>(raw.members().size());
        boolean changed = false;
        for (MemberStatus m : raw.members()) {
            MemberStatus out = m;
            if (m.state() == MemberState.DRIFTED && m.fingerprint() != null) {
                List<Waiver> active = byMember.getOrDefault(m.member(), List.of());
                if (!active.isEmpty()) {
                    List<Change> changes = changes(raw, m, diff);
                    if (changes != null) {
                        WaiverJudgement j = WaiverJudgement.of(changes, active);
                        if (j.waived() > 0) {
                            out = new MemberStatus(m.fleet(), m.member(),
                                    j.drifted() ? MemberState.DRIFTED : MemberState.IN_SYNC, m.fingerprint(),
                                    m.lastSnapshot(), j.drifted() ? m.driftSince() : null, j.unwaived(),
                                    m.errorReason(), m.error());
                            if (summaries != null) {
                                summaries.put(m.member(), new WaiverSummary(j.waived(), j.soonestExpiry()));
                            }
                        }
                    }
                }
            }
            changed |= out != m;
            members.add(out);
        }
        if (!changed) {
            return raw;
        }
        return new FleetStatus(raw.name(), raw.schedule(), raw.goldenFingerprint(), raw.goldenError(),
                raw.lastSweepStarted(), raw.lastSweepFinished(), members);
    }

    /** The member's changes (cached per golden and member fingerprint); null when there is no diff now. */
    private List<Change> changes(FleetStatus f, MemberStatus m, BiFunction<String, String, Optional<Diff>> diff) {
        String key = f.name() + '\n' + m.member() + '\n' + m.fingerprint() + '\n' + f.goldenFingerprint();
        List<Change> c = diffs.get(key);
        if (c != null) {
            return c;
        }
        try {
            Optional<Diff> d = diff.apply(f.name(), m.member());
            if (d.isEmpty()) {
                return null;
            }
            if (diffs.size() > DIFF_CACHE) {
                diffs.clear();
            }
            c = d.get().changes();
            diffs.put(key, c);
            return c;
        } catch (RuntimeException e) {
            // no golden or snapshot to compare right now: the member shows as swept, waivers apply later
            LOG.debug("fleet {}: cannot weigh the waivers of {}: {}", f.name(), m.member(), SqlErrors.oneLine(e));
            return null;
        }
    }

    // ---- changing

    /** What a caller asks for: the objects by kind and name as the diff answer shows them. */
    public record Request(String member, String owner, String reason, String expires, List<String[]> changes) {
    }

    /**
     * Makes a waiver of the member's current drift: each object named must be drifting now; the
     * waiver binds to that exact difference. BAD_REQUEST for missing fields or an expiry that is not
     * in the future, CONFLICT naming the objects that are not current drift.
     */
    public Waiver create(String fleet, Request r, Diff current, String token) {
        if (store == null) {
            throw new ReconcileException(ReconcileException.Kind.CONFLICT, "no store", "waivers need the store");
        }
        require(r.owner(), "owner", "who accepts this drift, e.g. \"team-payments\"");
        require(r.reason(), "reason", "why this drift is accepted, e.g. \"hotfix INC-4411\"");
        if (r.owner().strip().length() > MAX_OWNER || r.reason().strip().length() > MAX_REASON) {
            throw bad("\"owner\" may have at most " + MAX_OWNER + " characters and \"reason\" at most " + MAX_REASON);
        }
        Instant now = now().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = expiry(r.expires(), now);
        if (r.changes() == null || r.changes().isEmpty()) {
            throw bad("\"changes\" must list the drifting objects to waive, each {\"kind\": \"index\", "
                    + "\"object\": \"public.orders.orders_big_idx\"} as the member's diff names them");
        }
        List<WaivedChange> bound = new ArrayList<>();
        List<String> notDrift = new ArrayList<>();
        for (String[] want : r.changes()) {
            Optional<Change> c = current.changes().stream()
                    .filter(x -> x.drift() && x.kind().label().equals(WaivedChange.kindLabel(want[0]))
                            && x.object().equals(want[1]))
                    .findFirst();
            if (c.isPresent()) {
                WaivedChange w = WaivedChange.of(c.get());
                if (!bound.contains(w)) {
                    bound.add(w);
                }
            } else {
                notDrift.add(want[0] + " " + want[1]);
            }
        }
        if (!notDrift.isEmpty()) {
            throw new ReconcileException(ReconcileException.Kind.CONFLICT, "not current drift",
                    "not drifting on member '" + r.member() + "' now: " + String.join(", ", notDrift)
                            + " (see GET /api/v1/fleets/" + fleet + "/members/" + r.member() + "/diff)");
        }
        Waiver w = new Waiver("w-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4),
                fleet, r.member(), r.owner().strip(), r.reason().strip(), token, now, expires, bound, Waiver.API);
        store.insert(w);
        audit("waiver-create", w, token);
        LOG.info("fleet {}: waiver {} of {} made by {}: {} change(s) until {}", fleet, w.id(), w.member(), token,
                bound.size(), expires);
        refresh();
        return w;
    }

    /** Removes an API waiver: NOT_FOUND when the fleet has none with that id, CONFLICT for a configured one. */
    public void delete(String fleet, String id, String token) {
        Optional<Waiver> w = list(fleet).stream().filter(x -> x.id().equals(id)).findFirst();
        if (w.isPresent() && w.get().fromConfig()) {
            throw new ReconcileException(ReconcileException.Kind.CONFLICT, "declared in the configuration",
                    "waiver '" + id + "' is declared in the configuration file: remove it there and reload");
        }
        if (store == null || w.isEmpty() || !store.remove(fleet, id, token, now())) {
            refresh();
            throw new ReconcileException(ReconcileException.Kind.NOT_FOUND, "not found",
                    "no waiver '" + id + "' in fleet '" + fleet + "'");
        }
        audit("waiver-delete", w.get(), token);
        LOG.info("fleet {}: waiver {} of {} removed by {}", fleet, id, w.get().member(), token);
        refresh();
    }

    /**
     * An expiry as the API takes it: an ISO-8601 instant or a duration from now ({@code 7d},
     * {@code 12h}, {@code 90s}); BAD_REQUEST when absent, unreadable or not in the future.
     */
    static Instant expiry(String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw bad("a waiver needs \"expires\": an ISO-8601 instant like 2026-12-31T00:00:00Z or a duration "
                    + "from now like 7d");
        }
        Instant at;
        try {
            at = Instant.parse(text.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                at = now.plus(Durations.parse(text, "expires"));
            } catch (IllegalArgumentException notDuration) {
                throw bad("\"expires\": '" + text + "' is neither an ISO-8601 instant (2026-12-31T00:00:00Z) "
                        + "nor a duration (7d, 12h, 30m)");
            } catch (ArithmeticException | java.time.DateTimeException tooFar) {
                throw bad("\"expires\": '" + text + "' is too far in the future");
            }
        }
        if (!at.isAfter(now)) {
            throw bad("\"expires\": " + at + " is not in the future (now is " + now + ")");
        }
        if (at.isAfter(LATEST)) {
            throw bad("\"expires\": " + at + " is after " + LATEST + ", the latest instant the store keeps");
        }
        return at;
    }

    private static void require(String value, String field, String example) {
        if (value == null || value.isBlank()) {
            throw bad("a waiver needs \"" + field + "\": " + example);
        }
    }

    private static ReconcileException bad(String detail) {
        return new ReconcileException(ReconcileException.Kind.BAD_REQUEST, "bad waiver", detail);
    }

    /**
     * Forgets waivers that expired or were removed longer than {@code retention} ago (the store's
     * retention): they no longer affect anything and their story is in the audit log.
     */
    public int applyRetention(Duration retention, Instant now) {
        if (store == null) {
            return 0;
        }
        int n = store.deleteOlderThan(now.minus(retention));
        if (n > 0) {
            refresh();
        }
        return n;
    }

    // ---- background

    /** Re-reads the store's waivers; keeps the last copy (and says so once) while the store is away. */
    void refresh() {
        if (store == null) {
            return;
        }
        try {
            stored = List.copyOf(store.current());
            storedAt = clock.instant();
            if (storeWarned) {
                LOG.info("waivers are read from the store again");
                storeWarned = false;
            }
        } catch (RuntimeException e) {
            if (!storeWarned) {
                LOG.warn("cannot read waivers from the store, the last ones read stay in force: {}",
                        SqlErrors.oneLine(e));
                storeWarned = true;
            }
        }
    }

    /** Keeps the copy fresh and writes each expiry to the audit log once (whichever node claims it). */
    void tick() {
        try {
            if (Duration.between(storedAt, clock.instant()).compareTo(REFRESH) >= 0) {
                refresh();
            }
            if (store == null) {
                return;
            }
            Instant now = now();
            for (Waiver w : stored) {
                if (!w.activeAt(now) && store.markExpired(w.id(), now)) {
                    expired(w);
                }
            }
            for (List<Waiver> ws : configured.values()) {
                for (Waiver w : ws) {
                    if (!w.activeAt(now) && !now.isAfter(w.expires().plus(Duration.ofDays(7)))
                            && store.markConfigExpired(w, now)) {
                        expired(w);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("waiver expiry check failed (next second again): {}", SqlErrors.oneLine(e));
        }
    }

    private void expired(Waiver w) {
        audit("waiver-expire", w, null);
        LOG.info("fleet {}: waiver {} of {} expired at {}: its changes are drift again", w.fleet(), w.id(),
                w.member(), w.expires());
    }

    private void audit(String action, Waiver w, String token) {
        if (audit == null) {
            return;
        }
        audit.record(AuditLog.entry(w.fleet(), w.member(), action, token).result("waiver " + w.id() + " ("
                + w.source() + ") by " + w.owner() + " until " + w.expires() + ": " + w.changes().stream()
                .map(WaivedChange::display).collect(Collectors.joining(", ")) + "; reason: " + w.reason()));
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
