package dev.driftd.dialect.postgres;

import dev.driftd.diff.Change;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.ModelField;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Policy;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Rule;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.UniqueConstraint;
import dev.driftd.schema.View;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a PostgreSQL plan drops and re-creates, decided once, before any statement is written: the
 * changed objects that cannot be altered in place (tables whose kind or partition key differs, columns
 * re-added for a generated expression, enums whose labels cannot grow in place) and, closed over them,
 * every target object that blocks them (views reading a column whose type changes, foreign keys over
 * it, triggers, rules and policies naming it, routines the server records as needing a dropped
 * relation, ...). Read-only once built: the statement pass of {@link PostgresPlanner} asks it, never
 * changes it.
 */
final class PgRebuildSet {
    private final Snapshot golden;
    private final Snapshot target;
    private final Map<ObjectKey, Change> changes;
    private final int serverMajor;
    private final List<String> warnings = new ArrayList<>();

    /** Enums re-created by renaming the old type away: those asked for, and those that cannot grow in place. */
    private final Set<ObjectKey> recreateEnums;
    /** Target objects of rebuildable kinds to drop explicitly. */
    private final Set<ObjectKey> drop = new TreeSet<>();
    /** Golden objects of rebuildable kinds to create. */
    private final Set<ObjectKey> create = new TreeSet<>();
    /** Why an object is dropped and re-created though it did not change itself. */
    private final Map<ObjectKey, String> rebuildReason = new TreeMap<>();
    /** Views re-defined in place (CREATE OR REPLACE). */
    private final Set<ObjectKey> replaceViews = new TreeSet<>();
    /** Constraints NOT VALID in the target and validated in golden: VALIDATE CONSTRAINT in place. */
    private final Set<ObjectKey> validate = new TreeSet<>();
    /** Target columns whose type changes or that go away: what reads them must be rebuilt. */
    private final Set<ObjectKey> blockedColumns = new TreeSet<>();
    /** Columns dropped and added back (generated expression changes). */
    private final Set<ObjectKey> readdColumns = new TreeSet<>();
    /** Tables and views that are dropped (extra or re-created). */
    private final Set<ObjectKey> droppedRelations = new TreeSet<>();
    /** Tables dropped and created again from golden. */
    private final Set<ObjectKey> recreateTables = new TreeSet<>();
    /** Tables created from golden (missing or re-created). */
    private final Set<ObjectKey> createTables = new TreeSet<>();
    /** Routines dropped (extra, or re-created because their signature or result changes). */
    private final Set<ObjectKey> droppedRoutines = new TreeSet<>();
    /** Tables whose primary key / unique constraint / unique index is dropped. */
    private final Set<ObjectKey> droppedUniqueOn = new TreeSet<>();
    /** Enums that get new labels in place: label -> type, to find uses later. */
    private final Map<ObjectKey, List<String>> addedLabels = new TreeMap<>();
    /** Target columns converted to a re-created enum through text. */
    private final Set<ObjectKey> enumColumns = new TreeSet<>();
    /** Columns whose default is dropped early because a routine it calls is re-created. */
    private final Set<ObjectKey> resetDefaults = new TreeSet<>();
    /** Unchanged routines dropped and re-created because the server records that they need a dropped object. */
    private final Map<ObjectKey, String> rebuiltRoutines = new TreeMap<>();

    private PgRebuildSet(Snapshot golden, Snapshot target, Map<ObjectKey, Change> changes, int serverMajor,
                         Set<ObjectKey> recreateEnums) {
        this.golden = golden;
        this.target = target;
        this.changes = changes;
        this.serverMajor = serverMajor;
        this.recreateEnums = new TreeSet<>(recreateEnums);
    }

    /**
     * Decides the rebuild set of {@code changes} (the drifting changes by key) on a server of major version
     * {@code serverMajor}; {@code recreateEnums} are enums to re-create even where labels could be added in place.
     */
    static PgRebuildSet decide(Snapshot golden, Snapshot target, Map<ObjectKey, Change> changes, int serverMajor,
                               Set<ObjectKey> recreateEnums) {
        PgRebuildSet set = new PgRebuildSet(golden, target, changes, serverMajor, recreateEnums);
        set.classify();
        set.enumRecreations();
        set.closeOverDependents();
        set.expandCreates();
        return set;
    }

