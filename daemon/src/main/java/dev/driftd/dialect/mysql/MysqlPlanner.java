package dev.driftd.dialect.mysql;

import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the MySQL/MariaDB statements that turn a target into golden. MySQL DDL commits as it
 * goes, so the order is what keeps a half-applied plan safe to re-plan: foreign keys that would
 * block a change step aside first (MySQL error 1553), then additive work (tables, columns,
 * indexes, foreign keys back, routines, views, triggers, events), and the statements that drop
 * data come last, destructive and commented out unless allowed.
 */
final class MysqlPlanner {
    private static final Set<ObjectKind> PLANNED = EnumSet.of(ObjectKind.TABLE, ObjectKind.COLUMN,
            ObjectKind.PRIMARY_KEY, ObjectKind.CHECK_CONSTRAINT, ObjectKind.INDEX, ObjectKind.FOREIGN_KEY,
            ObjectKind.VIEW, ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.TRIGGER, ObjectKind.EVENT,
            ObjectKind.SEQUENCE);
    private static final Set<ObjectKind> TABLE_PARTS = EnumSet.of(ObjectKind.COLUMN, ObjectKind.PRIMARY_KEY,
            ObjectKind.CHECK_CONSTRAINT, ObjectKind.INDEX);

    private final Snapshot golden;
    private final Snapshot target;
    private final PlanOptions options;
    private final Flavor flavor;
    private final MysqlDdl ddl;
    private final MysqlTargetServer server;
    private final List<String> warnings = new ArrayList<>();

    MysqlPlanner(Snapshot golden, Snapshot target, PlanOptions options) {
        this.golden = golden;
        this.target = target;
        this.options = options == null ? PlanOptions.DEFAULT : options;
        this.flavor = target.getFlavor() != null ? target.getFlavor() : golden.getFlavor();
        this.ddl = new MysqlDdl(flavor);
        this.server = MysqlTargetServer.of(flavor, target.getServerVersion());
    }

