package dev.driftd.dialect.postgres;

import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Change;
import dev.driftd.diff.ChangeType;
import dev.driftd.diff.Diff;
import dev.driftd.diff.FieldChange;
import dev.driftd.diff.ModelField;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.ColumnStatistics;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.ExclusionConstraint;
import dev.driftd.schema.Extension;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Policy;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Privilege;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Rule;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TextSearchConfiguration;
import dev.driftd.schema.TextSearchDictionary;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.UniqueConstraint;
import dev.driftd.schema.View;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the PostgreSQL DDL that turns the target into golden. {@link PgRebuildSet} first decides what
 * must go: extra and changed objects, and everything that blocks a change (views reading a column whose
 * type changes, foreign keys over it, triggers using a function that is re-created, ...); those
 * are dropped first and re-created from golden after the change. Statements are then emitted in
 * phases (dependents dropped, types, sequences, functions, tables, columns, constraints, indexes,
 * foreign keys, views, routines, triggers, policies, comments, late drops) so that each runs after
 * what it needs. DDL names the target's real schemas; expressions taken from golden (defaults,
 * view queries, routine bodies) are scope-relative and resolve through the {@code search_path}
 * the preamble sets, the same one the inspector read them with. Whatever cannot be reconciled is
 * a plan warning, never a silent skip.
 */
final class PostgresPlanner {
    /** Suffix of an enum type renamed out of the way while its replacement is built. */
    static final String OLD_ENUM_SUFFIX = "__driftd_old";

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    /** Emission order; drops of dependents first, late drops of what nothing uses any more last. */
    enum Phase {
        DROP_TRIGGERS, DROP_POLICIES, DROP_VIEWS, DROP_DEFAULTS, DROP_ROUTINES_EARLY, DROP_FOREIGN_KEYS, DROP_CONSTRAINTS,
        DROP_INDEXES, DROP_TABLES, SCHEMAS, EXTENSIONS, TYPES, SEQUENCES, FUNCTIONS, TABLES, PARTITIONS, COLUMNS,
        DROP_SEQUENCES, IDENTITIES, TABLE_PROPERTIES, SEQUENCE_OWNERS, CONSTRAINTS, INDEXES, FOREIGN_KEYS, VIEWS, VIEW_INDEXES, PROCEDURES, TRIGGERS,
        POLICIES, COMMENTS, PRIVILEGES, DROP_ROUTINES, DROP_TYPES, DROP_EXTENSIONS, DROP_SCHEMAS
    }

    private record Step(Phase phase, PlanStatement statement) {
    }

    private static final Set<ObjectKind> REBUILDABLE = EnumSet.of(ObjectKind.PRIMARY_KEY,
            ObjectKind.UNIQUE_CONSTRAINT, ObjectKind.CHECK_CONSTRAINT, ObjectKind.EXCLUSION_CONSTRAINT,
            ObjectKind.INDEX, ObjectKind.FOREIGN_KEY, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW,
            ObjectKind.TRIGGER, ObjectKind.POLICY);

    private final Snapshot golden;
    private final Snapshot target;
    private final PlanOptions options;
    private final PgDdl ddl;
    private final int serverMajor;

    PostgresPlanner(Snapshot golden, Snapshot target, PlanOptions options) {
        this.golden = Objects.requireNonNull(golden, "golden");
        this.target = Objects.requireNonNull(target, "target");
        this.options = options == null ? PlanOptions.DEFAULT : options;
        this.ddl = new PgDdl(target.getScope());
        this.serverMajor = majorVersion(target.getServerVersion());
    }

    Plan plan(Diff diff) {
        if (target.getFlavor() != null && target.getFlavor() != Flavor.POSTGRES) {
            throw new IllegalArgumentException("the PostgreSQL planner cannot plan for a " + target.getFlavor() + " target");
        }
        // Enum values added in place cannot be used in the same transaction; an enum whose new
        // labels the rest of the plan uses is re-planned through the rename-and-recreate route.
        Set<ObjectKey> recreateEnums = new TreeSet<>();
        while (true) {
            Attempt attempt = new Attempt(diff, recreateEnums);
            attempt.run();
            Set<ObjectKey> unsafe = attempt.enumsUsedInPlan();
            if (unsafe.isEmpty() || recreateEnums.containsAll(unsafe)) {
                return attempt.toPlan();
            }
            recreateEnums.addAll(unsafe);
        }
    }

    /** Preamble: lock timeout, the inspector's search_path, and no body checks (functions may name later tables). */
    List<String> preamble() {
        List<String> out = new ArrayList<>();
        out.add(PgDdl.setLockTimeout(durationSetting(options.lockTimeout())));
        out.add(PgDdl.skipFunctionBodyChecks());
        out.add(PgDdl.setSearchPath(searchPath()));
        return out;
    }

    /**
     * The search_path golden's text was deparsed with (see {@link PgCatalog#SET_SEARCH_PATH}): the
     * scoped schema alone in a single-schema scope, so its unqualified names resolve to the target's
     * schema; empty for a whole database, where the server printed every name qualified.
     */
    private String searchPath() {
        if (target.getScope() != null && target.getScope().relative()) {
            return PgDdl.ident(ddl.schema(""));
        }
        return "''";
    }