    /** Objects no statement can reconcile, found while deciding (an event on PostgreSQL, a domain over a re-created enum). */
    List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    Set<ObjectKey> recreateEnums() {
        return Collections.unmodifiableSet(recreateEnums);
    }

    Set<ObjectKey> drop() {
        return Collections.unmodifiableSet(drop);
    }

    Set<ObjectKey> create() {
        return Collections.unmodifiableSet(create);
    }

    Map<ObjectKey, String> rebuildReason() {
        return Collections.unmodifiableMap(rebuildReason);
    }

    Set<ObjectKey> replaceViews() {
        return Collections.unmodifiableSet(replaceViews);
    }

    Set<ObjectKey> validate() {
        return Collections.unmodifiableSet(validate);
    }

    Set<ObjectKey> blockedColumns() {
        return Collections.unmodifiableSet(blockedColumns);
    }

    Set<ObjectKey> readdColumns() {
        return Collections.unmodifiableSet(readdColumns);
    }

    Set<ObjectKey> droppedRelations() {
        return Collections.unmodifiableSet(droppedRelations);
    }

    Set<ObjectKey> recreateTables() {
        return Collections.unmodifiableSet(recreateTables);
    }

    Set<ObjectKey> createTables() {
        return Collections.unmodifiableSet(createTables);
    }

    Set<ObjectKey> droppedRoutines() {
        return Collections.unmodifiableSet(droppedRoutines);
    }

    Map<ObjectKey, List<String>> addedLabels() {
        return Collections.unmodifiableMap(addedLabels);
    }

    Set<ObjectKey> enumColumns() {
        return Collections.unmodifiableSet(enumColumns);
    }

    Set<ObjectKey> resetDefaults() {
        return Collections.unmodifiableSet(resetDefaults);
    }

    Map<ObjectKey, String> rebuiltRoutines() {
        return Collections.unmodifiableMap(rebuiltRoutines);
    }


    private void classify() {
        for (Change c : changes.values()) {
            ObjectKey key = c.key();
            switch (key.kind()) {
                case TABLE -> classifyTable(c);
                case COLUMN -> classifyColumn(c);
                case PRIMARY_KEY, UNIQUE_CONSTRAINT, INDEX -> {
                    classifyRebuildable(c);
                    // only a key that is dropped takes the foreign keys on it along (a comment is set in place)
                    if (drop.contains(key) && uniqueness(c.before())) {
                        droppedUniqueOn.add(key.owner());
                    }
                }
                case CHECK_CONSTRAINT, EXCLUSION_CONSTRAINT, FOREIGN_KEY, TRIGGER, POLICY -> classifyRebuildable(c);
                case VIEW, MATERIALIZED_VIEW -> classifyView(c);
                case FUNCTION, PROCEDURE -> classifyRoutine(c);
                case EVENT -> warnings.add("cannot reconcile " + key.display() + ": PostgreSQL has no events");
                default -> {
                    // schemas, extensions, types and sequences are altered in place at emission
                }
            }
        }
    }

    private boolean uniqueness(SchemaObject o) {
        return o instanceof PrimaryKey || o instanceof UniqueConstraint || (o instanceof Index ix && ix.unique());
    }

    private void classifyTable(Change c) {
        ObjectKey key = c.key();
        switch (c.type()) {
            case MISSING -> createTables.add(key);
            case EXTRA -> droppedRelations.add(key);
            case CHANGED -> {
                if (c.changes(ModelField.TABLE_KIND) || c.changes(ModelField.TABLE_PARTITION_KEY)) {
                    recreateTables.add(key);
                    recreateTable(key);
                }
            }
        }
    }

    /** A table that cannot be altered into golden's shape: dropped and created again with its partitions. */
    private void recreateTable(ObjectKey key) {
        recreateTables.add(key);
        createTables.add(key);
        droppedRelations.add(key);
        for (Table t : golden.all(Table.class)) {
            if (t.partitionOf() != null && t.partitionOf().key().equals(key) && target.contains(t.key())
                    && !recreateTables.contains(t.key())) {
                recreateTable(t.key());
            }
        }
    }

