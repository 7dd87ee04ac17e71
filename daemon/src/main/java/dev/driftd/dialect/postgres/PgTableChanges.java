package dev.driftd.dialect.postgres;

import dev.driftd.dialect.postgres.PostgresPlanner.Phase;
import dev.driftd.diff.Change;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.ModelField;
import dev.driftd.plan.Hazard;
import dev.driftd.schema.Column;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table pass of a PostgreSQL plan: extra tables dropped (children and referencing tables first),
 * missing and re-created tables created, tables altered in place (row security, persistence, storage
 * parameters, access method, partition and inheritance), then columns added, dropped, re-added and
 * altered (generated expression, identity, type, default, NOT NULL and its constraint). The PostgreSQL
 * counterpart of {@code MysqlTableAlter} and {@code MysqlColumnChange}; it reads the rebuild set and
 * writes its statements to the plan's steps.
 */
final class PgTableChanges {
    private final Snapshot golden;
    private final Snapshot target;
    private final PgDdl ddl;
    private final int serverMajor;
    private final Map<ObjectKey, Change> changes;
    private final PgRebuildSet rebuild;
    private final PgPlanSteps out;
    private final Set<ObjectKey> drop;
    private final Set<ObjectKey> readdColumns;
    private final Set<ObjectKey> droppedRelations;
    private final Set<ObjectKey> recreateTables;
    private final Set<ObjectKey> createTables;
    private final Set<ObjectKey> enumColumns;
    private final Set<ObjectKey> resetDefaults;

    PgTableChanges(Snapshot golden, Snapshot target, PgDdl ddl, int serverMajor, Map<ObjectKey, Change> changes,
                   PgRebuildSet rebuild, PgPlanSteps out) {
        this.golden = golden;
        this.target = target;
        this.ddl = ddl;
        this.serverMajor = serverMajor;
        this.changes = changes;
        this.rebuild = rebuild;
        this.out = out;
        this.drop = rebuild.drop();
        this.readdColumns = rebuild.readdColumns();
        this.droppedRelations = rebuild.droppedRelations();
        this.recreateTables = rebuild.recreateTables();
        this.createTables = rebuild.createTables();
        this.enumColumns = rebuild.enumColumns();
        this.resetDefaults = rebuild.resetDefaults();
    }

    /** Tables first, then their columns (a new table's columns come with its CREATE TABLE). */
    void emit() {
        emitTables();
        emitColumns();
    }

    private void emitTables() {
        // extra tables: partitions go with their parent, children before parents, referencing before referenced
        List<Table> extra = new ArrayList<>();
        for (ObjectKey key : droppedRelations) {
            if (key.kind() == ObjectKind.TABLE && target.get(key) instanceof Table t) {
                if (t.partitionOf() != null && droppedRelations.contains(t.partitionOf().key())) {
                    continue;
                }
                extra.add(t);
            }
        }
        List<Table> dropOrder = PgOrder.dependentsFirst(extra, this::tableNeeds);
        dropCycleForeignKeys(dropOrder);
        for (Table t : dropOrder) {
            String reason = recreateTables.contains(t.key())
                    ? "its kind or partition key differs, which cannot be altered: dropped and created again"
                    : "extra table";
            out.addDestructive(Phase.DROP_TABLES, ddl.dropTable(t), reason,
                    Hazard.ACCESS_EXCLUSIVE_LOCK);
            out.drops(t.key());
        }
        List<Table> created = new ArrayList<>();
        for (ObjectKey key : createTables) {
            created.add((Table) golden.get(key));
        }
        for (Table t : PgOrder.dependenciesFirst(created, this::tableNeeds)) {
            List<Column> columns = golden.columnsOf(t.schema(), t.name());
            String reason = recreateTables.contains(t.key()) ? "table created again with golden's shape" : "missing table";
            Phase phase = t.partitionOf() != null ? Phase.PARTITIONS : Phase.TABLES;
            if (recreateTables.contains(t.key())) {
                out.addDestructive(phase, ddl.createTable(t, columns), reason);
            } else {
                out.add(phase, ddl.createTable(t, columns), reason);
            }
            out.creates(t.key());
            if (t.partitionOf() == null) {
                notValidNotNulls(columns);
            }
            if (t.partitionOf() != null) {
                // columns of a partition come from its parent; only local differences are altered
                for (Column col : columns) {
                    Column parentCol = (Column) golden.get(ObjectKey.part(ObjectKind.COLUMN,
                            t.partitionOf().schema(), t.partitionOf().name(), col.name()));
                    if (parentCol != null && !Objects.equals(parentCol.defaultExpression(), col.defaultExpression())) {
                        out.add(Phase.COLUMNS, ddl.setOrDropDefault(col), "partition's own column default");
                    }
                }
            }
            tableSecurity(t, null);
        }
        for (Change c : changes.values()) {
            if (c.kind() == ObjectKind.TABLE && c.type() == ChangeType.CHANGED && !recreateTables.contains(c.key())) {
                alterTable(c);
            }
        }
    }

