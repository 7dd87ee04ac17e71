package dev.driftd.dialect.mysql;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.mysql.MysqlCatalog.CheckRow;
import dev.driftd.dialect.mysql.MysqlCatalog.ColumnRow;
import dev.driftd.dialect.mysql.MysqlCatalog.EventRow;
import dev.driftd.dialect.mysql.MysqlCatalog.ForeignKeyColumnRow;
import dev.driftd.dialect.mysql.MysqlCatalog.ForeignKeyRow;
import dev.driftd.dialect.mysql.MysqlCatalog.IndexRow;
import dev.driftd.dialect.mysql.MysqlCatalog.ParameterRow;
import dev.driftd.dialect.mysql.MysqlCatalog.PartitionRow;
import dev.driftd.dialect.mysql.MysqlCatalog.RoutineRow;
import dev.driftd.dialect.mysql.MysqlCatalog.SequenceRow;
import dev.driftd.dialect.mysql.MysqlCatalog.TableRow;
import dev.driftd.dialect.mysql.MysqlCatalog.TriggerRow;
import dev.driftd.dialect.mysql.MysqlCatalog.ViewRow;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Event;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Routine;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableKind;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.View;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one MySQL or MariaDB database into the neutral model: tables with options, columns,
 * primary keys, indexes (unique keys included), foreign keys, checks, views, triggers, routines,
 * events and MariaDB sequences. Names are relative to the database (keys carry schema ""), so
 * tenants under different names compare equal. The number of catalog queries is fixed per
 * database, plus one SHOW CREATE per trigger and routine for its source text; see {@link MysqlCatalog}.
 */
final class MysqlInspector {
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("\\bINVISIBLE\\b");
    private final Connection connection;
    private final InspectOptions options;