    Plan plan(Diff diff) {
        for (ObjectKind k : new TreeSet<>(diff.notInspected())) {
            warnings.add(k.label() + "s were not inspected on one side: the plan does not cover them");
        }
        Set<String> missingTables = new TreeSet<>();
        Set<String> extraTables = new TreeSet<>();
        Set<String> alteredTables = new TreeSet<>();
        Map<ObjectKey, Change> fkChanges = new TreeMap<>();
        List<Change> objectChanges = new ArrayList<>();
        List<Change> sequenceChanges = new ArrayList<>();
        for (Change c : diff.changes()) {
            if (!c.drift()) {
                continue;
            }
            ObjectKind kind = c.kind();
            if (!PLANNED.contains(kind)) {
                warnings.add("cannot reconcile " + c.describe() + ": MySQL has no " + kind.label() + "s");
                continue;
            }
            if (!c.key().schema().isEmpty()) {
                warnings.add("cannot reconcile " + c.describe() + ": it lies outside the target database");
                continue;
            }
            switch (kind) {
                case TABLE -> {
                    if (c.type() == ChangeType.MISSING) {
                        missingTables.add(c.key().name());
                    } else if (c.type() == ChangeType.EXTRA) {
                        extraTables.add(c.key().name());
                    } else {
                        alteredTables.add(c.key().name());
                    }
                }
                case COLUMN, PRIMARY_KEY, CHECK_CONSTRAINT, INDEX -> alteredTables.add(c.key().table());
                case FOREIGN_KEY -> fkChanges.put(c.key(), c);
                case SEQUENCE -> sequenceChanges.add(c);
                default -> objectChanges.add(c);
            }
        }

        Map<String, MysqlTableAlter.Result> alters = new LinkedHashMap<>();
        for (String t : alteredTables) {
            MysqlTableAlter.Result r = new MysqlTableAlter(golden, target, t, ddl, server).plan();
            warnings.addAll(r.warnings());
            alters.put(t, r);
        }

        // Foreign keys: those that change or go away, plus those a column or index change would trip over.
        Map<String, List<ForeignKey>> fkDrops = new TreeMap<>();
        Map<String, List<ForeignKey>> fkAdds = new TreeMap<>();
        for (ForeignKey fk : target.all(ForeignKey.class)) {
            Change change = fkChanges.get(fk.key());
            if (change != null) {
                fkDrops.computeIfAbsent(fk.table(), k -> new ArrayList<>()).add(fk);
            } else if (blocked(fk, alters)) {
                fkDrops.computeIfAbsent(fk.table(), k -> new ArrayList<>()).add(fk);
                // put back as golden has it, or as it was when golden does not have its table
                ForeignKey back = golden.get(fk.key()) instanceof ForeignKey gfk ? gfk : fk;
                fkAdds.computeIfAbsent(fk.table(), k -> new ArrayList<>()).add(back);
            }
        }
        for (Change c : fkChanges.values()) {
            if (c.after() instanceof ForeignKey gfk) {
                fkAdds.computeIfAbsent(gfk.table(), k -> new ArrayList<>()).add(gfk);
            }
        }
        for (String t : missingTables) {
            for (SchemaObject o : golden.partsOf("", t)) {
                if (o instanceof ForeignKey gfk) {
                    fkAdds.computeIfAbsent(t, k -> new ArrayList<>()).add(gfk);
                }
            }
        }

        List<PlanStatement> out = new ArrayList<>();
        for (Map.Entry<String, List<ForeignKey>> e : fkDrops.entrySet()) {
            MysqlStatements.Alter a = new MysqlStatements.Alter(e.getKey());
            for (ForeignKey fk : e.getValue()) {
                boolean stays = golden.get(fk.key()) != null && Objects.equals(golden.get(fk.key()), fk);
                a.add(MysqlDdl.dropForeignKey(fk.name()),
                        (stays ? "move foreign key " + fk.name() + " out of the way (re-added below)"
                                : golden.get(fk.key()) == null ? "drop extra foreign key " + fk.name()
                                : "re-create foreign key " + fk.name()),
                        stays ? new Hazard[]{Hazard.RECREATES_DEPENDENTS} : new Hazard[0]);
            }
            out.add(a.build(false));
        }

        MysqlCodeObjects code = new MysqlCodeObjects(golden, ddl);
        // sequences before tables: a column default may call NEXTVAL on one
        for (Change c : sequenceChanges) {
            if (c.type() != ChangeType.EXTRA) {
                out.addAll(code.sequence(c));
            }
        }
        for (String t : missingTables) {
            out.add(createTable(t));
        }
        for (MysqlTableAlter.Result r : alters.values()) {
            out.addAll(r.statements());
        }
        for (Map.Entry<String, List<ForeignKey>> e : fkAdds.entrySet()) {
            MysqlStatements.Alter a = new MysqlStatements.Alter(e.getKey());
            boolean fresh = missingTables.contains(e.getKey());
            for (ForeignKey fk : e.getValue().stream().sorted((x, y) -> x.name().compareTo(y.name())).toList()) {
                a.add(ddl.addForeignKey(fk), "add foreign key " + fk.name(),
                        fresh ? new Hazard[0] : new Hazard[]{Hazard.VALIDATES_ROWS, Hazard.REWRITES_TABLE});
            }
            out.add(a.build(false));
        }

        out.addAll(code.plan(objectChanges, missingTables));

        // extra tables before extra columns: a foreign key of an extra table may use an extra column
        out.addAll(dropTables(extraTables));
        for (MysqlTableAlter.Result r : alters.values()) {
            if (r.dropColumns() != null) {
                out.add(r.dropColumns());
            }
        }
        for (Change c : sequenceChanges) {
            if (c.type() == ChangeType.EXTRA) {
                out.addAll(code.sequence(c));
            }
        }

        List<String> preamble = new ArrayList<>(List.of(MysqlDdl.setLockWaitTimeout(lockWaitSeconds())));
        List<String> versioned = alteredTables.stream().filter(t -> target.get(Table.plain("", t).key()) instanceof Table tt
                && "true".equals(tt.options().get("system_versioning"))).toList();
        if (!versioned.isEmpty()) {
            // MariaDB refuses to ALTER a system-versioned table (error 4119) unless told what to do with
            // its history: KEEP leaves the history rows as they are (docs/reconciliation-mysql.md)
            preamble.add(MysqlDdl.keepVersioningHistory());
        }
        return new Plan(flavor, diff.goldenFingerprint(), diff.targetFingerprint(), false,
                out.isEmpty() ? List.of() : preamble, out, warnings);
    }

    /** The server takes whole seconds, at least one. */
    private long lockWaitSeconds() {
        long ms = options.lockTimeout().toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }

    /** A foreign key is in the way when a column it uses changes storage or an index it relies on is dropped. */
    private boolean blocked(ForeignKey fk, Map<String, MysqlTableAlter.Result> alters) {
        MysqlTableAlter.Result own = alters.get(fk.table());
        if (own != null && (fk.columns().stream().anyMatch(own.touchedColumns()::contains)
                || dropsLeadingIndex(fk.table(), fk.columns(), own))) {
            return true;
        }
        if (!fk.references().schema().isEmpty()) {
            return false;
        }
        MysqlTableAlter.Result parent = alters.get(fk.references().name());
        return parent != null && (fk.referencedColumns().stream().anyMatch(parent.touchedColumns()::contains)
                || dropsLeadingIndex(fk.references().name(), fk.referencedColumns(), parent));
    }