    /**
     * Tables that reference each other (hive's WM_POOL and WM_RESOURCEPLAN) have no order in
     * which each drop finds no foreign key pointing at its table: a foreign key of a table
     * dropped later that references one dropped earlier is dropped first, on its own.
     */
    private void dropCycleForeignKeys(List<Table> dropOrder) {
        Map<ObjectKey, Integer> position = new HashMap<>();
        for (int i = 0; i < dropOrder.size(); i++) {
            position.put(dropOrder.get(i).key(), i);
        }
        for (int i = 0; i < dropOrder.size(); i++) {
            Table t = dropOrder.get(i);
            for (SchemaObject part : target.partsOf(t.schema(), t.name())) {
                if (part instanceof ForeignKey fk && !drop.contains(fk.key())) {
                    Integer referenced = position.get(fk.references().key());
                    if (referenced != null && referenced < i) {
                        out.add(Phase.DROP_FOREIGN_KEYS, ddl.dropConstraint(fk.schema(), fk.table(), fk.name()),
                                "foreign key of extra table " + t.key().display() + " to "
                                        + fk.references().key().display() + ", dropped earlier: the tables reference each other");
                    }
                }
            }
        }
    }

    /** a needs b: b is a's parent (partition or inheritance) or a references b by a foreign key. */
    private boolean tableNeeds(Table a, Table b) {
        if (a.partitionOf() != null && a.partitionOf().key().equals(b.key())) {
            return true;
        }
        if (a.inherits().stream().anyMatch(r -> r.key().equals(b.key()))) {
            return true;
        }
        Snapshot side = golden.contains(a.key()) && createTables.contains(a.key()) ? golden : target;
        for (SchemaObject part : side.partsOf(a.schema(), a.name())) {
            if (part instanceof ForeignKey fk && fk.references().key().equals(b.key())) {
                return true;
            }
        }
        return false;
    }

    /** Row-level security as golden has it; {@code t} is the target's table, null for a table being created. */
    private void tableSecurity(Table g, Table t) {
        if (g.rowSecurity() != (t != null && t.rowSecurity())) {
            out.addOn(g.key(), Phase.TABLE_PROPERTIES, ddl.setRowSecurity(g),
                    "row-level security " + (g.rowSecurity() ? "enabled" : "disabled") + " in golden");
        }
        if (g.forceRowSecurity() != (t != null && t.forceRowSecurity())) {
            out.addOn(g.key(), Phase.TABLE_PROPERTIES, ddl.setForceRowSecurity(g),
                    "row-level security " + (g.forceRowSecurity() ? "forced" : "not forced") + " in golden");
        }
    }

