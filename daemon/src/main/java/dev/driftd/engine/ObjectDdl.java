package dev.driftd.engine;

import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Severity;
import dev.driftd.dialect.PlanOptions;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's drift object by object, as DDL on both sides: for each differing object (a table
 * together with its columns, constraints and indexes; any other object alone), the statements
 * that create golden's version and those that create the member's, plus the statements that turn
 * the member's into golden's.
 *
 * <p>No dialect renders a single object's definition on its own, but each one plans the creation
 * of what a target lacks. So an object's DDL is the plan from a copy of its snapshot without that
 * object (and its parts) to the snapshot: exactly what the planner would run to create it there.
 */
public final class ObjectDdl {
    /**
     * One object's two definitions. {@code golden} or {@code member} is empty when that side has
     * no such object; {@code fix} is the part of the member's plan that touches this object.
     */
    public record Entry(ObjectKey object, Severity severity, List<Change> changes, List<String> golden,
                        List<String> member, List<PlanStatement> fix) {
        public Entry {
            changes = List.copyOf(changes);
            golden = List.copyOf(golden);
            member = List.copyOf(member);
            fix = List.copyOf(fix);
        }
    }

    private final Engine engine;

    public ObjectDdl(Engine engine) {
        this.engine = engine;
    }

    /** Every object that differs between golden and the member, in the diff's order. */
    public List<Entry> of(Snapshot golden, Snapshot member) {
        Diff diff = engine.diff(golden, member);
        Map<ObjectKey, List<Change>> byObject = new LinkedHashMap<>();
        for (Change c : diff.changes()) {
            byObject.computeIfAbsent(group(c.key(), golden, member), k -> new ArrayList<>()).add(c);
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<ObjectKey, List<Change>> e : byObject.entrySet()) {
            List<Change> changes = e.getValue();
            Severity worst = changes.stream().map(Change::severity).min(Enum::compareTo).orElse(Severity.COSMETIC);
            Diff only = new Diff(diff.goldenFingerprint(), diff.targetFingerprint(), changes, diff.notInspected());
            Plan fix = engine.plan(only, golden, member, PlanOptions.DEFAULT);
            out.add(new Entry(e.getKey(), worst, changes, definition(golden, e.getKey()),
                    definition(member, e.getKey()), fix.statements()));
        }
        return out;
    }

    /** A table part is shown with its table (the whole CREATE TABLE reads better than one column). */
    private static ObjectKey group(ObjectKey key, Snapshot golden, Snapshot member) {
        if (key.table().isEmpty()) {
            return key;
        }
        ObjectKey table = key.owner();
        if (golden.contains(table) || member.contains(table)) {
            return table;
        }
        return key; // a part of a view or foreign table: shown alone
    }

    /** The statements that create {@code key} (with its parts) in {@code snapshot}; empty when it has none. */
    private List<String> definition(Snapshot snapshot, ObjectKey key) {
        List<SchemaObject> rest = new ArrayList<>();
        boolean found = false;
        for (SchemaObject o : snapshot.objects()) {
            if (belongsTo(o.key(), key)) {
                found = true;
            } else {
                rest.add(o);
            }
        }
        if (!found) {
            return List.of();
        }
        Snapshot without = new Snapshot(snapshot.getFlavor(), snapshot.getServerVersion(), snapshot.getScope(), rest,
                snapshot.getNotInspected(), snapshot.getDependencies());
        Plan create = engine.plan(engine.diff(snapshot, without), snapshot, without, PlanOptions.DEFAULT);
        return create.statements().stream().map(PlanStatement::sql).toList();
    }

    private static boolean belongsTo(ObjectKey candidate, ObjectKey key) {
        if (candidate.equals(key)) {
            return true;
        }
        return key.kind() == ObjectKind.TABLE && !candidate.table().isEmpty()
                && candidate.schema().equals(key.schema()) && candidate.table().equals(key.name());
    }
}