    private void classifyColumn(Change c) {
        ObjectKey key = c.key();
        if (c.type() == ChangeType.EXTRA) {
            blockedColumns.add(key);
        } else if (c.type() == ChangeType.CHANGED) {
            Column t = (Column) c.before();
            Column g = (Column) c.after();
            if (needsReadd(t, g)) {
                readdColumns.add(key);
                blockedColumns.add(key);
            } else if (c.changes(ModelField.COLUMN_TYPE) || c.changes(ModelField.COLUMN_COLLATION)) {
                if (!inheritedColumn(t)) {
                    blockedColumns.add(key);
                }
            }
        }
    }

    /** A stored generated column whose expression changes, or a plain column that becomes generated. */
    private boolean needsReadd(Column t, Column g) {
        if (t.generated() != null && g.generated() != null && !Objects.equals(t.generatedKind(), g.generatedKind())) {
            return true; // STORED and VIRTUAL (PostgreSQL 18): no statement turns one into the other
        }
        if (Objects.equals(t.generated(), g.generated())) {
            return false;
        }
        if (g.generated() == null && "VIRTUAL".equals(t.generatedKind())) {
            return true; // DROP EXPRESSION is refused for a virtual column: it has no values to keep
        }
        if (g.generated() == null) {
            return false; // DROP EXPRESSION keeps the data
        }
        return !(t.generated() != null && serverMajor >= 17);
    }

    private void classifyRebuildable(Change c) {
        ObjectKey key = c.key();
        if (c.type() == ChangeType.CHANGED && commentOnly(c)) {
            return;
        }
        if (c.type() == ChangeType.CHANGED && onlyValidationDiffers(c)) {
            validate.add(key); // golden validated, the target NOT VALID: checked in place, not rebuilt
            return;
        }
        if (c.type() != ChangeType.MISSING) {
            drop.add(key);
        }
        if (c.type() != ChangeType.EXTRA) {
            create.add(key);
        }
    }

    private void classifyView(Change c) {
        ObjectKey key = c.key();
        if (c.type() == ChangeType.CHANGED && commentOnly(c)) {
            return;
        }
        if (c.type() == ChangeType.EXTRA) {
            drop.add(key);
            droppedRelations.add(key);
        } else if (c.type() == ChangeType.MISSING) {
            create.add(key);
        } else {
            View t = (View) c.before();
            View g = (View) c.after();
            if (!g.materialized() && replaceable(t, g)) {
                replaceViews.add(key);
            } else {
                drop.add(key);
                create.add(key);
                droppedRelations.add(key);
            }
        }
    }

    /** CREATE OR REPLACE VIEW keeps the existing output columns and may only append new ones. */
    private boolean replaceable(View t, View g) {
        if (!Objects.equals(t.options(), g.options())) {
            return false;
        }
        return g.columns().size() >= t.columns().size()
                && g.columns().subList(0, t.columns().size()).equals(t.columns());
    }

    private void classifyRoutine(Change c) {
        ObjectKey key = c.key();
        if (c.type() == ChangeType.EXTRA) {
            droppedRoutines.add(key);
        } else if (c.type() == ChangeType.CHANGED && !commentOnly(c)) {
            Routine t = (Routine) c.before();
            Routine g = (Routine) c.after();
            if (!Objects.equals(PostgresPlanner.routineSignature(t.definition()), PostgresPlanner.routineSignature(g.definition()))) {
                droppedRoutines.add(key);
            }
        }
    }

    /** Whether a routine was rebuilt (dropped and created) rather than replaced. */
    boolean routineRecreated(ObjectKey key) {
        return droppedRoutines.contains(key) && golden.contains(key);
    }

    /**
     * Golden's constraint is validated and the target's is the same but NOT VALID (the comment may
     * differ too, which the comment pass handles). The other way round (golden NOT VALID, the target
     * validated) is rebuilt NOT VALID: no rows are checked, and the target then reads as golden.
     */
    private boolean onlyValidationDiffers(Change c) {
        boolean goldenValid = c.after() instanceof CheckConstraint g ? !g.notValid()
                : c.after() instanceof ForeignKey f && !f.notValid();
        return goldenValid && c.changesOnly(ModelField.NOT_VALID, ModelField.COMMENT);
    }

