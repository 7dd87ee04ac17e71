package dev.driftd.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the servers said about pairs of objects that differ only in text each server printed for
 * itself, when golden and a target run different major versions (a cross-version fleet): the same
 * object, not decidable ({@link Verdict#VERSION_DEPENDENT}), or different. A verdict belongs to the
 * pair (golden's object, the target's object, both majors), not to a snapshot, so it still holds
 * when the rest of the target changes (a reconcile plan applied and verified, the next sweep).
 * {@link #settle} turns a plain diff into the cross-version one from what is known; a pair never
 * judged stays as the plain diff has it. Process-wide, bounded, least recently used first out.
 */
public final class CrossVersionVerdicts {
    public enum Verdict {
        /** A server read the other side's text and printed exactly this side's: the same object. */
        SAME,
        /** Neither server could settle it (one of them unreachable, or refusing the other's text). */
        VERSION_DEPENDENT,
        /** Both servers read the other side's text and still print different objects: drift. */
        DIFFERENT
    }

    /** A verdict and whether both servers were consulted (one that was not may be judged again). */
    public record Judged(Verdict verdict, boolean complete) {
    }

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)");
    private static final int CAPACITY = 50_000;
    private static final Map<String, Judged> KNOWN = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Judged> eldest) {
            return size() > CAPACITY;
        }
    };

    private CrossVersionVerdicts() {
    }

    /** The major version of a server version string ({@code 16.10} -> {@code 16}); null when unknown. */
    public static String major(String serverVersion) {
        if (serverVersion == null) {
            return null;
        }
        Matcher m = MAJOR.matcher(serverVersion.strip());
        return m.find() ? m.group(1) : null;
    }

    /** True when both snapshots know their server and the majors differ. */
    public static boolean acrossVersions(Snapshot golden, Snapshot target) {
        String g = major(golden.getServerVersion());
        String t = major(target.getServerVersion());
        return g != null && t != null && !g.equals(t);
    }

    /** The changes of a diff a server may settle: both sides present, on servers of different majors. */
    public static List<Change> candidates(Diff diff, Snapshot golden, Snapshot target) {
        List<Change> out = new ArrayList<>();
        if (!acrossVersions(golden, target)) {
            return out;
        }
        for (Change c : diff.changes()) {
            if (c.type() == ChangeType.CHANGED && c.drift() && c.before() != null && c.after() != null) {
                out.add(c);
            }
        }
        return out;
    }

    public static Judged known(Snapshot golden, Snapshot target, Change change) {
        String key = key(golden, target, change);
        synchronized (KNOWN) {
            return KNOWN.get(key);
        }
    }

    public static void remember(Snapshot golden, Snapshot target, Change change, Judged judged) {
        String key = key(golden, target, change);
        synchronized (KNOWN) {
            KNOWN.put(key, judged);
        }
    }

    /**
     * The diff with what is known of its cross-version pairs: a SAME pair dropped, a
     * VERSION_DEPENDENT one shown as such (not drift); the diff itself when golden and the target
     * run the same major.
     */
    public static Diff settle(Diff diff, Snapshot golden, Snapshot target) {
        if (!acrossVersions(golden, target)) {
            return diff;
        }
        List<Change> out = new ArrayList<>(diff.changes().size());
        boolean changed = false;
        for (Change c : diff.changes()) {
            Judged j = c.type() == ChangeType.CHANGED && c.drift() && c.before() != null && c.after() != null
                    ? known(golden, target, c) : null;
            if (j == null || j.verdict() == Verdict.DIFFERENT) {
                out.add(c);
            } else {
                changed = true;
                if (j.verdict() == Verdict.VERSION_DEPENDENT) {
                    out.add(c.asVersionDependent());
                }
            }
        }
        return changed ? new Diff(diff.goldenFingerprint(), diff.targetFingerprint(), out, diff.notInspected()) : diff;
    }

    private static String key(Snapshot golden, Snapshot target, Change change) {
        return major(golden.getServerVersion()) + '\u0000' + major(target.getServerVersion()) + '\u0000'
                + change.key().display() + '\u0000' + canonical(change.after()) + '\u0000' + canonical(change.before());
    }

    /** Canonical JSON without a column's position: column order is compared apart. */
    private static String canonical(SchemaObject o) {
        ObjectNode tree = Canonical.tree(o);
        tree.remove("position");
        return tree.toString();
    }

    /** Forgets every verdict (tests that compare the same pair with and without golden's server). */
    public static void forgetAll() {
        synchronized (KNOWN) {
            KNOWN.clear();
        }
    }
}
