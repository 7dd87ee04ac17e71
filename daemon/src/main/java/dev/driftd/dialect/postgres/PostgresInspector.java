package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.CompositeType;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.ExclusionConstraint;
import dev.driftd.schema.Extension;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.Policy;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Routine;
import dev.driftd.schema.SchemaDef;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableKind;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.TypeAttribute;
import dev.driftd.schema.UniqueConstraint;
import dev.driftd.schema.View;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Reads a PostgreSQL catalog (13 or later) into the neutral model: one read-only, repeatable-read
 * transaction, a fixed number of set-based queries ({@link PgCatalog}), whatever the table count.
 * A single-schema scope sets {@code search_path} to that schema so the server deparses its names
 * unqualified; a database scope empties it so every name is printed qualified.
 */
final class PostgresInspector {
    private final Connection connection;
    private final InspectOptions options;
    private int queries;

    /** Schema-qualified relation (table, view, materialized view) by OID, for table parts. */
    private record Rel(String schema, String name) {
    }

    PostgresInspector(Connection connection, InspectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    /** Statements this inspector sent so far: a fixed number per snapshot. */
    int queriesRun() {
        return queries;
    }

    Snapshot inspect(String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return read(schema);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Reads the catalog inside the caller's open transaction, without starting, ending or changing
     * it: an apply verifies its own uncommitted DDL this way before COMMIT.
     */
    Snapshot inspectInOpenTransaction(String schema) throws SQLException {
        return read(schema);
    }

    private Snapshot read(String schema) throws SQLException {
        boolean single = schema != null;
        query(PgCatalog.SET_SEARCH_PATH, rs -> { }, schema, schema);

        List<SchemaObject> objects = new ArrayList<>();
        Map<Long, String> schemaNames = new TreeMap<>();
        String[] db = new String[2];
        int[] version = new int[1];
        String[] quoted = new String[1];
        List<SchemaDef> schemaDefs = new ArrayList<>();
        query(PgCatalog.schemas(single), rs -> {
            db[0] = rs.getString("db");
            db[1] = rs.getString("version");
            version[0] = rs.getInt("vnum");
            long oid = rs.getLong("oid");
            if (!rs.wasNull()) {
                schemaNames.put(oid, rs.getString("name"));
                quoted[0] = rs.getString("quoted");
                schemaDefs.add(new SchemaDef(rs.getString("name"), rs.getString("comment")));
            }
        }, single ? new Object[]{schema} : new Object[0]);
        if (version[0] < PgCatalog.MIN_VERSION) {
            throw new SQLException("PostgreSQL " + db[1] + " is not supported: driftd reads PostgreSQL 13 or later");
        }
        if (single && schemaNames.isEmpty()) {
            throw new SQLException("schema \"" + schema + "\" does not exist in database " + db[0], "3F000");
        }
        if (!single) {
            objects.addAll(schemaDefs);
        }
        PgScopeNames names = new PgScopeNames(single, schema, quoted[0], schemaNames);
        String scopeOids = oidArray(schemaNames.keySet());

        readExtensions(objects, names, scopeOids);
        readEnums(objects, names, scopeOids);
        readDomains(objects, names, scopeOids);
        readComposites(objects, names, scopeOids);
        readSequences(objects, names, scopeOids);
        Map<Long, Rel> relations = new HashMap<>();
        readTables(objects, names, scopeOids, relations);
        readColumns(objects, scopeOids, relations, names);
        readConstraints(objects, names, scopeOids, relations, version[0]);
        readViews(objects, names, scopeOids, relations);
        readIndexes(objects, scopeOids, relations, version[0]);
        readRoutines(objects, names, scopeOids);
        readTriggers(objects, names, scopeOids);
        readPolicies(objects, names, scopeOids);

        Scope scope = single ? Scope.singleSchema(db[0], schema)
                : Scope.database(db[0], List.copyOf(schemaNames.values()).stream().sorted().toList());
        return new Snapshot(Flavor.POSTGRES, db[1], scope, objects, Set.of());
    }

    private void readExtensions(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        query(PgCatalog.EXTENSIONS, rs -> out.add(new Extension(rs.getString("name"),
                names.relative(rs.getString("schema")), rs.getString("version"), rs.getString("comment"))),
                !names.single(), scopeOids);
    }

    private void readEnums(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        query(PgCatalog.ENUMS, rs -> out.add(new EnumType(names.ofOid(rs.getLong("ns")), rs.getString("name"),
                strings(rs.getArray("labels")), rs.getString("comment"))), scopeOids);
    }

    private void readDomains(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        Map<Long, Domain> byOid = new LinkedHashMap<>();
        query(PgCatalog.DOMAINS, rs -> {
            long oid = rs.getLong("oid");
            Domain d = byOid.get(oid);
            if (d == null) {
                String def = PgDefaults.normalize(rs.getString("def"), rs.getString("basename"),
                        rs.getString("cat"), rs.getString("elemcat"));
                d = new Domain(names.ofOid(rs.getLong("ns")), rs.getString("name"), rs.getString("basetype"),
                        rs.getBoolean("notnull"), def, collation(names, rs), List.of(), rs.getString("comment"));
            }
            String check = rs.getString("checkname");
            if (check != null) {
                List<NamedCheck> checks = new ArrayList<>(d.checks());
                checks.add(new NamedCheck(check, rs.getString("checkexpr")));
                d = new Domain(d.schema(), d.name(), d.baseType(), d.notNull(), d.defaultExpression(), d.collation(),
                        checks, d.comment());
            }
            byOid.put(oid, d);
        }, scopeOids);
        out.addAll(byOid.values());
    }

    private void readComposites(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        Map<Long, CompositeType> byOid = new LinkedHashMap<>();
        query(PgCatalog.COMPOSITES, rs -> {
            long oid = rs.getLong("oid");
            CompositeType t = byOid.get(oid);
            if (t == null) {
                t = new CompositeType(names.ofOid(rs.getLong("ns")), rs.getString("name"), List.of(),
                        rs.getString("comment"));
            }
            String attname = rs.getString("attname");
            if (attname != null) {
                List<TypeAttribute> attributes = new ArrayList<>(t.attributes());
                attributes.add(new TypeAttribute(attname, rs.getString("atttype"), collation(names, rs)));
                t = new CompositeType(t.schema(), t.name(), attributes, t.comment());
            }
            byOid.put(oid, t);
        }, scopeOids);
        out.addAll(byOid.values());
    }

    private void readSequences(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        query(PgCatalog.SEQUENCES, rs -> {
            String schema = names.ofOid(rs.getLong("ns"));
            String ownedBy = null;
            if (rs.getString("ownertable") != null) {
                String ownerSchema = names.relative(rs.getString("ownerns"));
                ownedBy = (ownerSchema.equals(schema) ? "" : ownerSchema + ".") + rs.getString("ownertable") + "."
                        + rs.getString("ownercolumn");
            }
            out.add(new Sequence(schema, rs.getString("name"), rs.getString("type"), rs.getLong("start"),
                    rs.getLong("inc"), rs.getLong("min"), rs.getLong("max"), rs.getLong("cache"),
                    rs.getBoolean("cycle"), ownedBy, rs.getString("comment")));
        }, scopeOids);
    }

    private void readTables(List<SchemaObject> out, PgScopeNames names, String scopeOids, Map<Long, Rel> relations)
            throws SQLException {
        query(PgCatalog.TABLES, rs -> {
            String schema = names.ofOid(rs.getLong("ns"));
            String name = rs.getString("name");
            relations.put(rs.getLong("oid"), new Rel(schema, name));
            Map<String, String> tableOptions = new TreeMap<>();
            if ("u".equals(rs.getString("persistence"))) {
                tableOptions.put("persistence", "unlogged");
            }
            String am = rs.getString("am");
            if (am != null && !am.equals("heap")) {
                tableOptions.put("access_method", am);
            }
            storageParameters(rs.getArray("reloptions"), "with.", tableOptions);
            List<String> parentSchemas = strings(rs.getArray("parentns"));
            List<String> parentNames = strings(rs.getArray("parentnames"));
            List<TableRef> parents = new ArrayList<>();
            for (int i = 0; i < parentNames.size(); i++) {
                parents.add(new TableRef(names.relative(parentSchemas.get(i)), parentNames.get(i)));
            }
            boolean partition = rs.getBoolean("ispartition");
            TableRef partitionOf = partition && !parents.isEmpty() ? parents.get(0) : null;
            out.add(new Table(schema, name, "p".equals(rs.getString("kind")) ? TableKind.PARTITIONED : TableKind.TABLE,
                    rs.getString("partkey"), partitionOf, rs.getString("bound"), partition ? List.of() : parents,
                    tableOptions, rs.getBoolean("rls"), rs.getBoolean("forcerls"), rs.getString("comment")));
        }, scopeOids);
    }

    private void readColumns(List<SchemaObject> out, String scopeOids, Map<Long, Rel> relations, PgScopeNames names)
            throws SQLException {
        long[] currentRel = {-1};
        int[] position = {0};
        query(PgCatalog.COLUMNS, rs -> {
            long relOid = rs.getLong("rel");
            Rel rel = relations.get(relOid);
            if (rel == null) {
                return; // created after the tables query in this snapshot: not possible under repeatable read
            }
            if (relOid != currentRel[0]) {
                currentRel[0] = relOid;
                position[0] = 0;
            }
            position[0]++;
            String identity = switch (rs.getString("identity")) {
                case "a" -> "ALWAYS";
                case "d" -> "BY DEFAULT";
                default -> null;
            };
            boolean generated = "s".equals(rs.getString("generated"));
            String def = rs.getString("def");
            String defaultExpression = generated ? null
                    : PgDefaults.normalize(def, rs.getString("basename"), rs.getString("cat"), rs.getString("elemcat"));
            out.add(new Column(rel.schema(), rel.name(), rs.getString("name"), position[0], rs.getString("type"),
                    !rs.getBoolean("notnull"), defaultExpression, identity, generated ? def : null,
                    generated ? "STORED" : null, null, collation(names, rs), false, null, false,
                    rs.getString("comment")));
        }, scopeOids);
    }

    private void readConstraints(List<SchemaObject> out, PgScopeNames names, String scopeOids,
                                 Map<Long, Rel> relations, int version) throws SQLException {
        query(PgCatalog.constraints(version), rs -> {
            Rel rel = relations.get(rs.getLong("rel"));
            if (rel == null) {
                return;
            }
            String name = rs.getString("name");
            String comment = rs.getString("comment");
            boolean deferrable = rs.getBoolean("deferrable");
            boolean deferred = rs.getBoolean("deferred");
            List<String> columns = strings(rs.getArray("cols"));
            switch (rs.getString("type")) {
                case "p" -> out.add(new PrimaryKey(rel.schema(), rel.name(), name, columns, comment));
                case "u" -> out.add(new UniqueConstraint(rel.schema(), rel.name(), name, columns,
                        rs.getBoolean("nullsnotdistinct"), deferrable, deferred, comment));
                // NOT VALID checks are enforced for every new row; validation is a migration state, not schema
                case "c" -> out.add(new CheckConstraint(rel.schema(), rel.name(), name, rs.getString("checkexpr"),
                        rs.getBoolean("noinherit"), true, comment));
                case "x" -> out.add(new ExclusionConstraint(rel.schema(), rel.name(), name,
                        exclusionBody(rs.getString("def")), deferrable, deferred, comment));
                case "f" -> out.add(new ForeignKey(rel.schema(), rel.name(), name, columns,
                        new TableRef(names.relative(rs.getString("refns")), rs.getString("reftable")),
                        strings(rs.getArray("refcols")), action(rs.getString("onupdate")),
                        action(rs.getString("ondelete")), match(rs.getString("match")), deferrable, deferred, comment));
                default -> throw new IllegalStateException("unexpected constraint type " + rs.getString("type"));
            }
        }, scopeOids);
    }

    private void readViews(List<SchemaObject> out, PgScopeNames names, String scopeOids, Map<Long, Rel> relations)
            throws SQLException {
        query(PgCatalog.VIEWS, rs -> {
            String schema = names.ofOid(rs.getLong("ns"));
            String name = rs.getString("name");
            relations.put(rs.getLong("oid"), new Rel(schema, name));
            Map<String, String> viewOptions = new TreeMap<>();
            storageParameters(rs.getArray("reloptions"), "", viewOptions);
            out.add(new View(schema, name, "m".equals(rs.getString("kind")), viewDefinition(rs.getString("def")),
                    strings(rs.getArray("cols")), viewOptions, rs.getString("comment")));
        }, scopeOids);
    }

    private void readIndexes(List<SchemaObject> out, String scopeOids, Map<Long, Rel> relations, int version)
            throws SQLException {
        query(PgCatalog.indexes(version), rs -> {
            Rel rel = relations.get(rs.getLong("rel"));
            if (rel == null) {
                return;
            }
            String name = rs.getString("name");
            String method = rs.getString("method");
            int keys = rs.getInt("nkeys");
            List<Integer> nums = ints(rs.getArray("nums"));
            List<Integer> flags = ints(rs.getArray("options"));
            List<String> colNames = strings(rs.getArray("colnames"));
            List<String> keyTexts = strings(rs.getArray("keytexts"));
            List<PgIndexKeys.Decoration> decorations =
                    PgIndexKeys.decorations(rs.getString("def"), method, keyTexts);
            List<IndexPart> parts = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                int flag = k < flags.size() ? flags.get(k) : 0;
                boolean desc = (flag & 1) != 0;
                boolean nullsFirst = (flag & 2) != 0;
                // the default is NULLS LAST for ASC and NULLS FIRST for DESC
                String nulls = desc == nullsFirst ? null : (nullsFirst ? "FIRST" : "LAST");
                boolean expression = nums.get(k) == 0;
                PgIndexKeys.Decoration d = decorations.get(k);
                parts.add(new IndexPart(expression ? null : colNames.get(k), expression ? keyTexts.get(k) : null,
                        desc ? "DESC" : "ASC", nulls, d.opclass(), d.collation(), null));
            }
            List<String> include = new ArrayList<>(colNames.subList(keys, colNames.size()));
            Map<String, String> indexOptions = new TreeMap<>();
            storageParameters(rs.getArray("reloptions"), "", indexOptions);
            out.add(new Index(rel.schema(), rel.name(), name, rs.getBoolean("isunique"), method, parts, include,
                    rs.getString("pred"), rs.getBoolean("nullsnotdistinct"), indexOptions, rs.getString("comment")));
        }, scopeOids);
    }

    private void readRoutines(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        query(PgCatalog.ROUTINES, rs -> {
            boolean procedure = "p".equals(rs.getString("kind"));
            String base = rs.getString("name");
            String definition = names.unqualifyHeader(rs.getString("def"), procedure ? "PROCEDURE" : "FUNCTION");
            out.add(new Routine(names.ofOid(rs.getLong("ns")), base + "(" + rs.getString("args") + ")", base,
                    procedure, definition.strip(), rs.getString("comment")));
        }, scopeOids);
    }

    private void readTriggers(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        query(PgCatalog.TRIGGERS, rs -> out.add(new Trigger(names.ofOid(rs.getLong("ns")), rs.getString("rel"),
                rs.getString("name"), rs.getString("def"), triggerState(rs.getString("enabled")),
                rs.getString("comment"))), scopeOids);
    }

    private void readPolicies(List<SchemaObject> out, PgScopeNames names, String scopeOids) throws SQLException {
        query(PgCatalog.POLICIES, rs -> out.add(new Policy(names.ofOid(rs.getLong("ns")), rs.getString("rel"),
                rs.getString("name"), rs.getBoolean("permissive"), policyCommand(rs.getString("cmd")),
                strings(rs.getArray("roles")), rs.getString("qual"), rs.getString("withcheck"),
                rs.getString("comment"))), scopeOids);
    }

    // ---- value mapping -------------------------------------------------------------------------

    /** A collation that differs from the type's default, qualified when outside pg_catalog. */
    private static String collation(PgScopeNames names, ResultSet rs) throws SQLException {
        String name = rs.getString("collname");
        return name == null ? null : names.qualified(rs.getString("collns"), name);
    }

    /** The exclusion definition without the deferrability words, which are separate fields. */
    static String exclusionBody(String definition) {
        String d = definition.strip();
        for (String suffix : List.of(" INITIALLY DEFERRED", " DEFERRABLE")) {
            if (d.endsWith(suffix)) {
                d = d.substring(0, d.length() - suffix.length());
            }
        }
        return d;
    }

    /** pg_get_viewdef output without leading blanks and the trailing semicolon. */
    static String viewDefinition(String definition) {
        String d = definition.strip();
        return d.endsWith(";") ? d.substring(0, d.length() - 1).strip() : d;
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String match(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }

    /** tgenabled: O fires in origin and local sessions (the normal state), D never, R replica only, A always. */
    private static String triggerState(String code) {
        return switch (code) {
            case "D" -> "DISABLED";
            case "R" -> "REPLICA";
            case "A" -> "ALWAYS";
            default -> "ENABLED";
        };
    }

    private static String policyCommand(String code) {
        return switch (code) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
    }

    private static void storageParameters(Array reloptions, String prefix, Map<String, String> into)
            throws SQLException {
        for (String option : strings(reloptions)) {
            int eq = option.indexOf('=');
            if (eq > 0) {
                into.put(prefix + option.substring(0, eq), option.substring(eq + 1));
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    private static List<Integer> ints(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Integer> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(((Number) v).intValue());
        }
        return out;
    }

    private static String oidArray(Iterable<Long> oids) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        oids.forEach(o -> j.add(Long.toString(o)));
        return j.toString();
    }

    // ---- statements ----------------------------------------------------------------------------

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... params) throws SQLException {
        queries++;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(0); // statement_timeout of the read-only session bounds it, server-side
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresInspector[" + options + "]";
    }
}