    static boolean commentOnly(Change c) {
        return !c.fields().isEmpty() && c.fields().stream().allMatch(ModelField::isComment);
    }

    /** Enums whose labels change other than by insertion, or that must not grow in place. */
    private void enumRecreations() {
        for (Change c : changes.values()) {
            if (c.kind() != ObjectKind.ENUM_TYPE || c.type() != ChangeType.CHANGED || !c.changes(ModelField.ENUM_LABELS)) {
                continue;
            }
            EnumType t = (EnumType) c.before();
            EnumType g = (EnumType) c.after();
            boolean inPlace = PostgresPlanner.isSubsequence(t.labels(), g.labels()) && serverMajor >= 12
                    && !recreateEnums.contains(c.key());
            if (inPlace) {
                List<String> added = new ArrayList<>(g.labels());
                added.removeAll(t.labels());
                addedLabels.put(c.key(), added);
            } else {
                recreateEnums.add(c.key());
            }
        }
        for (ObjectKey enumKey : recreateEnums) {
            EnumType e = (EnumType) target.get(enumKey);
            for (Column col : target.all(Column.class)) {
                if (PostgresPlanner.typeRefersTo(col.type(), e) && !inheritedColumn(col)) {
                    enumColumns.add(col.key());
                    blockedColumns.add(col.key());
                }
            }
            for (Domain d : target.all(Domain.class)) {
                if (PostgresPlanner.typeRefersTo(d.baseType(), e)) {
                    warnings.add("domain " + d.key().display() + " is based on enum " + e.name()
                            + ", which is re-created: re-create the domain by hand");
                }
            }
        }
    }