    /** True when a dropped index (or primary key) of {@code table} starts with {@code columns}. */
    private boolean dropsLeadingIndex(String table, List<String> columns, MysqlTableAlter.Result r) {
        for (SchemaObject o : target.partsOf("", table)) {
            List<String> leading = null;
            String name = null;
            if (o instanceof Index ix) {
                name = ix.name();
                leading = ix.parts().stream().map(IndexPart::column).toList();
            } else if (o instanceof PrimaryKey pk) {
                name = "PRIMARY";
                leading = pk.columns();
            }
            if (name != null && r.droppedIndexes().contains(name) && leading.size() >= columns.size()
                    && leading.subList(0, columns.size()).equals(columns)) {
                return true;
            }
        }
        return false;
    }

    /** CREATE TABLE with columns, keys and checks; foreign keys follow once every table exists. */
    private PlanStatement createTable(String name) {
        Table t = (Table) golden.get(Table.plain("", name).key());
        List<String> lines = new ArrayList<>();
        Map<String, dev.driftd.schema.CheckConstraint> columnChecks = MysqlTableAlter.columnChecks(golden, name);
        for (Column c : golden.columnsOf("", name)) {
            lines.add(ddl.column(c, columnChecks.get(c.name())));
        }
        for (SchemaObject o : golden.partsOf("", name)) {
            if (o instanceof PrimaryKey pk) {
                lines.add(ddl.primaryKey(pk));
            }
        }
        for (SchemaObject o : golden.partsOf("", name)) {
            if (o instanceof Index ix) {
                lines.add(ddl.index(ix));
            }
        }
        for (SchemaObject o : golden.partsOf("", name)) {
            if (o instanceof dev.driftd.schema.CheckConstraint ck && ck.column() == null) {
                lines.add(ddl.check(ck));
            }
        }
        List<String> opts = new ArrayList<>(ddl.tableOptions(t, true));
        for (String k : t.options().keySet()) {
            if (!MysqlDdl.isKnownOption(k)) {
                warnings.add("table " + name + ": option " + k + "=" + t.options().get(k)
                        + " is not written by driftd; set it by hand after the table is created");
            }
        }
        if (t.comment() != null) {
            opts.add(MysqlDdl.tableComment(t.comment()));
        }
        return MysqlStatements.statement(MysqlDdl.createTable(name, lines, opts, t.options().get("partitioning")),
                "create missing table " + name);
    }

    /**
     * Extra tables, children before the parents they reference; foreign keys between extra tables
     * that form a cycle are dropped first. All destructive.
     */
    private List<PlanStatement> dropTables(Set<String> extra) {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String t : extra) {
            Set<String> ps = new TreeSet<>();
            for (SchemaObject o : target.partsOf("", t)) {
                if (o instanceof ForeignKey fk && fk.references().schema().isEmpty()
                        && extra.contains(fk.references().name()) && !fk.references().name().equals(t)) {
                    ps.add(fk.references().name());
                }
            }
            parents.put(t, ps);
        }
        List<PlanStatement> out = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(extra);
        while (!left.isEmpty()) {
            // a table no remaining extra table references can go now
            String next = left.stream().filter(t -> left.stream().noneMatch(o -> !o.equals(t)
                    && parents.get(o).contains(t))).findFirst().orElse(null);
            if (next == null) {
                next = left.iterator().next();
                for (SchemaObject o : target.partsOf("", next)) {
                    if (o instanceof ForeignKey fk && left.contains(fk.references().name())
                            && fk.references().schema().isEmpty() && !fk.references().name().equals(next)) {
                        out.add(MysqlStatements.statement(MysqlDdl.dropForeignKeyAlone(next, fk.name()), "break the foreign key cycle among extra tables",
                                true, Set.of(Hazard.DELETES_DATA)));
                    }
                }
                parents.get(next).clear();
                // the tables it referenced no longer wait on it; re-evaluate
                continue;
            }
            left.remove(next);
            order.add(next);
        }
        for (String t : order) {
            out.add(MysqlStatements.statement(MysqlDdl.dropTable(t), "drop extra table " + t
                    + " and its data", true, Set.of(Hazard.DELETES_DATA)));
        }
        return out;
    }
}
