package dev.driftd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a target snapshot with golden, object by object, knowing no dialect. Objects are
 * matched by scope-relative key and compared by canonical form; the parts of a table that is
 * missing or extra as a whole are not listed again.
 */
public final class Differ {
    private static final Set<ObjectKind> HOLDS_DATA =
            EnumSet.of(ObjectKind.TABLE, ObjectKind.COLUMN, ObjectKind.MATERIALIZED_VIEW);
    private static final Set<ObjectKind> RELATIONS =
            EnumSet.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW);

    private Differ() {
    }

    public static Diff compare(Snapshot golden, Snapshot target) {
        Set<String> wholeRelations = wholeRelationChanges(golden, target);
        Flavor flavor = golden.getFlavor() != null ? golden.getFlavor() : target.getFlavor();

        // Both sides are sorted by key: one merge pass, no union set and no lookups.
        List<Change> changes = new ArrayList<>();
        Map<String, Map.Entry<Integer, Table>> orderChangeSlots = new HashMap<>();
        Map<String, List<int[]>> commonColumnPositions = new HashMap<>();
        Iterator<Map.Entry<ObjectKey, SchemaObject>> gi = golden.byKey().entrySet().iterator();
        Iterator<Map.Entry<ObjectKey, SchemaObject>> ti = target.byKey().entrySet().iterator();
        Map.Entry<ObjectKey, SchemaObject> ge = next(gi);
        Map.Entry<ObjectKey, SchemaObject> te = next(ti);
        while (ge != null || te != null) {
            int order = ge == null ? 1 : te == null ? -1 : ge.getKey().compareTo(te.getKey());
            ObjectKey key = order <= 0 ? ge.getKey() : te.getKey();
            SchemaObject g = order <= 0 ? ge.getValue() : null;
            SchemaObject t = order >= 0 ? te.getValue() : null;
            if (order <= 0) {
                ge = next(gi);
            }
            if (order >= 0) {
                te = next(ti);
            }
            if (key.kind().isTablePart() && wholeRelations.contains(relation(key.schema(), key.table()))) {
                continue;
            }
            if (t == null) {
                changes.add(new Change(key, ChangeType.MISSING, Severity.BREAKING, true, List.of(), null, g));
            } else if (g == null) {
                Severity s = HOLDS_DATA.contains(key.kind()) ? Severity.DESTRUCTIVE : Severity.ADDITIVE;
                changes.add(new Change(key, ChangeType.EXTRA, s, true, List.of(), t, null));
            } else {
                List<FieldChange> fields = sameIgnoringPosition(t, g) ? List.of()
                        : fieldChanges(Canonical.tree(t), Canonical.tree(g));
                if (!fields.isEmpty()) {
                    boolean commentOnly = fields.stream().allMatch(ModelField::isComment);
                    changes.add(new Change(key, ChangeType.CHANGED,
                            commentOnly ? Severity.COSMETIC : Severity.BREAKING, true, fields, t, g));
                }
                if (g instanceof Table table) {
                    orderChangeSlots.put(relation(key.schema(), key.name()), Map.entry(changes.size(), table));
                } else if (g instanceof Column gc && t instanceof Column tc) {
                    commonColumnPositions.computeIfAbsent(relation(key.schema(), key.table()), k -> new ArrayList<>())
                            .add(new int[] {gc.position(), tc.position()});
                }
            }
        }
        insertColumnOrderChanges(changes, orderChangeSlots, commonColumnPositions, golden, target, flavor);
        Set<ObjectKind> notInspected = EnumSet.noneOf(ObjectKind.class);
        notInspected.addAll(golden.getNotInspected());
        notInspected.addAll(target.getNotInspected());
        return new Diff(golden.fingerprint(), target.fingerprint(), changes, notInspected);
    }

    private static <E> E next(Iterator<E> it) {
        return it.hasNext() ? it.next() : null;
    }

    /**
     * A table's column-order change goes right after the table's own change. Most tables keep
     * their order, which the positions of the columns both sides have show without building lists.
     */
    private static void insertColumnOrderChanges(List<Change> changes, Map<String, Map.Entry<Integer, Table>> slots,
                                                 Map<String, List<int[]>> commonPositions, Snapshot golden,
                                                 Snapshot target, Flavor flavor) {
        List<Map.Entry<Integer, Change>> inserts = new ArrayList<>();
        slots.forEach((relation, slot) -> {
            List<int[]> positions = commonPositions.get(relation);
            if (positions == null || sameRelativeOrder(positions)) {
                return;
            }
            columnOrderChange(golden, target, slot.getValue(), flavor)
                    .ifPresent(c -> inserts.add(Map.entry(slot.getKey(), c)));
        });
        // from the last slot backwards, so earlier slots keep their index
        inserts.sort(Map.Entry.<Integer, Change>comparingByKey().reversed());
        for (Map.Entry<Integer, Change> insert : inserts) {
            changes.add(insert.getKey(), insert.getValue());
        }
    }

    /** Sorted by golden position, the target positions of the common columns still increase. */
    private static boolean sameRelativeOrder(List<int[]> positions) {
        positions.sort(Comparator.comparingInt(p -> p[0]));
        for (int i = 1; i < positions.size(); i++) {
            if (positions.get(i)[1] < positions.get(i - 1)[1]) {
                return false;
            }
        }
        return true;
    }

    /** Relations present on one side only: their parts come with them. */
    private static Set<String> wholeRelationChanges(Snapshot golden, Snapshot target) {
        Set<String> g = relations(golden);
        Set<String> t = relations(target);
        Set<String> out = new HashSet<>(g);
        out.addAll(t);
        Set<String> both = new HashSet<>(g);
        both.retainAll(t);
        out.removeAll(both);
        return out;
    }

    private static Set<String> relations(Snapshot s) {
        Set<String> out = new HashSet<>();
        for (ObjectKey k : s.byKey().keySet()) {
            if (RELATIONS.contains(k.kind())) {
                out.add(relation(k.schema(), k.name()));
            }
        }
        return out;
    }

    private static String relation(String schema, String name) {
        return schema + '\u0000' + name;
    }

    /**
     * Order of the columns both sides have. A missing or extra column is its own change and does
     * not count as reordering the rest.
     */
    private static java.util.Optional<Change> columnOrderChange(Snapshot golden, Snapshot target, Table table,
                                                                Flavor flavor) {
        List<String> g = names(golden.columnsOf(table.schema(), table.name()));
        List<String> t = names(target.columnsOf(table.schema(), table.name()));
        List<String> common = new ArrayList<>(g);
        common.retainAll(t);
        List<String> tCommon = new ArrayList<>(t);
        tCommon.retainAll(g);
        if (common.equals(tCommon)) {
            return java.util.Optional.empty();
        }
        FieldChange field = new FieldChange(ModelField.COLUMN_ORDER.name(),
                Canonical.MAPPER.valueToTree(t), Canonical.MAPPER.valueToTree(g));
        boolean drift = flavor != null && flavor.columnOrderIsSchema();
        return java.util.Optional.of(new Change(table.key(), ChangeType.CHANGED, Severity.COSMETIC, drift,
                List.of(field), target.get(table.key()), table));
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    /** Records compare structurally; canonical trees are built only for objects that differ. */
    private static boolean sameIgnoringPosition(SchemaObject t, SchemaObject g) {
        if (t instanceof Column tc && g instanceof Column gc) {
            return tc.equalsIgnoringPosition(gc);
        }
        return t.equals(g);
    }

    static List<FieldChange> fieldChanges(ObjectNode target, ObjectNode golden) {
        Set<String> fields = new TreeSet<>();
        target.fieldNames().forEachRemaining(fields::add);
        golden.fieldNames().forEachRemaining(fields::add);
        List<FieldChange> out = new ArrayList<>();
        for (String f : fields) {
            JsonNode t = target.get(f);
            JsonNode g = golden.get(f);
            if (t == null ? g != null : !t.equals(g)) {
                out.add(new FieldChange(f, t, g));
            }
        }
        return out;
    }

    /** Keys of a diff's changes, for tests and logs. */
    public static List<String> describe(Diff diff) {
        List<String> out = new ArrayList<>();
        for (Iterator<Change> it = diff.changes().iterator(); it.hasNext(); ) {
            out.add(it.next().describe());
        }
        return out;
    }
}