    /**
     * Closed over dependents: everything that reads a blocked column, a dropped relation or a dropped routine is
     * dropped first and re-created from golden afterwards. Views are followed transitively.
     */
    private void closeOverDependents() {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : target.all(View.class)) {
                if (drop.contains(v.key())) {
                    continue;
                }
                String reason = viewBlockedBy(v);
                if (reason != null) {
                    rebuild(v.key(), reason);
                    droppedRelations.add(v.key());
                    replaceViews.remove(v.key());
                    grew = true;
                }
            }
            grew |= closeOverRoutines();
        }
        for (Trigger tr : target.all(Trigger.class)) {
            String reason = textBlockedBy(tr.definition(), tr.key().owner());
            if (reason == null) {
                reason = routineUse(tr.definition());
            }
            if (reason != null) {
                rebuild(tr.key(), reason);
            }
        }
        for (Rule r : target.all(Rule.class)) {
            String reason = ruleBlockedBy(r);
            if (reason != null) {
                rebuild(r.key(), reason);
            }
        }
        for (Policy p : target.all(Policy.class)) {
            String text = (p.using() == null ? "" : p.using()) + " " + (p.withCheck() == null ? "" : p.withCheck());
            String reason = textBlockedBy(text, p.key().owner());
            if (reason == null) {
                reason = routineUse(text);
            }
            if (reason == null) {
                reason = relationUse(text);
            }
            if (reason != null) {
                rebuild(p.key(), reason);
            }
        }
        for (ForeignKey fk : target.all(ForeignKey.class)) {
            String reason = foreignKeyBlockedBy(fk);
            if (reason != null) {
                rebuild(fk.key(), reason);
            }
        }
        for (CheckConstraint ck : target.all(CheckConstraint.class)) {
            String reason = routineUse(ck.expression());
            if (reason == null && readdMentions(ck.key().owner(), ck.expression())) {
                reason = "re-created with its re-added column";
            }
            if (reason != null) {
                rebuild(ck.key(), reason);
            }
        }
        for (Index ix : target.all(Index.class)) {
            String text = indexText(ix);
            String reason = routineUse(text);
            if (reason == null && (readdMentions(ix.key().owner(), text)
                    || ix.parts().stream().anyMatch(p -> readdColumns.contains(
                    ObjectKey.part(ObjectKind.COLUMN, ix.schema(), ix.table(), String.valueOf(p.column())))))) {
                reason = "re-created with its re-added column";
            }
            if (reason != null) {
                rebuild(ix.key(), reason);
            }
        }
        for (PrimaryKey pk : target.all(PrimaryKey.class)) {
            if (coversReadd(pk.schema(), pk.table(), pk.columns())) {
                rebuild(pk.key(), "re-created with its re-added column");
                droppedUniqueOn.add(pk.key().owner());
            }
        }
        for (UniqueConstraint u : target.all(UniqueConstraint.class)) {
            if (coversReadd(u.schema(), u.table(), u.columns())) {
                rebuild(u.key(), "re-created with its re-added column");
                droppedUniqueOn.add(u.key().owner());
            }
        }
        // foreign keys that rely on a unique key being dropped
        for (ForeignKey fk : target.all(ForeignKey.class)) {
            if (!drop.contains(fk.key()) && droppedUniqueOn.contains(fk.references().key())) {
                rebuild(fk.key(), "re-created around the change of the key it references");
            }
        }
        for (Column col : target.all(Column.class)) {
            if (col.defaultExpression() != null && routineUse(col.defaultExpression()) != null) {
                resetDefaults.add(col.key());
            }
        }
        // parts of re-created tables come back with the table; nothing to drop one by one
        drop.removeIf(k -> k.kind().isTablePart() && k.kind() != ObjectKind.FOREIGN_KEY
                && recreateTables.contains(k.owner()));
    }

    private void rebuild(ObjectKey key, String reason) {
        if (target.contains(key)) {
            drop.add(key);
        }
        if (golden.contains(key)) {
            create.add(key);
        }
        if (!changes.containsKey(key)) {
            rebuildReason.putIfAbsent(key, reason);
        }
    }

    /**
     * Routines the server records as needing a relation or routine that is dropped (a function
     * returning a re-created table's rows): dropped before it and created again after. Views and
     * other users of those routines then follow through {@link #routineUse}.
     */
    private boolean closeOverRoutines() {
        boolean grew = false;
        for (Routine r : target.all(Routine.class)) {
            if (!droppedRoutines.contains(r.key())) {
                String reason = droppedDependency(r.key());
                if (reason != null) {
                    droppedRoutines.add(r.key());
                    rebuiltRoutines.put(r.key(), reason);
                    grew = true;
                }
            }
        }
        return grew;
    }

    /** Why {@code key} must go: a target object it needs by the server's edges is dropped; else null. */
    private String droppedDependency(ObjectKey key) {
        for (ObjectKey need : target.dependenciesOf(key)) {
            if (droppedRelations.contains(need) || droppedRoutines.contains(need)) {
                return "re-created because it needs " + need.display() + ", which is dropped";
            }
        }
        return null;
    }

    private String viewBlockedBy(View v) {
        String needs = droppedDependency(v.key());
        if (needs != null) {
            return needs;
        }
        for (ObjectKey rel : droppedRelations) {
            if (!rel.equals(v.key()) && PgNames.mentions(v.definition(), rel.name())) {
                return "re-created because it reads " + rel.display() + ", which is dropped";
            }
        }
        for (ObjectKey col : blockedColumns) {
            if (PgNames.mentions(v.definition(), col.table()) && PgNames.mentions(v.definition(), col.name())) {
                return "re-created around the change of " + col.display();
            }
        }
        return routineUse(v.definition());
    }

    /**
     * Why a rule must be dropped before this plan's changes and created again after, or null. The
     * server refuses to change the type of a column a rule's action or condition uses ("cannot
     * alter type of a column used by a view or rule"), on the rule's own table ({@code NEW.v}) or
     * on another it writes or reads; a rule on a table that is dropped goes with it.
     */
    private String ruleBlockedBy(Rule r) {
        if (droppedRelations.contains(r.key().owner())) {
            return null;
        }
        String reason = textBlockedBy(r.definition(), r.key().owner());
        if (reason != null) {
            return reason;
        }
        for (ObjectKey col : blockedColumns) {
            if (PgNames.mentions(r.definition(), col.table()) && PgNames.mentions(r.definition(), col.name())) {
                return "re-created around the change of " + col.display();
            }
        }
        reason = droppedDependency(r.key());
        if (reason == null) {
            reason = relationUse(r.definition());
        }
        return reason != null ? reason : routineUse(r.definition());
    }

    /** A blocked column of {@code table} mentioned in the text. */
    private String textBlockedBy(String text, ObjectKey table) {
        for (ObjectKey col : blockedColumns) {
            if (col.schema().equals(table.schema()) && col.table().equals(table.name())
                    && PgNames.mentions(text, col.name())) {
                return "re-created around the change of " + col.display();
            }
        }
        return null;
    }

    private String routineUse(String text) {
        for (ObjectKey r : droppedRoutines) {
            Routine routine = (Routine) target.get(r);
            if (routine != null && PgNames.mentions(text, routine.baseName())) {
                return "re-created because it uses " + r.display() + ", which is dropped";
            }
        }
        return null;
    }

    private String relationUse(String text) {
        for (ObjectKey rel : droppedRelations) {
            if (PgNames.mentions(text, rel.name())) {
                return "re-created because it reads " + rel.display() + ", which is dropped";
            }
        }
        return null;
    }

    private String foreignKeyBlockedBy(ForeignKey fk) {
        for (String c : fk.columns()) {
            ObjectKey ck = ObjectKey.part(ObjectKind.COLUMN, fk.schema(), fk.table(), c);
            if (blockedColumns.contains(ck)) {
                return "re-created around the change of " + ck.display();
            }
        }
        TableRef ref = fk.references();
        for (String c : fk.referencedColumns()) {
            ObjectKey ck = ObjectKey.part(ObjectKind.COLUMN, ref.schema(), ref.name(), c);
            if (blockedColumns.contains(ck)) {
                return "re-created around the change of " + ck.display();
            }
        }
        if (recreateTables.contains(ref.key())) {
            return "re-created because " + ref.key().display() + " is re-created";
        }
        return null;
    }

    private boolean readdMentions(ObjectKey table, String text) {
        for (ObjectKey col : readdColumns) {
            if (col.schema().equals(table.schema()) && col.table().equals(table.name())
                    && PgNames.mentions(text, col.name())) {
                return true;
            }
        }
        return false;
    }

    private boolean coversReadd(String schema, String table, List<String> columns) {
        return columns.stream().anyMatch(c -> readdColumns.contains(ObjectKey.part(ObjectKind.COLUMN, schema, table, c)));
    }

    /** Created tables and views come with all their golden parts (the diff does not list them). */
    private void expandCreates() {
        List<ObjectKey> relations = new ArrayList<>(createTables);
        for (ObjectKey key : create) {
            if (key.kind() == ObjectKind.VIEW || key.kind() == ObjectKind.MATERIALIZED_VIEW) {
                relations.add(key);
            }
        }
        for (ObjectKey rel : relations) {
            for (SchemaObject part : golden.partsOf(rel.schema(), rel.name())) {
                if (part.kind() != ObjectKind.COLUMN) {
                    create.add(part.key());
                }
            }
        }
    }

    /** A partition's or inheritance child's column that its parent also has: the parent's change covers it. */
    boolean inheritedColumn(Column c) {
        Table t = target.get(c.key().owner()) instanceof Table tt ? tt : null;
        if (t == null) {
            return false;
        }
        List<TableRef> parents = new ArrayList<>(t.inherits());
        if (t.partitionOf() != null) {
            parents.add(t.partitionOf());
        }
        for (TableRef p : parents) {
            if (target.contains(ObjectKey.part(ObjectKind.COLUMN, p.schema(), p.name(), c.name()))) {
                return true;
            }
        }
        return false;
    }

    private static String indexText(Index ix) {
        StringBuilder sb = new StringBuilder();
        for (IndexPart p : ix.parts()) {
            sb.append(p.expression() == null ? "" : p.expression()).append(' ');
        }
        return sb.append(ix.predicate() == null ? "" : ix.predicate()).toString();
    }
}
