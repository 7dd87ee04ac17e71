package dev.driftd.policy;

import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ignore rules of one fleet (the global ones first) or of one CLI run. {@link #apply} filters a
 * snapshot before anything fingerprints or compares it: ignored objects (and their parts and
 * privileges) are left out, ignored fields emptied. Both sides of a comparison go through the same
 * policy, so what is ignored can neither drift nor be planned.
 *
 * <p>It also remembers which rules ever matched, so a rule that matches nothing in a whole sweep
 * (a typo, a renamed table) is reported once, by where it was written.
 */
public final class IgnorePolicy {
    public static final IgnorePolicy NONE = new IgnorePolicy(List.of());

    /** A rule with the group it warns as: itself, or its preset (a preset warns only when none of its rules matched). */
    private record Entry(IgnoreRule rule, String group) {
    }

    private final List<Entry> entries;
    private final Set<String> matchedGroups = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warned = new AtomicBoolean();
    /**
     * Filtered snapshots by the read they came from (by identity, weakly): a member whose catalogs
     * did not change is handed the same snapshot sweep after sweep, and filtering it again would
     * also fingerprint it again.
     */
    private final Map<Snapshot, Snapshot> filtered = Collections.synchronizedMap(new WeakHashMap<>());

    private IgnorePolicy(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Builds a policy from rule texts ({@code KIND:PATTERN} or {@code preset:NAME}), each with where it was written. */
    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<IgnoreRule> rules() {
        return entries.stream().map(Entry::rule).toList();
    }

    /** This policy's rules followed by {@code other}'s (the global default, then a fleet's own). */
    public IgnorePolicy plus(IgnorePolicy other) {
        if (other.isEmpty()) {
            return this;
        }
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new IgnorePolicy(all);
    }

    /** {@code s} without what this policy ignores; {@code s} itself when nothing is ignored in it. */
    public Snapshot apply(Snapshot s) {
        if (s == null || entries.isEmpty()) {
            return s;
        }
        Snapshot known = filtered.get(s);
        if (known != null) {
            return known;
        }
        Snapshot f = filter(s);
        if (f != s) { // a value that is its own key would never be collected
            filtered.put(s, f);
        }
        return f;
    }

    private Snapshot filter(Snapshot s) {
        List<SchemaObject> kept = new ArrayList<>();
        boolean changed = false;
        for (SchemaObject o : s.objects()) {
            if (removed(o)) {
                changed = true;
                continue;
            }
            SchemaObject stripped = o;
            for (Entry e : entries) {
                if (e.rule().isFieldRule() && e.rule().touches(stripped)) {
                    SchemaObject next = ModelFields.strip(stripped, e.rule().field());
                    if (next != stripped) {
                        matchedGroups.add(e.group());
                        stripped = next;
                    }
                }
            }
            changed |= stripped != o;
            kept.add(stripped);
        }
        if (!changed) {
            return s;
        }
        return new Snapshot(s.getFlavor(), s.getServerVersion(), s.getScope(), kept, s.getNotInspected(),
                s.getDependencies());
    }

    private boolean removed(SchemaObject o) {
        for (Entry e : entries) {
            if (!e.rule().isFieldRule() && e.rule().removes(o)) {
                matchedGroups.add(e.group());
                return true;
            }
        }
        return false;
    }

    /**
     * The rules (or presets) that matched nothing in any snapshot this policy filtered, one line
     * each naming where it was written; returned once per policy (that is, once per load), empty after.
     */
    public List<String> unmatchedOnce() {
        if (entries.isEmpty() || !warned.compareAndSet(false, true)) {
            return List.of();
        }
        Map<String, String> unmatched = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!matchedGroups.contains(e.group())) {
                unmatched.putIfAbsent(e.group(), e.group().equals(e.rule().describe()) ? e.rule().describe() : e.group());
            }
        }
        return unmatched.values().stream().map(d -> "ignore rule " + d + " matched nothing").toList();
    }

    /** Collects rules in order; every problem is an IllegalArgumentException the caller prefixes with file:line. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        /** {@code KIND:PATTERN} or {@code preset:NAME}. */
        public Builder add(String text, String origin) {
            if (text == null) {
                throw new IllegalArgumentException("empty rule (expected KIND:PATTERN or preset:NAME)");
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("rule '" + text + "' is not KIND:PATTERN or preset:NAME");
            }
            String kind = text.substring(0, colon).trim();
            String rest = text.substring(colon + 1).trim();
            if (kind.equalsIgnoreCase("preset")) {
                String group = "preset:" + rest + " (" + origin + ")";
                for (String r : Presets.rules(rest)) {
                    int c = r.indexOf(':');
                    entries.add(new Entry(new IgnoreRule(IgnoreKind.parse(r.substring(0, c)),
                            Glob.compile(r.substring(c + 1)), null, null, "preset:" + rest + " at " + origin), group));
                }
                return this;
            }
            return add(kind, rest, null, null, origin);
        }

        /** The object form: {@code {kind, pattern, field?, grantee?}}. */
        public Builder add(String kind, String pattern, String field, String grantee, String origin) {
            IgnoreRule rule = new IgnoreRule(IgnoreKind.parse(kind), Glob.compile(pattern),
                    field == null || field.isBlank() ? null : field.trim(),
                    grantee == null || grantee.isBlank() ? null : Glob.compile(grantee), origin);
            entries.add(new Entry(rule, rule.describe()));
            return this;
        }

        public IgnorePolicy build() {
            return entries.isEmpty() ? NONE : new IgnorePolicy(entries);
        }
    }
}
