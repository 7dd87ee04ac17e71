package dev.driftd.dialect.mysql;

import dev.driftd.plan.Hazard;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ALTER TABLE statements that turn one table the target and golden both have into golden's:
 * columns (with FIRST / AFTER restoring golden's order), primary key, indexes, checks, options,
 * character set and partitioning. Foreign keys are not touched here; instead the result says
 * which columns change storage and which indexes go away, so the planner can move the foreign
 * keys that would block them (MySQL error 1553) out of the way.
 */
final class MysqlTableAlter {
    /** What the planner needs: statements in order, the destructive column drop, and what they disturb. */
    record Result(List<PlanStatement> statements, PlanStatement dropColumns, Set<String> touchedColumns,
                  Set<String> droppedIndexes, List<String> warnings) {
    }

    private final MysqlDdl ddl;
    private final MysqlTargetServer server;
    private final String name;
    private final Table g;
    private final Table t;
    private final List<Column> gCols;
    private final List<Column> tCols;
    private final Map<String, Index> gIdx = new TreeMap<>();
    private final Map<String, Index> tIdx = new TreeMap<>();
    private final Map<String, CheckConstraint> gChk = new TreeMap<>();
    private final Map<String, CheckConstraint> tChk = new TreeMap<>();
    /** Column-level checks (MariaDB), by column: they live in the column's definition. */
    private final Map<String, CheckConstraint> gColChk;
    private final Map<String, CheckConstraint> tColChk;
    private PrimaryKey gPk;
    private PrimaryKey tPk;

    /** How many ADD COLUMN clauses the main ALTER holds: INSTANT only when that is all it holds. */
    private int appendsOnly;
    private final Set<String> touched = new TreeSet<>();
    private final Set<String> dropped = new TreeSet<>();
    private final List<String> warnings = new ArrayList<>();

    MysqlTableAlter(Snapshot golden, Snapshot target, String name, MysqlDdl ddl, MysqlTargetServer server) {
        this.ddl = ddl;
        this.server = server;
        this.name = name;
        this.g = (Table) golden.get(Table.plain("", name).key());
        this.t = (Table) target.get(Table.plain("", name).key());
        this.gCols = golden.columnsOf("", name);
        this.tCols = target.columnsOf("", name);
        for (SchemaObject o : golden.partsOf("", name)) {
            collect(o, gIdx, gChk, true);
        }
        this.gColChk = columnChecks(golden, name);
        this.tColChk = columnChecks(target, name);
        for (SchemaObject o : target.partsOf("", name)) {
            collect(o, tIdx, tChk, false);
        }
    }

    private void collect(SchemaObject o, Map<String, Index> idx, Map<String, CheckConstraint> chk, boolean golden) {
        if (o instanceof Index i) {
            idx.put(i.name(), i);
        } else if (o instanceof CheckConstraint c && c.column() == null) {
            chk.put(c.name(), c);
        } else if (o instanceof PrimaryKey pk) {
            if (golden) {
                gPk = pk;
            } else {
                tPk = pk;
            }
        }
    }

    private static Column withoutAutoIncrement(Column c) {
        return new Column(c.schema(), c.table(), c.name(), c.position(), c.type(), c.nullable(), c.defaultExpression(),
                c.identity(), c.generated(), c.generatedKind(), c.charset(), c.collation(), false, c.onUpdate(),
                c.invisible(), c.comment());
    }

    /** The column-level checks of a table, by the column whose definition holds them. */
    static Map<String, CheckConstraint> columnChecks(Snapshot snapshot, String table) {
        Map<String, CheckConstraint> out = new TreeMap<>();
        for (SchemaObject o : snapshot.partsOf("", table)) {
            if (o instanceof CheckConstraint c && c.column() != null) {
                out.put(c.column(), c);
            }
        }
        return out;
    }

    /** Whether the column's own check differs, so the column must be restated (MODIFY) to fix it. */
    private boolean columnCheckChanges(String column) {
        return !Objects.equals(gColChk.get(column), tColChk.get(column));
    }

    Result plan() {
        List<PlanStatement> out = new ArrayList<>();
        String gPart = g.options().get("partitioning");
        String tPart = t.options().get("partitioning");
        boolean repartition = !Objects.equals(gPart, tPart);
        boolean uniqueKeysChange = !Objects.equals(gPk, tPk) || uniqueIndexesChange();
        if (repartition && tPart != null && (gPart == null || uniqueKeysChange)) {
            // Unique keys must contain the partitioning columns: take the old scheme off before keys change.
            out.add(MysqlStatements.statement(MysqlDdl.removePartitioning(name),
                    "table " + name + ": remove partitioning", Hazard.REWRITES_TABLE));
        }

        boolean convert = !Objects.equals(g.options().get("charset"), t.options().get("charset"))
                || !Objects.equals(g.options().get("collation"), t.options().get("collation"));
        if (convert) {
            out.add(convertStatement());
        }

        MysqlStatements.Alter main = new MysqlStatements.Alter(name);
        MysqlStatements.Alter checkDrops = new MysqlStatements.Alter(name);
        MysqlStatements.Alter indexes = new MysqlStatements.Alter(name);
        List<PlanStatement> lossy = new ArrayList<>();

        Map<String, Column> gByName = byName(gCols);
        Map<String, Column> tByName = byName(tCols);
        if (convert) {
            for (Column c : tCols) {
                if (isCharacterType(c.type())) {
                    touched.add(c.name());
                }
            }
        }

        // Generated columns whose expression or kind changes are dropped and added again.
        Set<String> recreate = new LinkedHashSet<>();
        for (Column tc : tCols) {
            Column gc = gByName.get(tc.name());
            if (gc != null && new MysqlColumnChange(tc, gc, null, null).needsRecreate()) {
                recreate.add(tc.name());
                touched.add(tc.name());
            }
        }

        // Indexes: extra ones and those on re-created columns go in the main ALTER (before the
        // column is dropped); changed and missing ones in their own, possibly online, ALTER.
        Set<String> indexDropsInMain = new TreeSet<>();
        for (Index ti : tIdx.values()) {
            Index gi = gIdx.get(ti.name());
            if (gi == null || usesAny(ti, recreate)) {
                indexDropsInMain.add(ti.name());
            }
        }
        for (String ix : indexDropsInMain) {
            main.add(MysqlDdl.dropIndex(ix), gIdx.containsKey(ix) ? "re-create index " + ix
                    : "drop extra index " + ix, Hazard.INDEX_DROPPED);
            dropped.add(ix);
        }
        if (tPk != null && !tPk.equals(gPk)) {
            // An AUTO_INCREMENT column must stay a key: one golden drops (in the later, destructive
            // statement) loses AUTO_INCREMENT first, in this ALTER, or the server refuses DROP PRIMARY KEY
            // ("there can be only one auto column and it must be defined as a key").
            for (Column tc : tCols) {
                if (tc.autoIncrement() && !gByName.containsKey(tc.name()) && tPk.columns().contains(tc.name())) {
                    main.add(ddl.modifyColumn(withoutAutoIncrement(tc), tColChk.get(tc.name()), null),
                            "column " + tc.name() + " loses AUTO_INCREMENT before its primary key is dropped",
                            Hazard.REWRITES_TABLE);
                }
            }
            main.add(MysqlDdl.DROP_PRIMARY_KEY, gPk == null ? "drop extra primary key" : "change primary key",
                    Hazard.REWRITES_TABLE, Hazard.INDEX_DROPPED);
            dropped.add("PRIMARY");
        }
        for (CheckConstraint tc : tChk.values()) {
            CheckConstraint gc = gChk.get(tc.name());
            if (!tc.equals(gc)) {
                MysqlStatements.Alter into = ddl.dropCheckSharesAlter() ? main : checkDrops;
                into.add(ddl.dropCheck(tc.name()), gc == null ? "drop extra check " + tc.name()
                        : "re-create check " + tc.name());
            }
        }
        for (String r : recreate) {
            boolean losesData = new MysqlColumnChange(tByName.get(r), gByName.get(r), null, null).recreateLosesData();
            main.add(MysqlDdl.dropColumn(r), "re-create generated column " + r,
                    losesData ? new Hazard[]{Hazard.REWRITES_TABLE, Hazard.DELETES_DATA}
                            : new Hazard[]{Hazard.REWRITES_TABLE});
        }

        boolean onlyAppends = placeColumns(main, lossy, gByName, tByName, recreate, convert);

        if (gPk != null && !gPk.equals(tPk)) {
            main.add(ddl.addPrimaryKey(gPk), tPk == null ? "add primary key" : "change primary key",
                    Hazard.REWRITES_TABLE, Hazard.VALIDATES_ROWS);
        }
        for (CheckConstraint gc : gChk.values()) {
            if (!gc.equals(tChk.get(gc.name()))) {
                main.add(ddl.addCheck(gc), tChk.containsKey(gc.name()) ? "re-create check " + gc.name()
                        : "add check " + gc.name(), Hazard.VALIDATES_ROWS);
            }
        }
        tableOptions(main);

        // An AUTO_INCREMENT column must be a key when the statement making it one ends.
        boolean autoIncrementKeyNeeded = gCols.stream().anyMatch(c -> c.autoIncrement()
                && (tByName.get(c.name()) == null || !tByName.get(c.name()).autoIncrement()));
        MysqlStatements.Alter indexTarget = autoIncrementKeyNeeded ? main : indexes;
        boolean online = true;
        for (Index gi : gIdx.values()) {
            Index ti = tIdx.get(gi.name());
            boolean droppedInMain = indexDropsInMain.contains(gi.name());
            if (ti != null && gi.equals(ti) && !droppedInMain) {
                continue;
            }
            if (ti != null && !droppedInMain && onlyVisibilityDiffers(ti, gi)) {
                // DROP + ADD of the same definition is a no-op to MariaDB, which then keeps the flag
                indexes.add(ddl.indexVisibility(gi), "set visibility of index " + gi.name());
                continue;
            }
            if (ti != null && !droppedInMain) {
                indexTarget.add(MysqlDdl.dropIndex(gi.name()), "re-create index " + gi.name(),
                        Hazard.INDEX_DROPPED);
                dropped.add(gi.name());
            }
            Hazard[] hz = gi.unique() ? new Hazard[]{Hazard.INDEX_BUILD, Hazard.VALIDATES_ROWS}
                    : new Hazard[]{Hazard.INDEX_BUILD};
            indexTarget.add(ddl.addIndex(gi), (ti == null ? "add index " : "re-create index ") + gi.name(), hz);
            online &= onlineBuildable(gi, gByName);
        }

        if (onlyAppends && !main.isEmpty() && main.clauses().size() == appendsOnly && instantAddAllowed(gByName)) {
            main.option(MysqlDdl.ALGORITHM_INSTANT);
        }
        if (!checkDrops.isEmpty()) {
            out.add(checkDrops.build(false));
        }
        if (!main.isEmpty()) {
            out.add(main.build(main.hazards().contains(Hazard.DELETES_DATA)));
        }
        List<String> lingering = lingeringEngineOptions();
        if (!lingering.isEmpty()) {
            MysqlStatements.Alter clear = new MysqlStatements.Alter(name);
            for (String o : lingering) {
                clear.add(MysqlDdl.resetOption(o),
                        "clear " + o + ", which MariaDB keeps from the old engine", Hazard.REWRITES_TABLE);
            }
            out.add(clear.build(false));
        }
        out.addAll(lossy);
        if (!indexes.isEmpty()) {
            if (online && server.onlineIndexBuild() && isInnodb(g) && isInnodb(t)
                    && gPart == null && tPart == null) {
                indexes.option(MysqlDdl.ALGORITHM_INPLACE).option(MysqlDdl.LOCK_NONE);
            }
            out.add(indexes.build(false));
        }
        if (repartition && gPart != null) {
            out.add(MysqlStatements.statement(MysqlDdl.alterTable(name, List.of(MysqlDdl.partitionClause(gPart))),
                    "table " + name + ": " + (tPart == null ? "partition" : "re-partition"), Hazard.REWRITES_TABLE));
        }

        PlanStatement dropColumns = null;
        List<String> extra = tCols.stream().map(Column::name).filter(c -> !gByName.containsKey(c)).toList();
        if (!extra.isEmpty()) {
            MysqlStatements.Alter drop = new MysqlStatements.Alter(name);
            for (String c : extra) {
                drop.add(MysqlDdl.dropColumn(c), "drop extra column " + c + " and its data",
                        Hazard.DELETES_DATA, Hazard.REWRITES_TABLE);
                touched.add(c);
            }
            dropColumns = drop.build(true);
        }
        return new Result(out, dropColumns, touched, dropped, warnings);
    }

    /**
     * Adds, moves and modifies columns in golden order. Each column that must move (it is not in
     * the longest run of columns already in golden's relative order) is placed right after its
     * golden predecessor; since the server applies the actions of one ALTER in sequence, placing
     * them in golden order makes every predecessor already sit where it belongs. Returns true when
     * the only actions are columns appended at the end (the case ALGORITHM=INSTANT covers).
     */
    private boolean placeColumns(MysqlStatements.Alter main, List<PlanStatement> lossy, Map<String, Column> gByName,
                                 Map<String, Column> tByName, Set<String> recreate, boolean convert) {
        List<String> sim = new ArrayList<>(tCols.stream().map(Column::name).toList());
        sim.removeAll(recreate);
        Set<String> stay = stayInPlace(sim, gByName);
        boolean onlyAppends = main.isEmpty();
        appendsOnly = 0;
        for (int i = 0; i < gCols.size(); i++) {
            Column gc = gCols.get(i);
            String prev = i == 0 ? null : gCols.get(i - 1).name();
            String position = MysqlDdl.position(prev);
            Column tc = tByName.get(gc.name());
            if (tc == null || recreate.contains(gc.name())) {
                boolean atEnd = prev != null && !sim.isEmpty() && sim.get(sim.size() - 1).equals(prev);
                main.add(ddl.addColumn(gc, gColChk.get(gc.name()), atEnd ? null : position),
                        (tc == null ? "add column " : "re-create generated column ") + gc.name(),
                        atEnd ? new Hazard[0] : new Hazard[]{Hazard.REWRITES_TABLE});
                onlyAppends &= atEnd && appendableInstantly(gc);
                appendsOnly++;
                place(sim, gc.name(), prev);
                continue;
            }
            Column effective = convert && isCharacterType(tc.type())
                    ? withInheritedCharset(tc) : tc;
            boolean forced = convert && isCharacterType(gc.type());
            MysqlColumnChange change = new MysqlColumnChange(effective, gc,
                    (convert ? g : t).options().get("charset"), g.options().get("charset"));
            boolean checkChanges = columnCheckChanges(gc.name());
            boolean changed = forced || !effective.equalsIgnoringPosition(gc) || checkChanges;
            boolean mayLose = changed && change.mayLoseData();
            if (changed && change.changesStorage()) {
                touched.add(gc.name());
            }
            List<Hazard> hz = new ArrayList<>();
            if (changed && !change.sameType()) {
                hz.add(Hazard.REWRITES_TABLE);
            }
            if (changed && change.tightensNullability() || checkChanges && gColChk.containsKey(gc.name())) {
                hz.add(Hazard.VALIDATES_ROWS);
            }
            if (!stay.contains(gc.name())) {
                hz.add(Hazard.REWRITES_TABLE);
                Column def = mayLose ? effective : gc;
                CheckConstraint defCheck = (mayLose ? tColChk : gColChk).get(gc.name());
                main.add(ddl.modifyColumn(def, defCheck, position),
                        (changed && !mayLose ? "change and move column " : "move column ") + gc.name(),
                        hz.toArray(Hazard[]::new));
                onlyAppends = false;
                place(sim, gc.name(), prev);
            } else if (changed && !mayLose) {
                main.add(ddl.modifyColumn(gc, gColChk.get(gc.name()), null), "change column " + gc.name()
                        + (checkChanges ? " (its column check)" : ""), hz.toArray(Hazard[]::new));
                onlyAppends = false;
            }
            if (mayLose) {
                MysqlStatements.Alter one = new MysqlStatements.Alter(name);
                one.add(ddl.modifyColumn(gc, gColChk.get(gc.name()), null), "change column " + gc.name()
                        + " from " + describe(effective) + " to " + describe(gc)
                        + ", which may truncate or convert existing values", Hazard.REWRITES_TABLE, Hazard.DELETES_DATA);
                lossy.add(one.build(true));
            }
        }
        return onlyAppends;
    }

    /** Column names of the longest run, in target order, that is already in golden's relative order. */
    private Set<String> stayInPlace(List<String> targetOrder, Map<String, Column> gByName) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < gCols.size(); i++) {
            rank.put(gCols.get(i).name(), i);
        }
        List<String> common = targetOrder.stream().filter(gByName::containsKey).toList();
        int n = common.size();
        int[] len = new int[n];
        int[] back = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            len[i] = 1;
            back[i] = -1;
            for (int j = 0; j < i; j++) {
                if (rank.get(common.get(j)) < rank.get(common.get(i)) && len[j] + 1 > len[i]) {
                    len[i] = len[j] + 1;
                    back[i] = j;
                }
            }
            if (best < 0 || len[i] > len[best]) {
                best = i;
            }
        }
        Set<String> out = new HashSet<>();
        for (int i = best; i >= 0; i = back[i]) {
            out.add(common.get(i));
        }
        return out;
    }

    private static void place(List<String> sim, String column, String after) {
        sim.remove(column);
        sim.add(after == null ? 0 : sim.indexOf(after) + 1, column);
    }

    private PlanStatement convertStatement() {
        String cs = g.options().get("charset");
        String coll = g.options().get("collation");
        String from = t.options().get("charset");
        boolean lossy = !MysqlColumnChange.charsetWidens(from, cs);
        String reason = "table " + name + ": convert to character set " + cs + (coll == null ? "" : " collation " + coll)
                + (lossy ? " from " + from + ", which may lose characters " + cs + " lacks" : "");
        return MysqlStatements.statement(MysqlDdl.convertCharset(name, cs, coll), reason, lossy,
                lossy ? Set.of(Hazard.REWRITES_TABLE, Hazard.DELETES_DATA) : Set.of(Hazard.REWRITES_TABLE));
    }

    private void tableOptions(MysqlStatements.Alter main) {
        Map<String, String> go = new LinkedHashMap<>(g.options());
        Map<String, String> to = new LinkedHashMap<>(t.options());
        for (String k : List.of("charset", "collation", "partitioning")) {
            go.remove(k);
            to.remove(k);
        }
        Set<String> keys = new TreeSet<>(go.keySet());
        keys.addAll(to.keySet());
        boolean engineChanges = !Objects.equals(go.get("engine"), to.get("engine"));
        for (String k : keys) {
            String gv = go.get(k);
            if (Objects.equals(gv, to.get(k))) {
                continue;
            }
            if (engineChanges && gv == null && lingeringEngineOptions().contains(k)) {
                continue; // reset in a statement of their own, after the engine change
            }
            Hazard[] hz = k.equals("engine") || k.equals("row_format") || k.equals("key_block_size")
                    ? new Hazard[]{Hazard.REWRITES_TABLE} : new Hazard[0];
            if (gv != null) {
                Table only = new Table("", name, null, null, null, null, null, Map.of(k, gv), false, false, null);
                List<String> rendered = ddl.tableOptions(only, false);
                if (rendered.isEmpty()) {
                    warnings.add("table " + name + ": option " + k + " differs (" + to.get(k) + " here, " + gv
                            + " in golden) and driftd does not know how to set it");
                } else {
                    main.add(rendered.get(0), "set " + k + " " + gv, hz);
                }
            } else if (k.equals("system_versioning")) {
                main.add(MysqlDdl.DROP_SYSTEM_VERSIONING, "stop system versioning and delete the table's history",
                        Hazard.DELETES_DATA, Hazard.REWRITES_TABLE);
            } else if (k.equals("row_format")) {
                main.add(MysqlDdl.RESET_ROW_FORMAT, "reset row_format", hz);
            } else if (k.equals("key_block_size")) {
                main.add(MysqlDdl.RESET_KEY_BLOCK_SIZE, "reset key_block_size", hz);
            } else if (MysqlDdl.isSimpleOption(k)) {
                main.add(MysqlDdl.resetOption(k), "reset " + k, hz);
            } else {
                warnings.add("table " + name + ": option " + k + "=" + to.get(k)
                        + " is set here but not in golden, and driftd does not know how to reset it");
            }
        }
        if (!Objects.equals(g.comment(), t.comment())) {
            main.add(MysqlDdl.tableComment(g.comment()), "set table comment");
        }
        if (!Objects.equals(g.partitionKey(), t.partitionKey()) || !Objects.equals(g.partitionBound(), t.partitionBound())
                || !Objects.equals(g.partitionOf(), t.partitionOf()) || !Objects.equals(g.inherits(), t.inherits())
                || g.tableKind() != t.tableKind()) {
            warnings.add("table " + name + ": PostgreSQL-only table properties differ; MySQL has nothing to change");
        }
    }

    /**
     * MariaDB carries Aria's PAGE_CHECKSUM / TRANSACTIONAL over a change to another engine and only drops
     * them in a later ALTER of their own (checked on 10.11), so they are reset after the change.
     */
    private List<String> lingeringEngineOptions() {
        if (!ddl.isMariadb() || Objects.equals(g.options().get("engine"), t.options().get("engine"))
                || !"aria".equalsIgnoreCase(t.options().get("engine"))) {
            return List.of();
        }
        return List.of("page_checksum", "transactional").stream().filter(o -> !g.options().containsKey(o)).toList();
    }

    private boolean uniqueIndexesChange() {
        Set<String> names = new TreeSet<>(gIdx.keySet());
        names.addAll(tIdx.keySet());
        for (String n : names) {
            Index a = gIdx.get(n);
            Index b = tIdx.get(n);
            if (!Objects.equals(a, b) && ((a != null && a.unique()) || (b != null && b.unique()))) {
                return true;
            }
        }
        return false;
    }

    private boolean instantAddAllowed(Map<String, Column> gByName) {
        if (!server.instantAddColumn() || !isInnodb(g) || !isInnodb(t)
                || t.options().get("partitioning") != null
                || "COMPRESSED".equalsIgnoreCase(t.options().get("row_format"))) {
            return false;
        }
        // InnoDB's hidden FTS_DOC_ID column keeps tables with a FULLTEXT index off the instant path.
        return tIdx.values().stream().noneMatch(i -> "FULLTEXT".equalsIgnoreCase(i.method()));
    }

    /** Plain columns with a constant default; generated, AUTO_INCREMENT and expression defaults are not instant everywhere. */
    private static boolean appendableInstantly(Column c) {
        if (c.generated() != null || c.autoIncrement() || c.onUpdate() != null || c.invisible()) {
            return false;
        }
        String d = c.defaultExpression();
        return d == null || !MysqlDdl.defaultClause(d).startsWith("(")
                && !d.toLowerCase(Locale.ROOT).matches("(current_timestamp|now|localtime|localtimestamp).*");
    }

    private static boolean onlineBuildable(Index ix, Map<String, Column> gByName) {
        String method = ix.method() == null ? "" : ix.method().toUpperCase(Locale.ROOT);
        // HASH: MariaDB builds a UNIQUE ... USING HASH key (a "long unique", as on BLOB columns) on a hidden
        // virtual column, which ALGORITHM=INPLACE refuses ("INPLACE ADD or DROP of virtual columns")
        if (method.equals("FULLTEXT") || method.equals("SPATIAL") || method.equals("HASH")) {
            return false;
        }
        for (IndexPart p : ix.parts()) {
            if (p.column() == null) {
                return false;
            }
            Column c = gByName.get(p.column());
            if (c == null || c.generated() != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyVisibilityDiffers(Index a, Index b) {
        Index plainA = new Index(a.schema(), a.table(), a.name(), a.unique(), a.method(), a.parts(), a.include(),
                a.predicate(), a.nullsNotDistinct(), withoutVisibility(a.options()), a.comment());
        Index plainB = new Index(b.schema(), b.table(), b.name(), b.unique(), b.method(), b.parts(), b.include(),
                b.predicate(), b.nullsNotDistinct(), withoutVisibility(b.options()), b.comment());
        return plainA.equals(plainB);
    }

    private static Map<String, String> withoutVisibility(Map<String, String> options) {
        Map<String, String> out = new TreeMap<>(options);
        out.keySet().removeAll(List.of("invisible", "ignored", "visible"));
        return out;
    }

    private static boolean usesAny(Index ix, Set<String> columns) {
        return ix.parts().stream().anyMatch(p -> p.column() != null && columns.contains(p.column()));
    }

    private static boolean isInnodb(Table table) {
        return "innodb".equalsIgnoreCase(table.options().getOrDefault("engine", "InnoDB"));
    }

    static boolean isCharacterType(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("char") || t.startsWith("varchar") || t.endsWith("text") || t.startsWith("enum")
                || t.startsWith("set(") || t.startsWith("set ");
    }

    private static Column withInheritedCharset(Column c) {
        return new Column(c.schema(), c.table(), c.name(), c.position(), c.type(), c.nullable(), c.defaultExpression(),
                c.identity(), c.generated(), c.generatedKind(), null, null, c.autoIncrement(), c.onUpdate(),
                c.invisible(), c.comment());
    }

    private static String describe(Column c) {
        return c.type() + (c.charset() == null ? "" : " " + c.charset()) + (c.collation() == null ? "" : " " + c.collation());
    }

    private static Map<String, Column> byName(List<Column> cols) {
        Map<String, Column> out = new LinkedHashMap<>();
        for (Column c : cols) {
            out.put(c.name(), c);
        }
        return out;
    }
}