    static String durationSetting(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    static int majorVersion(String version) {
        if (version == null) {
            return 0;
        }
        Matcher m = VERSION.matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** One planning pass over the diff with a fixed set of enums to re-create. */
    private final class Attempt implements PgPlanSteps {
        private final List<Step> steps = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<ObjectKey, Change> changes = new TreeMap<>();
        /** What is dropped and re-created, decided before any statement; the fields below are its read-only views. */
        private final PgRebuildSet rebuild;
        private final Set<ObjectKey> drop;
        private final Set<ObjectKey> create;
        private final Map<ObjectKey, String> rebuildReason;
        private final Set<ObjectKey> replaceViews;
        private final Set<ObjectKey> validate;
        private final Set<ObjectKey> readdColumns;
        private final Set<ObjectKey> droppedRelations;
        private final Set<ObjectKey> recreateTables;
        private final Set<ObjectKey> createTables;
        private final Map<ObjectKey, List<String>> addedLabels;
        private final Map<ObjectKey, String> rebuiltRoutines;
        /** What a step creates or drops, by identity, for the dependency order of {@link PgStepOrder}. */
        private final Map<Step, PgStepOrder.Subject> subjects = new IdentityHashMap<>();

        Attempt(Diff diff, Set<ObjectKey> recreateEnums) {
            for (Change c : diff.changes()) {
                if (c.drift()) {
                    changes.put(c.key(), c);
                }
            }
            if (!diff.notInspected().isEmpty()) {
                warnings.add("not inspected, so not reconciled: " + diff.notInspected().stream()
                        .map(ObjectKind::label).sorted().toList());
            }
            rebuild = PgRebuildSet.decide(golden, target, changes, serverMajor, recreateEnums);
            warnings.addAll(rebuild.warnings());
            drop = rebuild.drop();
            create = rebuild.create();
            rebuildReason = rebuild.rebuildReason();
            replaceViews = rebuild.replaceViews();
            validate = rebuild.validate();
            readdColumns = rebuild.readdColumns();
            droppedRelations = rebuild.droppedRelations();
            recreateTables = rebuild.recreateTables();
            createTables = rebuild.createTables();
            addedLabels = rebuild.addedLabels();
            rebuiltRoutines = rebuild.rebuiltRoutines();
        }

        void run() {
            emit();
            if (steps.size() > 2000) {
                warnings.add(steps.size() + " statements run in one transaction; PostgreSQL may need a larger "
                        + "max_locks_per_transaction, or the plan applied in parts");
            }
        }

        // ---- statements, in phases, from the rebuild set and the changes altered in place ---------------

        private void emit() {
            emitSchemasAndExtensions();
            new PgTypeChanges(changes, rebuild, ddl, this).emit();
            emitSequences();
            emitRoutines();
            emitRebuiltRoutines();
            emitDependentDrops();
            new PgTableChanges(golden, target, ddl, serverMajor, changes, rebuild, this).emit();
            emitConstraintsAndIndexes();
            emitViews();
            emitTriggersAndPolicies();
            emitCatalogKinds();
            emitComments();
            Set<ObjectKey> rebuilt = new TreeSet<>(drop);
            rebuilt.retainAll(create);
            rebuilt.addAll(recreateTables);
            List<Privilege> goldenPrivileges = new ArrayList<>();
            for (SchemaObject o : golden.byKey().values()) {
                if (o instanceof Privilege p) {
                    goldenPrivileges.add(p);
                }
            }
            for (PgPrivilegePlanner.Statement s : new PgPrivilegePlanner(ddl, changes.values(), rebuilt,
                    goldenPrivileges).statements()) {
                add(Phase.PRIVILEGES, s.sql(), s.reason());
            }
        }

        @Override
        public void add(Phase phase, String sql, String reason, Hazard... hazards) {
            steps.add(new Step(phase, PlanStatement.of(sql, reason, hazards)));
        }

        @Override
        public void addOn(ObjectKey table, Phase phase, String sql, String reason, Hazard... hazards) {
            if (table != null && recreateTables.contains(table)) {
                Set<Hazard> set = hazards.length == 0 ? EnumSet.noneOf(Hazard.class) : EnumSet.of(hazards[0], hazards);
                steps.add(new Step(phase, new PlanStatement(sql, set, true,
                        reason + " (after " + table.display() + " is created again)", false)));
                return;
            }
            add(phase, sql, reason, hazards);
        }

        @Override
        public void creates(ObjectKey key) {
            subjects.put(steps.get(steps.size() - 1), new PgStepOrder.Subject(key, null));
        }

        @Override
        public void drops(ObjectKey key) {
            subjects.put(steps.get(steps.size() - 1), new PgStepOrder.Subject(null, key));
        }

        @Override
        public void addDestructive(Phase phase, String sql, String reason, Hazard... hazards) {
            Set<Hazard> set = EnumSet.of(Hazard.DELETES_DATA, hazards);
            steps.add(new Step(phase, new PlanStatement(sql, set, true, reason, false)));
        }

        private void emitSchemasAndExtensions() {
            for (Change c : changes.values()) {
                if (c.kind() == ObjectKind.SCHEMA) {
                    String name = c.key().name();
                    switch (c.type()) {
                        case MISSING -> add(Phase.SCHEMAS, ddl.createSchema(name), "missing schema");
                        case EXTRA -> {
                            boolean holdsData = target.all(Table.class).stream().anyMatch(t -> t.schema().equals(name))
                                    || target.all(View.class).stream().anyMatch(v -> v.materialized() && v.schema().equals(name));
                            if (holdsData) {
                                addDestructive(Phase.DROP_SCHEMAS, ddl.dropSchema(name),
                                        "extra schema; it still holds tables until they are dropped");
                            } else {
                                add(Phase.DROP_SCHEMAS, ddl.dropSchema(name), "extra schema");
                            }
                        }
                        case CHANGED -> unhandled(c, ModelField.COMMENT);
                    }
                } else if (c.kind() == ObjectKind.EXTENSION) {
                    switch (c.type()) {
                        case MISSING -> add(Phase.EXTENSIONS, ddl.createExtension((Extension) c.after()), "missing extension");
                        case EXTRA -> add(Phase.DROP_EXTENSIONS, PgDdl.dropExtension(c.key().name()), "extra extension");
                        case CHANGED -> {
                            Extension g = (Extension) c.after();
                            if (c.changes(ModelField.EXTENSION_SCHEMA)) {
                                add(Phase.EXTENSIONS, ddl.moveExtension(g), "extension lives in another schema");
                            }
                            if (c.changes(ModelField.EXTENSION_VERSION)) {
                                add(Phase.EXTENSIONS, PgDdl.updateExtension(g), "extension version differs");
                            }
                            unhandled(c, ModelField.EXTENSION_SCHEMA, ModelField.EXTENSION_VERSION, ModelField.COMMENT);
                        }
                    }
                }
            }
        }

        private void emitSequences() {
            for (Change c : changes.values()) {
                if (c.kind() != ObjectKind.SEQUENCE) {
                    continue;
                }
                switch (c.type()) {
                    case MISSING -> {
                        Sequence s = (Sequence) c.after();
                        add(Phase.SEQUENCES, ddl.createSequence(s), "missing sequence");
                        if (s.ownedBy() != null) {
                            add(Phase.SEQUENCE_OWNERS, ddl.alterSequenceOwner(s), "sequence belongs to its column");
                        }
                    }
                    case EXTRA -> {
                        Sequence s = (Sequence) c.before();
                        if (!ownerDropped(s)) {
                            add(Phase.DROP_SEQUENCES, ddl.dropSequence(s), "extra sequence");
                        }
                    }
                    case CHANGED -> {
                        Sequence t = (Sequence) c.before();
                        Sequence g = (Sequence) c.after();
                        boolean options = !c.changesOnly(ModelField.SEQUENCE_OWNED_BY, ModelField.COMMENT);
                        if (options) {
                            add(Phase.SEQUENCES, ddl.alterSequenceOptions(g), "sequence options differ");
                        }
                        if (c.changes(ModelField.SEQUENCE_OWNED_BY)) {
                            add(Phase.SEQUENCE_OWNERS, ddl.alterSequenceOwner(g),
                                    "sequence owner differs (was " + (t.ownedBy() == null ? "none" : t.ownedBy()) + ")");
                        }
                    }
                }
            }
        }

        /**
         * An extra sequence owned by a column that is dropped (or whose table is) goes with it. The
         * owner is matched with its schema: {@code ownedBy} names the owner relative to the sequence's
         * own schema, so same-named tables in other schemas are not its owner.
         */
        private boolean ownerDropped(Sequence s) {
            if (s.ownedBy() == null) {
                return false;
            }
            for (Change c : changes.values()) {
                if (c.type() != ChangeType.EXTRA) {
                    continue;
                }
                String owner = (c.key().schema().equals(s.schema()) ? "" : c.key().schema() + ".") + c.key().table();
                if (c.kind() == ObjectKind.TABLE && s.ownedBy().startsWith(
                        (c.key().schema().equals(s.schema()) ? "" : c.key().schema() + ".") + c.key().name() + ".")) {
                    return true;
                }
                if (c.kind() == ObjectKind.COLUMN && s.ownedBy().equals(owner + "." + c.key().name())) {
                    return true;
                }
            }
            return false;
        }

        private void emitRoutines() {
            for (Change c : changes.values()) {
                if (c.kind() != ObjectKind.FUNCTION && c.kind() != ObjectKind.PROCEDURE) {
                    continue;
                }
                Phase createPhase = c.kind() == ObjectKind.FUNCTION ? Phase.FUNCTIONS : Phase.PROCEDURES;
                switch (c.type()) {
                    case MISSING -> {
                        add(createPhase, PgDdl.replaceRoutine((Routine) c.after()), "missing " + c.kind().label());
                        creates(c.key());
                    }
                    case EXTRA -> {
                        add(Phase.DROP_ROUTINES, ddl.dropRoutine((Routine) c.before()), "extra " + c.kind().label());
                        drops(c.key());
                    }
                    case CHANGED -> {
                        Routine g = (Routine) c.after();
                        if (PgRebuildSet.commentOnly(c)) {
                            break;
                        }
                        if (rebuild.routineRecreated(c.key())) {
                            add(Phase.DROP_ROUTINES_EARLY, ddl.dropRoutine((Routine) c.before()),
                                    "its arguments or result type differ, which CREATE OR REPLACE cannot change",
                                    Hazard.RECREATES_DEPENDENTS);
                            drops(c.key());
                            add(createPhase, PgDdl.replaceRoutine(g), "re-created with golden's definition");
                        } else {
                            add(createPhase, PgDdl.replaceRoutine(g), c.kind().label() + " definition differs");
                        }
                        creates(c.key());
                    }
                }
            }
        }

        // ---- collations, text search, aggregates, statistics targets ----------------------------------------

        /**
         * Collations and text search objects go with the types (before the tables and indexes that
         * use them), aggregates with the functions; {@link PgStepOrder} then places each after what
         * golden's edges say it needs (a configuration after its dictionaries, an aggregate after its
         * state function). Statistics targets follow the columns.
         */
        private void emitCatalogKinds() {
            PgKindDdl kinds = new PgKindDdl(ddl);
            for (Change c : changes.values()) {
                if (c.type() == ChangeType.CHANGED && PgRebuildSet.commentOnly(c)) {
                    continue;
                }
                switch (c.kind()) {
                    case COLLATION -> emitCollation(c, kinds);
                    case TEXT_SEARCH_DICTIONARY -> emitDictionary(c, kinds);
                    case TEXT_SEARCH_CONFIGURATION -> emitConfiguration(c, kinds);
                    case AGGREGATE -> emitAggregate(c, kinds);
                    case RULE -> emitRule(c);
                    case COLUMN_STATISTICS -> {
                        if (c.after() instanceof ColumnStatistics g) {
                            setStatistics(g.schema(), g.table(), g.column(), g.target(), "statistics target differs");
                        } else if (!droppedRelations.contains(c.key().owner()) && !blockedColumnGone(c.key())) {
                            ColumnStatistics t = (ColumnStatistics) c.before();
                            setStatistics(t.schema(), t.table(), t.column(), -1, "statistics target back to the default");
                        }
                    }
                    default -> {
                    }
                }
            }
            for (ObjectKey key : create) {
                if (golden.get(key) instanceof ColumnStatistics g && !changes.containsKey(key)) {
                    setStatistics(g.schema(), g.table(), g.column(), g.target(), "statistics target as in golden");
                } else if (golden.get(key) instanceof Rule r && !changes.containsKey(key)) {
                    addOn(key.owner(), Phase.TRIGGERS, r.definition(), "rule as in golden");
                }
            }
        }

        /** Rules go with the triggers (after the views they may read); a changed one is replaced in place. */
        private void emitRule(Change c) {
            ObjectKey table = c.key().owner();
            switch (c.type()) {
                case MISSING -> addOn(table, Phase.TRIGGERS, ((Rule) c.after()).definition(), "missing rule");
                case EXTRA -> {
                    // a rule already in the dependents' drops (it blocked a change) is not dropped twice
                    if (!droppedRelations.contains(c.key().owner()) && !drop.contains(c.key())) {
                        add(Phase.DROP_TRIGGERS, ddl.dropRule(c.key().schema(), c.key().table(), c.key().name()),
                                "extra rule");
                    }
                }
                case CHANGED -> {
                    addOn(table, Phase.TRIGGERS, PgDdl.replaceRule(((Rule) c.after()).definition()),
                            "rule definition differs (replaced in place)");
                }
            }
        }

        /** Whether the column a statistics target is on goes away (an extra column). */
        private boolean blockedColumnGone(ObjectKey statisticsKey) {
            return !golden.contains(ObjectKey.part(ObjectKind.COLUMN, statisticsKey.schema(), statisticsKey.table(),
                    statisticsKey.name()));
        }

        private void setStatistics(String schema, String table, String column, int value, String reason) {
            boolean view = golden.get(ObjectKey.of(ObjectKind.MATERIALIZED_VIEW, schema, table)) != null
                    || target.get(ObjectKey.of(ObjectKind.MATERIALIZED_VIEW, schema, table)) != null;
            addOn(ObjectKey.of(ObjectKind.TABLE, schema, table), Phase.TABLE_PROPERTIES,
                    ddl.setStatistics(schema, table, view, column, value), reason);
        }

        /** Target objects the server records as using {@code key}. */
        private List<ObjectKey> usersOf(ObjectKey key) {
            return target.getDependencies().stream().filter(d -> d.dependsOn().equals(key))
                    .map(dev.driftd.schema.Dependency::object).toList();
        }

        /** Drop and create again, or a warning when objects of the target use it (they would have to go too). */
        private void recreateOrWarn(Change c, String drop, List<String> create, String what) {
            List<ObjectKey> users = usersOf(c.key());
            if (!users.isEmpty()) {
                warnings.add("cannot reconcile " + c.key().display() + ": its " + what + " differs and cannot be "
                        + "altered, and " + users.stream().map(ObjectKey::display).toList() + " use it: re-create by hand");
                return;
            }
            add(Phase.DROP_TABLES, drop, c.key().kind().label() + " " + what + " differs: dropped and created again");
            drops(c.key());
            for (String sql : create) {
                add(Phase.TYPES, sql, c.key().kind().label() + " created again with golden's definition");
                creates(c.key());
            }
        }

        private void emitCollation(Change c, PgKindDdl kinds) {
            switch (c.type()) {
                case MISSING -> {
                    add(Phase.TYPES, kinds.createCollation((dev.driftd.schema.Collation) c.after()), "missing collation");
                    creates(c.key());
                }
                case EXTRA -> {
                    add(Phase.DROP_TYPES, kinds.dropCollation((dev.driftd.schema.Collation) c.before()), "extra collation");
                    drops(c.key());
                }
                case CHANGED -> recreateOrWarn(c, kinds.dropCollation((dev.driftd.schema.Collation) c.before()),
                        List.of(kinds.createCollation((dev.driftd.schema.Collation) c.after())), "definition");
            }
        }

        private void emitDictionary(Change c, PgKindDdl kinds) {
            switch (c.type()) {
                case MISSING -> {
                    add(Phase.TYPES, kinds.createDictionary((TextSearchDictionary) c.after()),
                            "missing text search dictionary");
                    creates(c.key());
                }
                case EXTRA -> {
                    add(Phase.DROP_TYPES, kinds.dropDictionary((TextSearchDictionary) c.before()),
                            "extra text search dictionary");
                    drops(c.key());
                }
                case CHANGED -> {
                    TextSearchDictionary t = (TextSearchDictionary) c.before();
                    TextSearchDictionary g = (TextSearchDictionary) c.after();
                    if (c.changes(ModelField.DICTIONARY_TEMPLATE)) {
                        recreateOrWarn(c, kinds.dropDictionary(t), List.of(kinds.createDictionary(g)), "template");
                    } else if (c.changes(ModelField.DICTIONARY_OPTIONS)) {
                        add(Phase.TYPES, kinds.alterDictionaryOptions(t, g), "text search dictionary options differ");
                        creates(c.key());
                    }
                }
            }
        }

        private void emitConfiguration(Change c, PgKindDdl kinds) {
            switch (c.type()) {
                case MISSING -> {
                    for (String sql : kinds.createConfiguration((TextSearchConfiguration) c.after())) {
                        add(Phase.TYPES, sql, "missing text search configuration");
                        creates(c.key());
                    }
                }
                case EXTRA -> {
                    add(Phase.DROP_TYPES, kinds.dropConfiguration((TextSearchConfiguration) c.before()),
                            "extra text search configuration");
                    drops(c.key());
                }
                case CHANGED -> {
                    TextSearchConfiguration t = (TextSearchConfiguration) c.before();
                    TextSearchConfiguration g = (TextSearchConfiguration) c.after();
                    if (c.changes(ModelField.CONFIGURATION_PARSER)) {
                        recreateOrWarn(c, kinds.dropConfiguration(t), kinds.createConfiguration(g), "parser");
                    } else {
                        for (String sql : kinds.alterConfigurationMappings(t, g)) {
                            add(Phase.TYPES, sql, "text search configuration mappings differ");
                            creates(c.key());
                        }
                    }
                }
            }
        }

        private void emitAggregate(Change c, PgKindDdl kinds) {
            switch (c.type()) {
                case MISSING -> {
                    add(Phase.FUNCTIONS, kinds.createAggregate((dev.driftd.schema.Aggregate) c.after(), false),
                            "missing aggregate");
                    creates(c.key());
                }
                case EXTRA -> {
                    add(Phase.DROP_ROUTINES, kinds.dropAggregate((dev.driftd.schema.Aggregate) c.before()), "extra aggregate");
                    drops(c.key());
                }
                case CHANGED -> {
                    add(Phase.FUNCTIONS, kinds.createAggregate((dev.driftd.schema.Aggregate) c.after(), true),
                            "aggregate definition differs (replaced in place)");
                    creates(c.key());
                }
            }
        }

        /** Unchanged routines rebuilt around a dropped object they need; changed ones are re-created above. */
        private void emitRebuiltRoutines() {
            for (Map.Entry<ObjectKey, String> e : rebuiltRoutines.entrySet()) {
                ObjectKey key = e.getKey();
                if (changes.containsKey(key)) {
                    continue;
                }
                String reason = key.kind().label() + " " + e.getValue();
                add(Phase.DROP_ROUTINES_EARLY, ddl.dropRoutine((Routine) target.get(key)), reason,
                        Hazard.RECREATES_DEPENDENTS);
                drops(key);
                if (golden.get(key) instanceof Routine g) {
                    add(key.kind() == ObjectKind.FUNCTION ? Phase.FUNCTIONS : Phase.PROCEDURES, PgDdl.replaceRoutine(g), reason);
                    creates(key);
                }
            }
        }

        /** Drops of dependents (target objects) before the changes they block. */
        private void emitDependentDrops() {
            List<View> views = new ArrayList<>();
            for (ObjectKey key : drop) {
                SchemaObject o = target.get(key);
                if (o == null || partOfDroppedRelation(key)) {
                    continue;
                }
                String reason = reasonForDrop(key);
                if (o instanceof Trigger tr) {
                    add(Phase.DROP_TRIGGERS, ddl.dropTrigger(tr.schema(), tr.table(), tr.name()), reason);
                } else if (o instanceof Policy p) {
                    add(Phase.DROP_POLICIES, ddl.dropPolicy(p.schema(), p.table(), p.name()), reason);
                } else if (o instanceof View v) {
                    views.add(v);
                } else if (o instanceof ForeignKey fk) {
                    add(Phase.DROP_FOREIGN_KEYS, ddl.dropConstraint(fk.schema(), fk.table(), fk.name()), reason);
                } else if (o instanceof CheckConstraint ck) {
                    add(Phase.DROP_CONSTRAINTS, ddl.dropConstraint(ck.schema(), ck.table(), ck.name()), reason);
                } else if (o instanceof PrimaryKey || o instanceof UniqueConstraint || o instanceof ExclusionConstraint) {
                    add(Phase.DROP_CONSTRAINTS, ddl.dropConstraint(key.schema(), key.table(), key.name()), reason,
                            Hazard.INDEX_DROPPED);
                } else if (o instanceof Index ix) {
                    add(Phase.DROP_INDEXES, ddl.dropIndex(ix), reason, Hazard.INDEX_DROPPED);
                } else if (o instanceof Rule r) {
                    add(Phase.DROP_TRIGGERS, ddl.dropRule(r.schema(), r.table(), r.name()), reason);
                } else {
                    throw new IllegalStateException("not a dependent kind: " + key);
                }
            }
            for (View v : PgOrder.dependentsFirst(views, (a, b) -> PgNames.mentions(a.definition(), b.name()))) {
                String reason = reasonForDrop(v.key());
                if (v.materialized() && !golden.contains(v.key())) {
                    addDestructive(Phase.DROP_VIEWS, ddl.dropView(v), reason + " (its stored rows are lost)");
                } else {
                    add(Phase.DROP_VIEWS, ddl.dropView(v), reason, golden.contains(v.key())
                            ? new Hazard[]{Hazard.RECREATES_DEPENDENTS} : new Hazard[0]);
                }
                drops(v.key());
            }
        }

        /**
         * An extra index, constraint, trigger, rule or policy of a relation that is dropped whole: it goes
         * with the relation. Its own drop would come after the relation's when the relation is a
         * materialized view or a view that golden has as a table of the same name (the diff then lists
         * the parts). Foreign keys keep their own drop (cycles among dropped tables need it first).
         */
        private boolean partOfDroppedRelation(ObjectKey key) {
            if (!key.kind().isTablePart() || key.kind() == ObjectKind.FOREIGN_KEY || golden.contains(key)) {
                return false;
            }
            for (ObjectKind kind : List.of(ObjectKind.MATERIALIZED_VIEW, ObjectKind.VIEW)) {
                if (droppedRelations.contains(ObjectKey.of(kind, key.schema(), key.table()))) {
                    return true;
                }
            }
            return false;
        }

        private String reasonForDrop(ObjectKey key) {
            String why = rebuildReason.get(key);
            if (why != null) {
                return key.kind().label() + " " + why;
            }
            return golden.contains(key) ? key.kind().label() + " differs: dropped and created again"
                    : "extra " + key.kind().label();
        }

        private String reasonForCreate(ObjectKey key) {
            String why = rebuildReason.get(key);
            if (why != null) {
                return key.kind().label() + " " + why;
            }
            Change c = changes.get(key);
            if (c != null && c.type() == ChangeType.CHANGED) {
                return key.kind().label() + " differs: created with golden's definition";
            }
            return "missing " + key.kind().label();
        }

        private void emitConstraintsAndIndexes() {
            for (ObjectKey key : create) {
                SchemaObject o = golden.get(key);
                if (o == null) {
                    continue;
                }
                String reason = reasonForCreate(key);
                ObjectKey table = key.table().isEmpty() ? null : key.owner();
                boolean newTable = !key.table().isEmpty() && createTables.contains(key.owner());
                Hazard[] build = newTable ? new Hazard[0]
                        : new Hazard[]{Hazard.INDEX_BUILD, Hazard.VALIDATES_ROWS, Hazard.ACCESS_EXCLUSIVE_LOCK};
                if (o instanceof PrimaryKey pk) {
                    addOn(table, Phase.CONSTRAINTS, ddl.addPrimaryKey(pk), reason, build);
                } else if (o instanceof UniqueConstraint u) {
                    addOn(table, Phase.CONSTRAINTS, ddl.addUnique(u), reason, build);
                } else if (o instanceof ExclusionConstraint x) {
                    addOn(table, Phase.CONSTRAINTS, ddl.addExclusion(x), reason, build);
                } else if (o instanceof CheckConstraint ck) {
                    // golden's NOT VALID is kept: its existing rows were never checked, the target's are not either
                    addOn(table, Phase.CONSTRAINTS, ddl.addCheck(ck, ck.notValid()), reason, newTable ? new Hazard[0]
                            : ck.notValid() ? new Hazard[]{Hazard.ACCESS_EXCLUSIVE_LOCK}
                            : new Hazard[]{Hazard.VALIDATES_ROWS, Hazard.ACCESS_EXCLUSIVE_LOCK});
                } else if (o instanceof Index ix) {
                    boolean onView = golden.get(ObjectKey.of(ObjectKind.MATERIALIZED_VIEW, ix.schema(), ix.table())) != null;
                    addOn(table, onView ? Phase.VIEW_INDEXES : Phase.INDEXES, ddl.createIndex(ix), reason,
                            newTable ? new Hazard[0] : new Hazard[]{Hazard.INDEX_BUILD});
                } else if (o instanceof ForeignKey fk) {
                    addForeignKey(fk, reason, newTable);
                }
            }
            for (ObjectKey key : validate) {
                add(key.kind() == ObjectKind.FOREIGN_KEY ? Phase.FOREIGN_KEYS : Phase.CONSTRAINTS,
                        ddl.validateConstraint(key.schema(), key.table(), key.name()),
                        "constraint is NOT VALID, golden's is validated: existing rows are checked",
                        Hazard.VALIDATES_ROWS);
            }
        }

        /**
         * A foreign key on an existing table is added NOT VALID (brief lock) then validated (rows are
         * checked under a weaker lock); partitioned tables do not allow NOT VALID.
         */
        private void addForeignKey(ForeignKey fk, String reason, boolean newTable) {
            ObjectKey table = fk.key().owner();
            Table owner = golden.get(table) instanceof Table t ? t : null;
            boolean partitioned = owner != null && (owner.partitionKey() != null || owner.partitionOf() != null);
            if (fk.notEnforced()) {
                // PostgreSQL 18's NOT ENFORCED: no row is ever checked, so nothing to validate
                addOn(table, Phase.FOREIGN_KEYS, ddl.addForeignKey(fk, false), reason);
                return;
            }
            if (fk.notValid()) {
                // golden's NOT VALID is kept: existing rows are not checked, as golden's never were
                addOn(table, Phase.FOREIGN_KEYS, ddl.addForeignKey(fk, true), reason);
                return;
            }
            if (newTable || partitioned) {
                addOn(table, Phase.FOREIGN_KEYS, ddl.addForeignKey(fk, false), reason,
                        newTable ? new Hazard[0] : new Hazard[]{Hazard.VALIDATES_ROWS});
                return;
            }
            addOn(table, Phase.FOREIGN_KEYS, ddl.addForeignKey(fk, true), reason + " (not validated yet)");
            addOn(table, Phase.FOREIGN_KEYS, ddl.validateConstraint(fk.schema(), fk.table(), fk.name()),
                    "checks existing rows against the new foreign key", Hazard.VALIDATES_ROWS);
        }

        private void emitViews() {
            List<View> views = new ArrayList<>();
            for (ObjectKey key : create) {
                if (golden.get(key) instanceof View v) {
                    views.add(v);
                }
            }
            for (ObjectKey key : replaceViews) {
                views.add((View) golden.get(key));
            }
            for (View v : PgOrder.dependenciesFirst(views, (a, b) -> PgNames.mentions(a.definition(), b.name()))) {
                boolean replace = replaceViews.contains(v.key());
                add(Phase.VIEWS, ddl.createView(v, replace), replace ? "view definition differs (replaced in place)"
                        : reasonForCreate(v.key()));
                creates(v.key());
            }
        }

        private void emitTriggersAndPolicies() {
            for (ObjectKey key : create) {
                SchemaObject o = golden.get(key);
                ObjectKey table = key.table().isEmpty() ? null : key.owner();
                if (o instanceof Trigger tr) {
                    addOn(table, Phase.TRIGGERS, PgDdl.stripTerminator(tr.definition()), reasonForCreate(key));
                    String firing = ddl.triggerFiringState(tr);
                    if (firing != null) {
                        addOn(table, Phase.TRIGGERS, firing, "trigger firing state as in golden");
                    }
                } else if (o instanceof Policy p) {
                    addOn(table, Phase.POLICIES, ddl.createPolicy(p), reasonForCreate(key));
                }
            }
            for (Change c : changes.values()) {
                if (c.kind() == ObjectKind.TRIGGER && c.type() == ChangeType.CHANGED && !create.contains(c.key())) {
                    unhandled(c, ModelField.COMMENT);
                }
            }
        }

        /** Objects whose parts' comments are set already (created ones: all of golden's). */
        private final Set<ObjectKey> partCommentsDone = new TreeSet<>();

        /**
         * Sets each comment on a part of golden's {@code o} (a view's column, a type's attribute, a
         * constraint's index) that differs from what the target's has ({@code targetComments}; empty
         * for an object the plan creates).
         */
        private void partComments(SchemaObject o, Map<String, String> targetComments, String reason) {
            Map<String, String> wanted = PgDdl.partComments(o);
            ddl.partCommentTargets(o).forEach((part, target) -> {
                if (!Objects.equals(wanted.get(part), targetComments.get(part))) {
                    add(Phase.COMMENTS, PgDdl.comment(target, wanted.get(part)), reason);
                }
            });
        }

        private static boolean changesPartComments(Change c) {
            return ModelField.COLUMN_COMMENTS.belongsTo(c.after()) && c.changes(ModelField.COLUMN_COMMENTS)
                    || ModelField.INDEX_COMMENT.belongsTo(c.after()) && c.changes(ModelField.INDEX_COMMENT);
        }

        /** Comments of created objects, and changed comments of objects altered in place. */
        private void emitComments() {
            Set<ObjectKey> done = new TreeSet<>();
            for (ObjectKey key : createTables) {
                Table t = (Table) golden.get(key);
                comment(t, done);
                for (SchemaObject part : golden.partsOf(t.schema(), t.name())) {
                    if (part instanceof Column) {
                        comment(part, done);
                    }
                }
            }
            for (ObjectKey key : create) {
                SchemaObject o = golden.get(key);
                if (o != null) {
                    comment(o, done);
                }
            }
            for (Change c : changes.values()) {
                if (c.type() == ChangeType.CHANGED && changesPartComments(c) && !partCommentsDone.contains(c.key())) {
                    partComments(c.after(), PgDdl.partComments(c.before()), "comment differs");
                }
                if (c.type() == ChangeType.MISSING && c.after() != null) {
                    comment(c.after(), done);
                } else if (c.type() == ChangeType.CHANGED && c.changes(ModelField.COMMENT) && !done.contains(c.key())) {
                    if (c.after() instanceof Column && readdColumns.contains(c.key())) {
                        continue;
                    }
                    if (rebuild.routineRecreated(c.key())) {
                        comment(c.after(), done);
                        continue;
                    }
                    String target = ddl.commentTarget(c.after());
                    if (target != null) {
                        add(Phase.COMMENTS, PgDdl.comment(target, c.after().comment()), "comment differs");
                        done.add(c.key());
                    }
                } else if (c.type() == ChangeType.CHANGED && rebuild.routineRecreated(c.key())) {
                    comment(c.after(), done);
                }
            }
        }

        private void comment(SchemaObject o, Set<ObjectKey> done) {
            if (partCommentsDone.add(o.key())) {
                partComments(o, Map.of(), "comment as in golden");
            }
            if (o.comment() == null || !done.add(o.key())) {
                return;
            }
            String target = ddl.commentTarget(o);
            if (target != null) {
                addOn(o.key().table().isEmpty() ? o.key() : o.key().owner(), Phase.COMMENTS,
                        PgDdl.comment(target, o.comment()), "comment as in golden");
            }
        }

        @Override
        public void warn(String warning) {
            warnings.add(warning);
        }

        @Override
        public void unhandled(Change c, ModelField... handled) {
            for (FieldChange f : c.fields()) {
                if (Arrays.stream(handled).noneMatch(h -> h.in(f))) {
                    warnings.add("cannot reconcile " + c.key().display() + ": " + f);
                }
            }
        }

        /** Enums with labels added in place whose new labels a later statement uses (unsafe in one transaction). */
        Set<ObjectKey> enumsUsedInPlan() {
            Set<ObjectKey> out = new TreeSet<>();
            for (Map.Entry<ObjectKey, List<String>> e : addedLabels.entrySet()) {
                for (String label : e.getValue()) {
                    String lit = PgDdl.literal(label);
                    for (Step s : steps) {
                        if (!s.statement().sql().contains(" ADD VALUE ") && s.statement().sql().contains(lit)) {
                            out.add(e.getKey());
                        }
                    }
                }
            }
            return out;
        }

        Plan toPlan() {
            List<Step> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparing(Step::phase)); // stable: emission order within a phase
            ordered = PgStepOrder.order(ordered, subjects::get, golden::dependenciesOf, target::dependenciesOf,
                    warnings::add);
            List<PlanStatement> statements = ordered.stream().map(Step::statement).toList();
            return new Plan(Flavor.POSTGRES, golden.fingerprint(), target.fingerprint(), true,
                    statements.isEmpty() ? List.of() : preamble(), statements, warnings);
        }
    }

    // ---- helpers shared by attempts ----------------------------------------------------------------------

    /** The arguments and result of a routine definition: what CREATE OR REPLACE cannot change. */
    static String routineSignature(String definition) {
        if (definition == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : definition.split("\n")) {
            String l = line.strip();
            String upper = l.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("CREATE")) {
                sb.append(l.replaceFirst("(?i)^CREATE( OR REPLACE)?", "")).append('\n');
            } else if (upper.startsWith("RETURNS")) {
                sb.append(l).append('\n');
            }
            if (upper.startsWith("AS ") || upper.startsWith("BEGIN") || upper.equals("AS")) {
                break;
            }
        }
        return sb.toString();
    }