    MysqlInspector(Connection connection, InspectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    /**
     * Reads the connection's database, or {@code schema} when given (MySQL calls a database a
     * schema). Fails with one clear line when there is none or it does not exist.
     */
    Snapshot inspect(String schema) throws SQLException {
        String version;
        String current;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), DATABASE()")) {
            rs.next();
            version = rs.getString(1);
            current = rs.getString(2);
        }
        MysqlServer server = MysqlServer.fromVersion(version);
        String unsupported = server.unsupportedReason();
        if (unsupported != null) {
            throw new SQLException(unsupported);
        }
        String database = schema != null ? schema : current;
        if (database == null) {
            throw new SQLException("no database selected: name one in the URL, e.g. jdbc:mysql://host:3306/app");
        }
        MysqlCatalog catalog = new MysqlCatalog(connection, server, database, options.timeout());
        if (catalog.databaseCollation() == null) {
            throw new SQLException("database '" + database + "' does not exist");
        }
        return new Assembly(server, database, catalog).build();
    }

    /** One inspection: the rows of every catalog query, turned into model objects. */
    private static final class Assembly {
        private final MysqlServer server;
        private final String database;
        private final MysqlCatalog catalog;
        private final MysqlNormalizer norm;
        private final MysqlDefinitions defs;
        private final List<SchemaObject> objects = new ArrayList<>();
        private final Set<ObjectKind> notInspected = EnumSet.noneOf(ObjectKind.class);
        /** Normalized collation of each base table, to tell inherited column collations from stated ones. */
        private final Map<String, String> tableCollation = new HashMap<>();
        private final Set<String> views = new HashSet<>();
        private final Set<String> sequences = new HashSet<>();
        /** A MariaDB sequence's value type is the type of its next_not_cached_value column (bigint before 11.5). */
        private final Map<String, String> sequenceTypes = new HashMap<>();

        Assembly(MysqlServer server, String database, MysqlCatalog catalog) {
            this.server = server;
            this.database = database;
            this.catalog = catalog;
            this.norm = new MysqlNormalizer(server.flavor());
            this.defs = new MysqlDefinitions(norm, database);
        }

        Snapshot build() throws SQLException {
            List<TableRow> tables = catalog.tables();
            List<String> partitioned = new ArrayList<>();
            for (TableRow t : tables) {
                switch (t.type()) {
                    case "VIEW", "SYSTEM VIEW" -> views.add(t.name());
                    case "SEQUENCE" -> sequences.add(t.name());
                    default -> {
                        tableCollation.put(t.name(), norm.collation(t.collation()));
                        if (t.createOptions() != null && t.createOptions().toLowerCase(Locale.ROOT).contains("partitioned")) {
                            partitioned.add(t.name());
                        }
                    }
                }
            }
            Map<String, String> partitioning = partitioning(catalog.partitions(partitioned));
            for (TableRow t : tables) {
                if (tableCollation.containsKey(t.name())) {
                    objects.add(table(t, partitioning.get(t.name())));
                }
            }
            List<CheckRow> checks = catalog.checks();
            Set<String> jsonColumns = mariaDbJsonColumns(checks);
            Map<String, List<String>> viewColumns = columns(catalog.columns(), jsonColumns);
            checks(checks, jsonColumns);
            indexes(catalog.indexes());
            foreignKeys(catalog.foreignKeyColumns(), catalog.foreignKeys());
            if (!views.isEmpty()) {
                views(catalog.views(), viewColumns);
            }
            triggers(catalog.triggers());
            routines(catalog.routines(), catalog.parameters());
            events(catalog.events());
            sequences(catalog.sequences(sequences.stream().sorted().toList()));
            return new Snapshot(server.flavor(), server.version(), Scope.mysqlDatabase(database), objects, notInspected);
        }

        private Table table(TableRow t, String partitionClause) {
            Map<String, String> options = new TreeMap<>();
            if (t.engine() != null) {
                options.put("engine", t.engine());
            }
            String collation = tableCollation.get(t.name());
            if (collation != null) {
                options.put("collation", collation);
                options.put("charset", norm.charsetOf(collation));
            }
            options.putAll(createOptions(t.createOptions()));
            if ("SYSTEM VERSIONED".equals(t.type())) {
                options.put("system_versioning", "true");
            }
            if (partitionClause != null) {
                options.put("partitioning", partitionClause);
            }
            return new Table("", t.name(), TableKind.TABLE, null, null, null, List.of(), options, false, false,
                    t.comment());
        }

        /**
         * CREATE_OPTIONS lists what was stated explicitly ({@code row_format=DYNAMIC},
         * {@code stats_persistent=1}, MariaDB's {@code `page_compressed`='on'}); "partitioned" is
         * read from PARTITIONS instead. The AUTO_INCREMENT counter is never here: it is data.
         */
        private Map<String, String> createOptions(String text) {
            Map<String, String> out = new TreeMap<>();
            if (text == null || text.isBlank()) {
                return out;
            }
            for (String option : text.trim().split("\\s+")) {
                int eq = option.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = option.substring(0, eq).replace("`", "").toLowerCase(Locale.ROOT);
                String value = option.substring(eq + 1);
                if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!key.equals("auto_increment")) {
                    out.put(key, key.equals("row_format") ? value.toUpperCase(Locale.ROOT) : value);
                }
            }
            return out;
        }

        private Map<String, String> partitioning(List<PartitionRow> rows) {
            Map<String, List<PartitionRow>> byTable = new LinkedHashMap<>();
            for (PartitionRow r : rows) {
                byTable.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(r);
            }
            Map<String, String> out = new HashMap<>();
            byTable.forEach((table, parts) -> out.put(table, defs.partitioning(parts)));
            return out;
        }

        /**
         * MariaDB's JSON is LONGTEXT plus an automatic CHECK (json_valid(`col`)) named after the
         * column: such columns are reported as type json and the check is left out.
         */
        private Set<String> mariaDbJsonColumns(List<CheckRow> checks) {
            Set<String> out = new HashSet<>();
            if (!server.isMariaDb()) {
                return out;
            }
            for (CheckRow c : checks) {
                if ("Column".equalsIgnoreCase(c.level())
                        && norm.expression(c.clause()).equals("json_valid(" + SqlText.ident(c.name()) + ")")) {
                    out.add(c.table() + '\u0000' + c.name());
                }
            }
            return out;
        }

        /** Columns of base tables become objects; those of views only give the views' column lists. */
        private Map<String, List<String>> columns(List<ColumnRow> rows, Set<String> jsonCandidates) {
            Map<String, TreeMap<Integer, String>> viewColumns = new HashMap<>();
            Set<String> confirmedJson = new HashSet<>();
            for (ColumnRow c : rows) {
                if (views.contains(c.table())) {
                    viewColumns.computeIfAbsent(c.table(), k -> new TreeMap<>()).put(c.position(), c.name());
                    continue;
                }
                if (sequences.contains(c.table()) && c.name().equals("next_not_cached_value")) {
                    sequenceTypes.put(c.table(), norm.type(c.type()));
                }
                if (!tableCollation.containsKey(c.table())) {
                    continue;
                }
                String type = norm.type(c.type());
                boolean json = jsonCandidates.contains(c.table() + '\u0000' + c.name()) && type.equals("longtext");
                if (json) {
                    type = "json";
                    confirmedJson.add(c.table() + '\u0000' + c.name());
                }
                String collation = json ? null : norm.collation(c.collation());
                String charset = null;
                if (collation != null && collation.equals(tableCollation.get(c.table()))) {
                    collation = null;
                } else if (collation != null) {
                    charset = norm.charsetOf(collation);
                }
                String extra = c.extra() == null ? "" : c.extra();
                String upperExtra = extra.toUpperCase(Locale.ROOT);
                String generated = c.generation() == null || c.generation().isBlank() ? null
                        : norm.expression(c.generation());
                String generatedKind = generated == null ? null
                        : upperExtra.contains("STORED") || upperExtra.contains("PERSISTENT") ? "STORED" : "VIRTUAL";
                // MariaDB qualifies a sequence a default calls with the database (nextval(`db`.`s`)):
                // the own database's name must not reach the model, nor the DDL planned from it
                String dflt = generated != null ? null
                        : SqlText.stripSchemaQualifier(norm.columnDefault(c.defaultValue(), extra, type), database);
                objects.add(new Column("", c.table(), c.name(), c.position(), type, c.nullable(), dflt, null,
                        generated, generatedKind, charset, collation, upperExtra.contains("AUTO_INCREMENT"),
                        norm.onUpdate(extra), INVISIBLE.matcher(upperExtra).find(), c.comment()));
            }
            // A json_valid check on a column that is not LONGTEXT is an ordinary check: keep it.
            jsonCandidates.retainAll(confirmedJson);
            Map<String, List<String>> out = new HashMap<>();
            viewColumns.forEach((view, cols) -> out.put(view, List.copyOf(cols.values())));
            return out;
        }

        private void checks(List<CheckRow> rows, Set<String> jsonColumns) {
            for (CheckRow c : rows) {
                if (jsonColumns.contains(c.table() + '\u0000' + c.name()) && "Column".equalsIgnoreCase(c.level())) {
                    continue;
                }
                // MariaDB keeps a check written in a column's definition there (LEVEL Column, named
                // after the column): only restating the column drops or changes it
                String column = "Column".equalsIgnoreCase(c.level()) ? c.name() : null;
                objects.add(new CheckConstraint("", c.table(), c.name(), norm.expression(c.clause()), false,
                        c.enforced(), null, column));
            }
        }

        private void indexes(List<IndexRow> rows) {
            Map<String, List<IndexRow>> byIndex = new LinkedHashMap<>();
            for (IndexRow r : rows) {
                if (tableCollation.containsKey(r.table())) {
                    byIndex.computeIfAbsent(r.table() + '\u0000' + r.name(), k -> new ArrayList<>()).add(r);
                }
            }
            for (List<IndexRow> parts : byIndex.values()) {
                parts.sort(Comparator.comparingInt(IndexRow::seq));
                IndexRow first = parts.get(0);
                if (first.name().equals("PRIMARY")) {
                    // PRIMARY KEY (...) COMMENT '...': the key's comment is its index's
                    objects.add(new PrimaryKey("", first.table(), "PRIMARY",
                            parts.stream().map(IndexRow::column).toList(), first.comment()));
                    continue;
                }
                List<IndexPart> keyParts = new ArrayList<>();
                for (IndexRow p : parts) {
                    String expression = p.column() == null && p.expression() != null ? norm.expression(p.expression()) : null;
                    keyParts.add(new IndexPart(expression == null ? p.column() : null, expression,
                            "D".equals(p.order()) ? "DESC" : "ASC", null, null, null, p.subPart()));
                }
                Map<String, String> options = first.invisible() ? Map.of("invisible", "true") : Map.of();
                objects.add(new Index("", first.table(), first.name(), first.unique(),
                        first.indexType() == null ? null : first.indexType().toUpperCase(Locale.ROOT), keyParts,
                        List.of(), null, false, options, first.comment()));
            }
        }

        private void foreignKeys(List<ForeignKeyColumnRow> columns, List<ForeignKeyRow> rules) {
            Map<String, ForeignKeyRow> ruleOf = new HashMap<>();
            for (ForeignKeyRow r : rules) {
                ruleOf.put(r.table() + '\u0000' + r.name(), r);
            }
            Map<String, List<ForeignKeyColumnRow>> byKey = new LinkedHashMap<>();
            for (ForeignKeyColumnRow c : columns) {
                byKey.computeIfAbsent(c.table() + '\u0000' + c.name(), k -> new ArrayList<>()).add(c);
            }
            byKey.forEach((key, cols) -> {
                cols.sort(Comparator.comparingInt(ForeignKeyColumnRow::position));
                ForeignKeyColumnRow first = cols.get(0);
                ForeignKeyRow rule = ruleOf.get(key);
                String refSchema = database.equals(first.referencedSchema()) ? "" : first.referencedSchema();
                objects.add(new ForeignKey("", first.table(), first.name(),
                        cols.stream().map(ForeignKeyColumnRow::column).toList(),
                        new TableRef(refSchema, first.referencedTable()),
                        cols.stream().map(ForeignKeyColumnRow::referencedColumn).toList(),
                        norm.referentialAction(rule == null ? null : rule.updateRule()),
                        norm.referentialAction(rule == null ? null : rule.deleteRule()),
                        null, false, false, null));
            });
        }

        private void views(List<ViewRow> rows, Map<String, List<String>> viewColumns) {
            for (ViewRow v : rows) {
                Map<String, String> options = new java.util.TreeMap<>();
                if (v.checkOption() != null && !v.checkOption().equalsIgnoreCase("NONE")) {
                    options.put("check_option", v.checkOption().toUpperCase(Locale.ROOT));
                }
                // SQL SECURITY INVOKER changes whose privileges the view runs with, so it is drift;
                // DEFINER is the default and stays out so existing fingerprints do not move.
                if ("INVOKER".equalsIgnoreCase(v.security())) {
                    options.put("security", "INVOKER");
                }
                objects.add(new View("", v.name(), false, defs.body(v.definition()),
                        viewColumns.getOrDefault(v.name(), List.of()), options, null, v.charset()));
            }
        }

        private void triggers(List<TriggerRow> rows) {
            Map<String, TriggerRow> byOrder = new HashMap<>();
            for (TriggerRow t : rows) {
                byOrder.put(t.table() + '\u0000' + t.timing() + '\u0000' + t.event() + '\u0000' + t.order(), t);
            }
            for (TriggerRow t : rows) {
                TriggerRow previous = t.order() > 1
                        ? byOrder.get(t.table() + '\u0000' + t.timing() + '\u0000' + t.event() + '\u0000' + (t.order() - 1))
                        : null;
                objects.add(new Trigger("", t.table(), t.name(), defs.trigger(t, previous == null ? null : previous.name()),
                        null, null, defs.source(catalog.showCreate("TRIGGER", t.name())), t.charset()));
            }
        }

        /**
         * Functions and procedures, with their parameters from PARAMETERS (one query for all).
         * A routine whose body the user may not read (ROUTINE_DEFINITION is NULL) cannot be
         * compared: its kind is reported as not inspected rather than silently equal.
         */
        private void routines(List<RoutineRow> rows, List<ParameterRow> params) {
            Map<String, List<ParameterRow>> paramsOf = new HashMap<>();
            for (ParameterRow p : params) {
                paramsOf.computeIfAbsent(p.routineType() + '\u0000' + p.routine(), k -> new ArrayList<>()).add(p);
            }
            for (RoutineRow r : rows) {
                boolean procedure = "PROCEDURE".equalsIgnoreCase(r.type());
                if (!procedure && !"FUNCTION".equalsIgnoreCase(r.type())) {
                    // MariaDB PACKAGE / PACKAGE BODY (sql_mode=ORACLE) are not modelled: reported, not equal
                    notInspected.add(ObjectKind.PACKAGE);
                    continue;
                }
                if (r.body() == null) {
                    notInspected.add(procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION);
                    continue;
                }
                List<ParameterRow> ps = new ArrayList<>(paramsOf.getOrDefault(r.type() + '\u0000' + r.name(), List.of()));
                ps.sort(Comparator.comparingInt(ParameterRow::position));
                objects.add(new Routine("", r.name(), r.name(), procedure, defs.routine(r, ps), r.comment(),
                        defs.source(catalog.showCreate(procedure ? "PROCEDURE" : "FUNCTION", r.name())), r.charset()));
            }
        }

        private void events(List<EventRow> rows) {
            for (EventRow e : rows) {
                objects.add(new Event("", e.name(), defs.event(e), e.status(), e.comment(), e.charset()));
            }
        }

        private void sequences(List<SequenceRow> rows) {
            for (SequenceRow s : rows) {
                objects.add(new Sequence("", s.name(), sequenceTypes.getOrDefault(s.name(), "bigint"), s.start(), s.increment(), s.min(), s.max(), s.cache(),
                        s.cycle(), null, null));
            }
        }
    }
}
