package dev.driftd.dialect.postgres;

import dev.driftd.diff.Change;
import dev.driftd.diff.CrossVersionVerdicts.Judged;
import dev.driftd.diff.CrossVersionVerdicts.Verdict;
import dev.driftd.schema.Column;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges objects of golden and a target on PostgreSQL servers of different majors that differ only
 * in deparsed text (a view query, a check, a default or generated expression, an index expression
 * or predicate, a domain's default or checks, a policy, a trigger's WHEN).
 *
 * <p>Why: each server prints its own normal form ({@link PgDeparseFixpoint}), and the normal forms
 * of two majors differ for the same object: 16 prints an {@code IN} list on a varchar column as an
 * array of {@code ::text} casts, 17 as one array cast to {@code text[]}. Comparing those texts as
 * strings invents drift in every fleet in the middle of an upgrade.
 *
 * <p>The rule (sound in one direction only: it never calls different objects the same): the two
 * objects are the same when one server, given the other side's text, prints exactly its own side's
 * object — the target's server reads golden's texts, or golden's server reads the target's. The
 * server's parser is the only judge; nothing is rewritten by hand. When both servers read the other
 * side's text and both still print something else, the objects differ: drift. When golden's server
 * is not at hand, or a server refuses the other side's text (syntax it does not know), it cannot be
 * decided: {@link Verdict#VERSION_DEPENDENT}, shown in the diff and not counted as drift. Objects
 * that differ in anything besides deparsed text differ, without a round trip.
 */
final class PgCrossVersion {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PgCrossVersion.class);
    private PgCrossVersion() {
    }

    /**
     * @param goldenServer a connection to a server of golden's major holding golden's objects
     *                     (golden's own database, or a member in sync with it); null when none
     */
    static Map<ObjectKey, Judged> judge(List<Change> changes, Snapshot golden, Connection goldenServer,
                                        String goldenSchema, Snapshot target, Connection targetServer,
                                        String targetSchema) throws SQLException {
        Map<ObjectKey, Judged> out = new LinkedHashMap<>();
        Map<ObjectKey, Change> textOnly = new LinkedHashMap<>();
        for (Change c : changes) {
            SchemaObject retexted = PgDeparseFixpoint.withTextsOf(c.after(), c.before());
            if (retexted != null && same(retexted, c.before())) {
                textOnly.put(c.key(), c);
            } else {
                out.put(c.key(), new Judged(Verdict.DIFFERENT, true));
            }
        }
        if (textOnly.isEmpty()) {
            return out;
        }
        // the target's server reads golden's texts (in golden's tables: golden's column types)
        PgDeparseFixpoint onTarget = new PgDeparseFixpoint(targetServer, targetSchema, true);
        Snapshot goldenOnTarget = onTarget.apply(subset(golden, textOnly, true));
        Set<ObjectKey> refusedByTarget = onTarget.refused();
        Map<ObjectKey, Change> open = new LinkedHashMap<>();
        textOnly.forEach((key, c) -> {
            if (same(goldenOnTarget.get(key), c.before())) {
                out.put(key, new Judged(Verdict.SAME, true));
            } else {
                open.put(key, c);
            }
        });
        if (open.isEmpty()) {
            return out;
        }
        Set<ObjectKey> refusedByGolden = Set.of();
        Snapshot targetOnGolden = null;
        if (goldenServer != null) {
            try {
                PgDeparseFixpoint onGolden = new PgDeparseFixpoint(goldenServer, goldenSchema, true);
                targetOnGolden = onGolden.apply(subset(target, open, false));
                refusedByGolden = onGolden.refused();
            } catch (SQLException e) {
                // golden's server is a help, not a need: what it would have settled stays undecided
                LOG.warn("golden's server could not read the member's texts: {}",
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                targetOnGolden = null;
            }
        }
        for (Map.Entry<ObjectKey, Change> e : open.entrySet()) {
            ObjectKey key = e.getKey();
            if (targetOnGolden != null && same(targetOnGolden.get(key), e.getValue().after())) {
                out.put(key, new Judged(Verdict.SAME, true));
            } else if (targetOnGolden != null && !refusedByTarget.contains(key) && !refusedByGolden.contains(key)) {
                out.put(key, new Judged(Verdict.DIFFERENT, true));
            } else {
                out.put(key, new Judged(Verdict.VERSION_DEPENDENT, targetOnGolden != null));
            }
        }
        return out;
    }

    /**
     * The changed objects of one side (golden's: {@code after}; the target's: {@code before}) with the
     * columns of their tables on that side, which give the temporary tables their types.
     */
    private static Snapshot subset(Snapshot side, Map<ObjectKey, Change> changes, boolean golden) {
        Map<ObjectKey, SchemaObject> objects = new HashMap<>();
        for (ObjectKey key : changes.keySet()) {
            if (key.kind().isTablePart()) {
                for (Column c : side.columnsOf(key.schema(), key.table())) {
                    objects.put(c.key(), c);
                }
            }
        }
        changes.forEach((key, c) -> objects.put(key, golden ? c.after() : c.before()));
        return new Snapshot(side.getFlavor(), side.getServerVersion(), side.getScope(),
                List.copyOf(objects.values()), Set.of());
    }

    private static boolean same(SchemaObject a, SchemaObject b) {
        if (a instanceof Column ac && b instanceof Column bc) {
            return ac.equalsIgnoringPosition(bc);
        }
        return a != null && a.equals(b);
    }
}