    /** Whether a column type names the enum: bare, qualified, quoted, or an array of it. */
    static boolean typeRefersTo(String type, EnumType e) {
        if (type == null) {
            return false;
        }
        String t = type.strip();
        while (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2);
        }
        String unquoted = t.replace("\"", "");
        String name = e.name();
        if (unquoted.equals(name)) {
            return true;
        }
        return unquoted.endsWith("." + name) && (e.schema().isEmpty()
                || unquoted.equals(e.schema() + "." + name) || unquoted.indexOf('.') == unquoted.lastIndexOf('.'));
    }

    /** Type changes PostgreSQL does without rewriting: widening varchar, varchar to text, unconstraining numeric. */
    static boolean cheapTypeChange(String from, String to) {
        Matcher a = Pattern.compile("character varying\\((\\d+)\\)").matcher(from);
        Matcher b = Pattern.compile("character varying\\((\\d+)\\)").matcher(to);
        if (a.matches() && b.matches()) {
            return Integer.parseInt(b.group(1)) >= Integer.parseInt(a.group(1));
        }
        if (a.matches() || from.equals("character varying")) {
            return to.equals("text") || to.equals("character varying");
        }
        return from.startsWith("numeric(") && to.equals("numeric");
    }

    static boolean isSubsequence(List<String> small, List<String> big) {
        int i = 0;
        for (String s : big) {
            if (i < small.size() && small.get(i).equals(s)) {
                i++;
            }
        }
        return i == small.size();
    }

}