    private void alterTable(Change c) {
        Table t = (Table) c.before();
        Table g = (Table) c.after();
        tableSecurity(g, t);
        if (c.changes(ModelField.TABLE_OPTIONS)) {
            if (PgDdl.isUnlogged(t) != PgDdl.isUnlogged(g)) {
                out.add(Phase.TABLE_PROPERTIES, ddl.setPersistence(g),
                        "table persistence differs", Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK);
            }
            Map<String, String> before = PgDdl.storageParameters(t.options());
            Map<String, String> after = PgDdl.storageParameters(g.options());
            Map<String, String> set = new TreeMap<>();
            after.forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    set.put(k, v);
                }
            });
            List<String> reset = before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().toList();
            if (!set.isEmpty()) {
                out.add(Phase.TABLE_PROPERTIES, ddl.setStorageParameters(g, set), "storage parameters differ");
            }
            if (!reset.isEmpty()) {
                out.add(Phase.TABLE_PROPERTIES, ddl.resetStorageParameters(g, reset), "storage parameters differ");
            }
            Map<String, String> otherBefore = new TreeMap<>(t.options());
            Map<String, String> otherAfter = new TreeMap<>(g.options());
            if (!Objects.equals(t.options().get("access_method"), g.options().get("access_method"))) {
                out.add(Phase.TABLE_PROPERTIES, ddl.setAccessMethod(g), "table access method differs",
                        Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK);
            }
            Set<String> handledOptions = Set.of("persistence", "access_method");
            otherBefore.keySet().removeIf(k -> k.startsWith("with.") || handledOptions.contains(k));
            otherAfter.keySet().removeIf(k -> k.startsWith("with.") || handledOptions.contains(k));
            if (!otherBefore.equals(otherAfter)) {
                out.warn("cannot reconcile the options of " + c.key().display() + ": " + otherBefore + " -> " + otherAfter);
            }
        }
        if (c.changes(ModelField.TABLE_PARTITION_OF) || c.changes(ModelField.TABLE_PARTITION_BOUND)) {
            if (t.partitionOf() != null) {
                out.add(Phase.PARTITIONS, ddl.detachPartition(t),
                        "partition bound or parent differs", Hazard.ACCESS_EXCLUSIVE_LOCK);
                if (g.partitionOf() == null && serverMajor >= 18) {
                    // a detached partition keeps the NOT NULL constraint names its parent gave it
                    for (Column col : golden.columnsOf(g.schema(), g.name())) {
                        if (!col.nullable()) {
                            out.add(Phase.PARTITIONS, ddl.renameNotNullTo(col),
                                    "NOT NULL constraint of the detached partition named as golden names it");
                        }
                    }
                }
            }
            if (g.partitionOf() != null) {
                out.add(Phase.PARTITIONS, ddl.attachPartition(g), "table is a partition in golden",
                        Hazard.VALIDATES_ROWS, Hazard.ACCESS_EXCLUSIVE_LOCK);
            }
        }
        if (c.changes(ModelField.TABLE_INHERITS)) {
            for (TableRef r : t.inherits()) {
                if (!g.inherits().contains(r)) {
                    out.add(Phase.PARTITIONS, ddl.noInherit(g, r), "inheritance differs");
                }
            }
            for (TableRef r : g.inherits()) {
                if (!t.inherits().contains(r)) {
                    out.add(Phase.PARTITIONS, ddl.inherit(g, r), "inheritance differs",
                            Hazard.ACCESS_EXCLUSIVE_LOCK);
                }
            }
        }
        out.unhandled(c, ModelField.TABLE_OPTIONS, ModelField.TABLE_PARTITION_OF, ModelField.TABLE_PARTITION_BOUND, ModelField.TABLE_INHERITS, ModelField.TABLE_ROW_SECURITY,
                ModelField.TABLE_FORCE_ROW_SECURITY, ModelField.COMMENT, ModelField.COLUMN_ORDER);
    }

    private void emitColumns() {
        for (ObjectKey key : resetDefaults) {
            Column t = (Column) target.get(key);
            out.add(Phase.DROP_DEFAULTS, ddl.dropDefault(t),
                    "default calls a routine that is re-created; set again below");
            Column g = (Column) golden.get(key);
            Change c = changes.get(key);
            boolean handled = c != null && c.type() == ChangeType.CHANGED && c.changes(ModelField.COLUMN_DEFAULT);
            if (g != null && g.defaultExpression() != null && !handled && !recreateTables.contains(key.owner())) {
                out.add(Phase.COLUMNS, ddl.setOrDropDefault(g), "default set again");
            }
        }
        Set<ObjectKey> handledEnumColumns = new TreeSet<>();
        for (Change c : changes.values()) {
            if (c.kind() != ObjectKind.COLUMN || recreateTables.contains(c.key().owner())) {
                continue;
            }
            if (c.type() == ChangeType.EXTRA && droppedRelations.contains(c.key().owner())
                    || c.type() == ChangeType.MISSING && createTables.contains(c.key().owner())) {
                // a relation that changes kind under one name (a table becomes a view, or back): the
                // diff lists its columns, but they go with DROP TABLE and come with CREATE TABLE
                continue;
            }
            if (c.type() != ChangeType.CHANGED && parentHasSameChange(c)) {
                continue; // ADD / DROP COLUMN on the parent recurses to its partitions and children
            }
            switch (c.type()) {
                case MISSING -> {
                    Column g = (Column) c.after();
                    out.add(Phase.COLUMNS, ddl.addColumn(g), "missing column", addColumnHazards(g));
                    notValidNotNulls(List.of(g));
                }
                case EXTRA -> {
                    Column t = (Column) c.before();
                    boolean keptByChildren = keptByEveryInheritingChild(t);
                    out.addDestructive(Phase.COLUMNS, ddl.dropColumn(t, keptByChildren),
                            keptByChildren ? "extra column (kept, as golden has it, on the tables inheriting it)"
                                    : "extra column", Hazard.ACCESS_EXCLUSIVE_LOCK);
                }
                case CHANGED -> {
                    alterColumn(c);
                    handledEnumColumns.add(c.key());
                }
            }
        }
        for (ObjectKey key : enumColumns) {
            if (handledEnumColumns.contains(key) || recreateTables.contains(key.owner())) {
                continue;
            }
            Column t = (Column) target.get(key);
            Column g = golden.get(key) instanceof Column gc ? gc : t;
            changeType(t, g, "its enum type is re-created");
        }
    }

    private Hazard[] addColumnHazards(Column g) {
        if (g.generated() != null || g.identity() != null) {
            return new Hazard[]{Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK};
        }
        if (!g.nullable() && g.defaultExpression() == null) {
            return new Hazard[]{Hazard.VALIDATES_ROWS, Hazard.ACCESS_EXCLUSIVE_LOCK};
        }
        return new Hazard[]{Hazard.ACCESS_EXCLUSIVE_LOCK};
    }

    private void alterColumn(Change c) {
        Column t = (Column) c.before();
        Column g = (Column) c.after();
        if (readdColumns.contains(c.key())) {
            boolean hadData = t.generated() == null;
            String what = t.generated() != null && g.generated() != null
                    && !Objects.equals(t.generatedKind(), g.generatedKind())
                    ? "generated column is " + t.generatedKind() + ", golden's is " + g.generatedKind()
                    : "generated expression differs (" + (t.generated() == null ? "plain column" : t.generated())
                    + " -> " + (g.generated() == null ? "plain column" : g.generated()) + ")";
            String why = what + "; PostgreSQL " + (serverMajor > 0 ? serverMajor + " " : "")
                    + "cannot change it in place, so the column is dropped and added again"
                    + (hadData ? ", losing its values" : "");
            out.addDestructive(Phase.COLUMNS, ddl.dropColumn(t, false), why,
                    Hazard.ACCESS_EXCLUSIVE_LOCK);
            out.addDestructive(Phase.COLUMNS, ddl.addColumn(g),
                    "column added again with golden's definition", Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK);
            notValidNotNulls(List.of(g));
            if (g.comment() != null) {
                out.add(Phase.COMMENTS, PgDdl.comment(ddl.commentTarget(g), g.comment()),
                        "comment of the re-added column");
            }
            return;
        }
        boolean partitionChild = inheritedColumn(t);
        if (c.changes(ModelField.COLUMN_GENERATED) && t.generated() != null && g.generated() == null) {
            out.add(Phase.COLUMNS, ddl.dropExpression(g), "column is not generated in golden (values are kept)");
        } else if (c.changes(ModelField.COLUMN_GENERATED)) {
            out.add(Phase.COLUMNS, ddl.setExpression(g), "generated expression differs",
                    Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK);
        }
        if (t.identity() != null && g.identity() == null) {
            // early, before missing sequences are created: a serial's sequence usually takes the
            // name the identity's sequence frees here
            out.add(Phase.DROP_DEFAULTS, ddl.dropIdentity(g), "column is not an identity in golden");
        } else if (t.identity() != null && !t.identity().equals(g.identity())) {
            if (!PgIdentity.kind(t.identity()).equals(PgIdentity.kind(g.identity()))) {
                out.add(Phase.COLUMNS, ddl.setIdentityKind(g), "identity kind differs");
            }
            if (!PgIdentity.options(t.identity()).equals(PgIdentity.options(g.identity()))) {
                boolean restart = PgIdentity.narrows(t.identity(), g.identity(), g.type());
                out.add(Phase.COLUMNS, ddl.setIdentityOptions(g, restart),
                        restart ? "identity sequence options differ (its range narrows: the sequence restarts)"
                                : "identity sequence options differ");
            }
        }
        boolean typeChanged = c.changes(ModelField.COLUMN_TYPE) || c.changes(ModelField.COLUMN_COLLATION) || enumColumns.contains(c.key());
        if (typeChanged && !partitionChild) {
            changeType(t, g, enumColumns.contains(c.key()) && t.type().equals(g.type()) ? "its enum type is re-created"
                    : "type differs (" + t.type() + " -> " + g.type() + ")");
        } else if (typeChanged && !parentChanges(t, ModelField.COLUMN_TYPE)) {
            out.warn("cannot reconcile " + c.key().display() + ": it is inherited, and its type follows its parent's");
        } else if (c.changes(ModelField.COLUMN_DEFAULT) && g.identity() == null) {
            out.add(Phase.COLUMNS, ddl.setOrDropDefault(g), "default differs");
        } else if (c.changes(ModelField.COLUMN_DEFAULT) && t.defaultExpression() != null) {
            out.add(Phase.COLUMNS, ddl.dropDefault(g), "an identity column has no default");
        }
        if (c.changes(ModelField.COLUMN_NULLABLE) && !(partitionChild && parentChanges(t, ModelField.COLUMN_NULLABLE))) {
            if (g.nullable()) {
                out.add(Phase.COLUMNS, ddl.dropNotNull(g), "column is nullable in golden");
            } else if (g.hasNotNullConstraintDetails()) {
                out.add(Phase.COLUMNS, ddl.addNotNull(g), "column is NOT NULL in golden, by a constraint of its own",
                        g.notNullNotValid() ? new Hazard[]{Hazard.ACCESS_EXCLUSIVE_LOCK}
                                : new Hazard[]{Hazard.VALIDATES_ROWS, Hazard.ACCESS_EXCLUSIVE_LOCK});
            } else {
                out.add(Phase.COLUMNS, ddl.setNotNull(g), "column is NOT NULL in golden",
                        Hazard.VALIDATES_ROWS, Hazard.ACCESS_EXCLUSIVE_LOCK);
            }
        } else if (!g.nullable() && !t.nullable() && (c.changes(ModelField.COLUMN_NOT_NULL_NAME) || c.changes(ModelField.COLUMN_NOT_NULL_NOT_VALID)
                || c.changes(ModelField.COLUMN_NOT_NULL_NO_INHERIT))) {
            alterNotNull(t, g);
        }
        if (t.identity() == null && g.identity() != null) {
            // after extra sequences are gone, so the identity sequence gets the name golden's has
            out.add(Phase.IDENTITIES, ddl.addIdentity(g), "column is an identity in golden");
        }
        out.unhandled(c, ModelField.COLUMN_TYPE, ModelField.COLUMN_COLLATION, ModelField.COLUMN_GENERATED, ModelField.COLUMN_GENERATED_KIND, ModelField.COLUMN_IDENTITY, ModelField.COLUMN_DEFAULT,
                ModelField.COLUMN_NULLABLE, ModelField.COMMENT, ModelField.COLUMN_NOT_NULL_NAME, ModelField.COLUMN_NOT_NULL_NOT_VALID, ModelField.COLUMN_NOT_NULL_NO_INHERIT);
    }

    /** Whether a table constraint of the target's schema has this name (constraint names are per schema). */
    private boolean constraintNamed(String schema, String name) {
        for (SchemaObject o : target.objects()) {
            if (o.key().name().equals(name) && Objects.equals(o.key().schema(), schema)
                    && switch (o.key().kind()) {
                        case PRIMARY_KEY, UNIQUE_CONSTRAINT, CHECK_CONSTRAINT, EXCLUSION_CONSTRAINT, FOREIGN_KEY -> true;
                        default -> false;
                    }) {
                return true;
            }
        }
        return false;
    }

    /** Golden's NOT VALID NOT NULLs of new columns: a column definition cannot say NOT VALID. */
    private void notValidNotNulls(List<Column> columns) {
        for (Column g : columns) {
            if (!g.nullable() && g.notNullNotValid()) {
                out.add(Phase.COLUMNS, ddl.addNotNull(g), "column is NOT NULL in golden by a NOT VALID constraint");
            }
        }
    }

    /**
     * Both NOT NULL, by constraints that differ (PostgreSQL 18): renamed, NO INHERIT switched,
     * validated in place. Only a validated one that golden has NOT VALID is dropped and added
     * again, NOT VALID, as no statement un-validates a constraint.
     */
    private void alterNotNull(Column t, Column g) {
        if (!t.notNullNotValid() && g.notNullNotValid()) {
            out.add(Phase.COLUMNS, ddl.dropNotNull(g), "NOT NULL is NOT VALID in golden: dropped, "
                    + "added again NOT VALID");
            out.add(Phase.COLUMNS, ddl.addNotNull(g), "NOT NULL constraint as golden has it (NOT VALID)",
                    Hazard.ACCESS_EXCLUSIVE_LOCK);
            return;
        }
        String from = PgDdl.notNullConstraintName(t);
        String to = PgDdl.notNullConstraintName(g);
        if (!from.equals(to) && t.notNullName() == null && constraintNamed(t.schema(), from)) {
            // the server numbered the target's name (…_not_null1) because another constraint holds
            // this one: renaming by it would rename that other constraint
            out.warn("cannot reconcile " + t.key().display() + ": its NOT NULL constraint has a numbered "
                    + "default name (" + from + " is another constraint's); rename it to " + to + " by hand");
            return;
        }
        if (!from.equals(to)) {
            out.add(Phase.COLUMNS, ddl.renameConstraint(g.schema(), g.table(), from, to),
                    "NOT NULL constraint is named " + to + " in golden");
        }
        if (t.notNullNoInherit() != g.notNullNoInherit()) {
            out.add(Phase.COLUMNS, ddl.setConstraintInheritance(g.schema(), g.table(), to, g.notNullNoInherit()),
                    g.notNullNoInherit() ? "NOT NULL is NO INHERIT in golden" : "NOT NULL is inherited in golden");
        }
        if (t.notNullNotValid() && !g.notNullNotValid()) {
            out.add(Phase.COLUMNS, ddl.validateConstraint(g.schema(), g.table(), to),
                    "NOT NULL is NOT VALID, golden's is validated: existing rows are checked", Hazard.VALIDATES_ROWS);
        }
    }

    /** Type change with the default moved out of the way (USING does not convert defaults). */
    private void changeType(Column t, Column g, String why) {
        boolean viaText = enumColumns.contains(t.key()) || PgEnumCasts.isEnum(target, t.type());
        if (t.defaultExpression() != null && t.identity() == null && !resetDefaults.contains(t.key())) {
            out.add(Phase.COLUMNS, ddl.dropDefault(g), "default dropped for the type change, set again after it");
        }
        boolean cheap = !viaText && PostgresPlanner.cheapTypeChange(t.type(), g.type()) && Objects.equals(t.collation(), g.collation());
        out.add(Phase.COLUMNS, ddl.changeType(g, viaText), why + (viaText ? "; fails if a row holds a label golden lacks" : ""),
                cheap ? new Hazard[]{Hazard.ACCESS_EXCLUSIVE_LOCK}
                        : new Hazard[]{Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK});
        if (g.defaultExpression() != null && g.identity() == null) {
            out.add(Phase.COLUMNS, ddl.setOrDropDefault(g), "default of the retyped column");
        }
    }

    /** Whether the same column is added to (or dropped from) a parent of this column's table in this plan. */
    /**
     * Whether golden keeps, unchanged, a column dropped from a parent on every table that inherits it
     * through INHERITS (not partitions, which cannot keep a column their parent lacks): then
     * {@code ALTER TABLE ONLY parent DROP COLUMN} leaves it on them as their own column; a plain
     * DROP COLUMN would drop it from them too and nothing would add it back (the diff sees no change
     * on them). False when no such child has it.
     */
    private boolean keptByEveryInheritingChild(Column parentColumn) {
        boolean any = false;
        for (Table child : target.all(Table.class)) {
            if (child.partitionOf() != null || child.inherits().stream().noneMatch(
                    r -> r.schema().equals(parentColumn.schema()) && r.name().equals(parentColumn.table()))) {
                continue;
            }
            ObjectKey key = ObjectKey.part(ObjectKind.COLUMN, child.schema(), child.name(), parentColumn.name());
            if (!target.contains(key)) {
                continue;
            }
            if (!golden.contains(key) || changes.containsKey(key)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private boolean parentHasSameChange(Change c) {
        List<TableRef> parents = new ArrayList<>();
        for (Snapshot side : List.of(target, golden)) {
            if (side.get(c.key().owner()) instanceof Table t) {
                parents.addAll(t.inherits());
                if (t.partitionOf() != null) {
                    parents.add(t.partitionOf());
                }
            }
        }
        for (TableRef p : parents) {
            Change pc = changes.get(ObjectKey.part(ObjectKind.COLUMN, p.schema(), p.name(), c.key().name()));
            if (pc != null && pc.type() == c.type()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a parent (partitioned or inherited) table's same column changes {@code field} too. */
    private boolean parentChanges(Column c, ModelField field) {
        for (TableRef p : parents(c)) {
            Change pc = changes.get(ObjectKey.part(ObjectKind.COLUMN, p.schema(), p.name(), c.name()));
            if (pc != null && pc.changes(field)) {
                return true;
            }
        }
        return false;
    }

    private List<TableRef> parents(Column c) {
        Table t = target.get(c.key().owner()) instanceof Table tt ? tt : null;
        List<TableRef> parents = new ArrayList<>();
        if (t != null) {
            parents.addAll(t.inherits());
            if (t.partitionOf() != null) {
                parents.add(t.partitionOf());
            }
        }
        return parents;
    }

    private boolean inheritedColumn(Column c) {
        return rebuild.inheritedColumn(c);
    }
}
