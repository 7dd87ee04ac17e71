package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.schema.Aggregate;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Collation;
import dev.driftd.schema.ColumnStatistics;
import dev.driftd.schema.Column;
import dev.driftd.schema.CompositeType;
import dev.driftd.schema.Dependency;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.ExclusionConstraint;
import dev.driftd.schema.Extension;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Policy;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Privilege;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Rule;
import dev.driftd.schema.SchemaDef;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableKind;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.TextSearchConfiguration;
import dev.driftd.schema.TextSearchDictionary;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
    private final PgScopeFilter.TenantRead tenantRead;
    private int queries;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    /** Schema-qualified relation (table, view, materialized view) by OID, for table parts. */
    private record Rel(String schema, String name) {
    }

    PostgresInspector(Connection connection, InspectOptions options) {
        this(connection, options, PgScopeFilter.TenantRead.BY_SHARE);
    }

    /**
     * {@code tenantRead} says how a single schema is read; tests force each way to compare them
     * (the namespace-filtered read cannot miss an object, the member read must equal it).
     */
    PostgresInspector(Connection connection, InspectOptions options, PgScopeFilter.TenantRead tenantRead) {
        this.connection = connection;
        this.options = options;
        this.tenantRead = tenantRead;
    }

    /** Milliseconds per catalog query (including reading its rows), in the order they ran; for benchmarks. */
    Map<String, Long> timings() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /** Statements this inspector sent so far: a fixed number per snapshot. */
    int queriesRun() {
        return queries;
    }

    Snapshot inspect(String schema) throws SQLException {
        return fixpoint(inRepeatableRead(() -> read(schema)), schema, true);
    }

    /** The snapshot and the catalog marker, both from one transaction's view of the catalogs. */
    MarkedSnapshot inspectMarked(String schema) throws SQLException {
        MarkedSnapshot read = inRepeatableRead(() -> {
            String marker = marker();
            return new MarkedSnapshot(read(schema), marker);
        });
        return new MarkedSnapshot(fixpoint(read.snapshot(), schema, true), read.marker());
    }

    /** {@link PgCatalog#CATALOG_MARKER} in the caller's transaction, or its own. */
    String marker() throws SQLException {
        String[] marker = new String[1];
        query("marker", PgCatalog.CATALOG_MARKER, rs -> marker[0] = rs.getString(1));
        return marker[0];
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws SQLException;
    }

    private <T> T inRepeatableRead(Read<T> body) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return body.read();
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
        return fixpoint(read(schema), schema, false);
    }

    /** The catalog as read, before {@link #fixpoint}: what the server printed, for tests. */
    Snapshot inspectAsRead(String schema) throws SQLException {
        return inRepeatableRead(() -> read(schema));
    }

    /**
     * Deparsed texts brought to the server's own fixpoint ({@link PgDeparseFixpoint}), after the
     * read-only catalog read: in a separate, rolled-back transaction, or under a savepoint of the
     * caller's open one.
     */
    private Snapshot fixpoint(Snapshot read, String schema, boolean ownTransaction) throws SQLException {
        long start = System.nanoTime();
        Snapshot fixed = new PgDeparseFixpoint(connection, schema, ownTransaction).apply(read);
        timings.merge("fixpoint", (System.nanoTime() - start) / 1_000_000L, Long::sum);
        return fixed;
    }

    private Snapshot read(String schema) throws SQLException {
        boolean single = schema != null;
        query("search_path", PgCatalog.SET_SEARCH_PATH, rs -> { }, schema, schema);

        List<SchemaObject> objects = new ArrayList<>();
        Map<Long, String> schemaNames = new TreeMap<>();
        String[] db = new String[2];
        int[] version = new int[1];
        String[] quoted = new String[1];
        List<SchemaDef> schemaDefs = new ArrayList<>();
        query("schemas", PgCatalog.schemas(single), rs -> {
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
        PgScopeFilter filter = single && tenantRead != PgScopeFilter.TenantRead.BY_NAMESPACE
                ? tenantFilter(scopeOids) : PgScopeFilter.bySchema(scopeOids);

        if (filter.byMember()) {
            query("scope", PgScopeFilter.NO_PARALLEL_PLANS, rs -> { });
        }
        Catalog catalog = new Catalog(names, scopeOids, filter, version[0]);
        readComments(catalog);
        readExtensions(objects, catalog);
        readEnums(objects, catalog);
        readDomains(objects, catalog);
        readComposites(objects, catalog);
        readSequences(objects, catalog);
        readTables(objects, catalog);
        List<PendingView> views = readViews(catalog);
        readColumns(objects, catalog);
        for (PendingView v : views) {
            objects.add(new View(v.schema(), v.name(), v.materialized(), v.definition(),
                    catalog.columnNames(v.oid()), v.options(), catalog.comment('c', v.oid(), 0),
                    catalog.columnComments(v.oid()), null));
        }
        readConstraints(objects, catalog);
        readIndexes(objects, catalog);
        readRoutines(objects, catalog);
        readTriggers(objects, catalog);
        readPolicies(objects, catalog);
        readPrivileges(objects, catalog);
        readCollations(objects, catalog);
        readTextSearch(objects, catalog);
        readAggregates(objects, catalog);
        readStatisticsTargets(objects, catalog);
        readRules(objects, catalog);
        List<Dependency> dependencies = readDependencies(catalog, objects.size());
        Set<ObjectKind> notInspected = EnumSet.noneOf(ObjectKind.class);
        scoped(catalog, "not modelled", PgUnmodelled.SQL,
                rs -> notInspected.add(ObjectKind.valueOf(rs.getString("kind"))), PgUnmodelled.parameters(single, scopeOids));

        Scope scope = single ? Scope.singleSchema(db[0], schema)
                : Scope.database(db[0], List.copyOf(schemaNames.values()).stream().sorted().toList());
        return new Snapshot(Flavor.POSTGRES, db[1], scope, objects, notInspected, dependencies);
    }

    /** What one snapshot has read so far, for the queries after it. */
    private static final class Catalog {
        final PgScopeNames names;
        final String scopeOids;
        /** Keeps the queries to the scope: by schema, or a single schema's members by OID. */
        final PgScopeFilter filter;
        final int version;
        /** Tables, views and materialized views in the snapshot (extension members excluded). */
        final Map<Long, Rel> relations = new HashMap<>();
        /** Live attribute names by relation and attribute number. */
        final Map<Long, AttributeNames> attributes = new HashMap<>();
        final Map<CommentKey, String> comments = new HashMap<>();

        Catalog(PgScopeNames names, String scopeOids, PgScopeFilter filter, int version) {
            this.names = names;
            this.scopeOids = scopeOids;
            this.filter = filter;
            this.version = version;
        }

        String comment(char catalog, long oid, int sub) {
            return comments.isEmpty() ? null : comments.get(new CommentKey(catalog, oid, sub));
        }

        /** Comments on the columns of an in-snapshot relation, by column name. */
        Map<String, String> columnComments(long rel) {
            AttributeNames byNum = attributes.get(rel);
            if (byNum == null || comments.isEmpty()) {
                return Map.of();
            }
            Map<String, String> out = new TreeMap<>();
            byNum.forEach((name, num) -> {
                String text = comment('c', rel, num);
                if (text != null) {
                    out.put(name, text);
                }
            });
            return out;
        }

        List<String> columnNames(long rel) {
            AttributeNames byNum = attributes.get(rel);
            return byNum == null ? List.of() : byNum.inOrder();
        }

        /** Names for attribute numbers of an in-snapshot relation; null if one is unknown. */
        List<String> names(long rel, List<Integer> nums) {
            AttributeNames byNum = attributes.get(rel);
            if (byNum == null) {
                return null;
            }
            List<String> out = new ArrayList<>(nums.size());
            for (int n : nums) {
                String name = byNum.get(n);
                if (name == null) {
                    return null;
                }
                out.add(name);
            }
            return out;
        }
    }

    /** Live attribute names of one relation by number: small, dense numbers, so an array rather than a map. */
    private static final class AttributeNames {
        static final AttributeNames NONE = new AttributeNames();
        private String[] byNum = new String[16];

        void put(int num, String name) {
            if (num >= byNum.length) {
                byNum = Arrays.copyOf(byNum, Math.max(num + 1, byNum.length * 2));
            }
            byNum[num] = name;
        }

        /** The name of attribute {@code num}, or null. */
        String get(int num) {
            return num > 0 && num < byNum.length ? byNum[num] : null;
        }

        void forEach(java.util.function.ObjIntConsumer<String> action) {
            for (int num = 1; num < byNum.length; num++) {
                if (byNum[num] != null) {
                    action.accept(byNum[num], num);
                }
            }
        }

        List<String> inOrder() {
            List<String> names = new ArrayList<>();
            for (String name : byNum) {
                if (name != null) {
                    names.add(name);
                }
            }
            return List.copyOf(names);
        }
    }

    /**
     * A comment's address: catalog letter, object OID, sub-id (column number). A class rather than a
     * record: it is looked up once per object, and a record's generated hashCode is costly to link
     * in a cold process.
     */
    private static final class CommentKey {
        private final char catalog;
        private final long oid;
        private final int sub;

        CommentKey(char catalog, long oid, int sub) {
            this.catalog = catalog;
            this.oid = oid;
            this.sub = sub;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CommentKey k && k.oid == oid && k.sub == sub && k.catalog == catalog;
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(oid) * 31 + sub) * 31 + catalog;
        }
    }

    private record PendingView(long oid, String schema, String name, boolean materialized, String definition,
                               Map<String, String> options) {
    }

    private void readComments(Catalog catalog) throws SQLException {
        scoped(catalog, "comments", PgCatalog.COMMENTS, rs -> catalog.comments.put(new CommentKey(rs.getString("cat").charAt(0),
                rs.getLong("oid"), rs.getInt("sub")), rs.getString("comment")));
    }

    private void readExtensions(List<SchemaObject> out, Catalog catalog) throws SQLException {
        PgScopeNames names = catalog.names;
        query("extensions", PgCatalog.EXTENSIONS, rs -> out.add(new Extension(rs.getString("name"),
                names.relative(rs.getString("schema")), rs.getString("version"), rs.getString("comment"))),
                !names.single(), catalog.scopeOids);
    }

    private void readEnums(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "enums", PgCatalog.ENUMS, rs -> out.add(new EnumType(catalog.names.ofOid(rs.getLong("ns")), rs.getString("name"),
                strings(rs.getArray("labels")), catalog.comment('t', rs.getLong("oid"), 0))));
    }

    private void readDomains(List<SchemaObject> out, Catalog catalog) throws SQLException {
        Map<Long, Domain> byOid = new LinkedHashMap<>();
        scoped(catalog, "domains", PgCatalog.DOMAINS, rs -> {
            long oid = rs.getLong("oid");
            Domain d = byOid.get(oid);
            if (d == null) {
                String cats = rs.getString("cat");
                String def = PgDefaults.normalize(rs.getString("def"), rs.getString("basename"), cats,
                        rs.getString("elemcat"));
                d = new Domain(catalog.names.ofOid(rs.getLong("ns")), rs.getString("name"), rs.getString("basetype"),
                        rs.getBoolean("notnull"), def, collation(catalog.names, rs), List.of(),
                        catalog.comment('t', oid, 0));
            }
            String check = rs.getString("checkname");
            if (check != null) {
                List<NamedCheck> checks = new ArrayList<>(d.checks());
                checks.add(new NamedCheck(check, rs.getString("checkexpr")));
                Map<String, String> comments = new TreeMap<>(d.checkComments());
                String comment = rs.getString("checkcomment");
                if (comment != null && !comment.isEmpty()) {
                    comments.put(check, comment);
                }
                d = new Domain(d.schema(), d.name(), d.baseType(), d.notNull(), d.defaultExpression(), d.collation(),
                        checks, comments, d.comment());
            }
            byOid.put(oid, d);
        });
        out.addAll(byOid.values());
    }

    private void readComposites(List<SchemaObject> out, Catalog catalog) throws SQLException {
        Map<Long, CompositeType> byOid = new LinkedHashMap<>();
        scoped(catalog, "composites", PgCatalog.COMPOSITES, rs -> {
            long oid = rs.getLong("oid");
            CompositeType t = byOid.get(oid);
            if (t == null) {
                t = new CompositeType(catalog.names.ofOid(rs.getLong("ns")), rs.getString("name"), List.of(),
                        catalog.comment('t', oid, 0));
            }
            String attname = rs.getString("attname");
            if (attname != null) {
                List<TypeAttribute> attributes = new ArrayList<>(t.attributes());
                attributes.add(new TypeAttribute(attname, rs.getString("atttype"), collation(catalog.names, rs)));
                Map<String, String> comments = new TreeMap<>(t.columnComments());
                // an attribute's comment is on the type's relation, as a column's on its table
                String comment = catalog.comment('c', rs.getLong("relid"), rs.getInt("attnum"));
                if (comment != null) {
                    comments.put(attname, comment);
                }
                t = new CompositeType(t.schema(), t.name(), attributes, t.comment(), comments);
            }
            byOid.put(oid, t);
        });
        out.addAll(byOid.values());
    }

    private void readSequences(List<SchemaObject> out, Catalog catalog) throws SQLException {
        PgScopeNames names = catalog.names;
        scoped(catalog, "sequences", PgCatalog.SEQUENCES, rs -> {
            String schema = names.ofOid(rs.getLong("ns"));
            String ownedBy = null;
            if (rs.getString("ownertable") != null) {
                String ownerSchema = names.relative(rs.getString("ownerns"));
                ownedBy = (ownerSchema.equals(schema) ? "" : ownerSchema + ".") + rs.getString("ownertable") + "."
                        + rs.getString("ownercolumn");
            }
            out.add(new Sequence(schema, rs.getString("name"), rs.getString("type"), rs.getLong("start"),
                    rs.getLong("inc"), rs.getLong("min"), rs.getLong("max"), rs.getLong("cache"),
                    rs.getBoolean("cycle"), ownedBy, catalog.comment('c', rs.getLong("oid"), 0)));
        });
    }

    private void readTables(List<SchemaObject> out, Catalog catalog) throws SQLException {
        PgScopeNames names = catalog.names;
        scoped(catalog, "tables", PgCatalog.TABLES, rs -> {
            long oid = rs.getLong("oid");
            String schema = names.ofOid(rs.getLong("ns"));
            String name = rs.getString("name");
            catalog.relations.put(oid, new Rel(schema, name));
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
                    tableOptions, rs.getBoolean("rls"), rs.getBoolean("forcerls"), catalog.comment('c', oid, 0)));
        });
    }

    private List<PendingView> readViews(Catalog catalog) throws SQLException {
        List<PendingView> views = new ArrayList<>();
        scoped(catalog, "views", PgCatalog.VIEWS, rs -> {
            long oid = rs.getLong("oid");
            String schema = catalog.names.ofOid(rs.getLong("ns"));
            String name = rs.getString("name");
            catalog.relations.put(oid, new Rel(schema, name));
            Map<String, String> viewOptions = new TreeMap<>();
            storageParameters(rs.getArray("reloptions"), "", viewOptions);
            views.add(new PendingView(oid, schema, name, "m".equals(rs.getString("kind")),
                    viewDefinition(rs.getString("def")), viewOptions));
        });
        return views;
    }

    /** Columns of tables become objects; every relation's attribute names are kept for key mapping. */
    private void readColumns(List<SchemaObject> out, Catalog catalog) throws SQLException {
        List<Column> columns = new ArrayList<>();
        scoped(catalog, "columns", PgCatalog.columns(catalog.version), rs -> {
            long relOid = rs.getLong("rel");
            Rel rel = catalog.relations.get(relOid);
            if (rel == null) {
                return; // an extension member's relation
            }
            int num = rs.getInt("num");
            String name = rs.getString("name");
            catalog.attributes.computeIfAbsent(relOid, k -> new AttributeNames()).put(num, name);
            String kind = rs.getString("relkind");
            if (!"r".equals(kind) && !"p".equals(kind)) {
                return;
            }
            String identity = switch (rs.getString("identity")) {
                case "a" -> "ALWAYS";
                case "d" -> "BY DEFAULT";
                default -> null;
            };
            Array seq = rs.getArray("identseq");
            if (identity != null && seq != null) {
                Long[] v = (Long[]) seq.getArray();
                identity = PgIdentity.encode(identity, rs.getString("identtype"), v[0], v[1], v[2], v[3], v[4], v[5] == 1);
            }
            String generatedKind = switch (rs.getString("generated")) {
                case "s" -> "STORED";
                case "v" -> "VIRTUAL"; // PostgreSQL 18's default: computed on read, its expression is no default
                default -> null;
            };
            boolean generated = generatedKind != null;
            String def = rs.getString("def");
            String cats = rs.getString("cats");
            String defaultExpression = generated || def == null ? null : PgDefaults.normalize(def,
                    rs.getString("basename"), cats.substring(0, 1), cats.length() > 1 ? cats.substring(1) : null);
            // position is provisional (the attribute number); ranked among live columns below
            // an inherited NOT NULL (a partition's, a child's) belongs to its parent: its name is the parent's
            String notNullName = rs.getString("nnname");
            boolean local = notNullName != null && rs.getBoolean("nnlocal");
            if (!local || PgNotNull.isDefaultName(rel.name(), name, notNullName)) {
                notNullName = null;
            }
            columns.add(new Column(rel.schema(), rel.name(), name, num, rs.getString("type"),
                    !rs.getBoolean("notnull"), defaultExpression, identity, generated ? def : null,
                    generatedKind, null, collation(catalog.names, rs), false, null, false,
                    catalog.comment('c', relOid, num), notNullName, local && rs.getBoolean("nnnotvalid"),
                    local && rs.getBoolean("nnnoinherit")));
        });
        columns.sort(Comparator.comparing(Column::schema).thenComparing(Column::table)
                .thenComparingInt(Column::position));
        String table = null;
        int position = 0;
        for (Column c : columns) {
            String owner = c.schema() + '\u0000' + c.table();
            position = owner.equals(table) ? position + 1 : 1;
            table = owner;
            out.add(c.withPosition(position));
        }
    }

    private void readConstraints(List<SchemaObject> out, Catalog catalog) throws SQLException {
        PgScopeNames names = catalog.names;
        scoped(catalog, "constraints", PgCatalog.constraints(catalog.version), rs -> {
            long relOid = rs.getLong("rel");
            Rel rel = catalog.relations.get(relOid);
            if (rel == null) {
                return;
            }
            String name = rs.getString("name");
            String comment = catalog.comment('k', rs.getLong("oid"), 0);
            // a key's or exclusion constraint's index has a comment of its own (COMMENT ON INDEX t_pkey)
            String indexComment = catalog.comment('c', rs.getLong("indexoid"), 0);
            boolean deferrable = rs.getBoolean("deferrable");
            boolean deferred = rs.getBoolean("deferred");
            boolean enforced = rs.getBoolean("enforced");
            List<String> columns = catalog.names(relOid, arrayInts(rs.getString("cols")));
            switch (rs.getString("type")) {
                case "p" -> out.add(new PrimaryKey(rel.schema(), rel.name(), name, columns, deferrable, deferred, comment,
                        rs.getBoolean("period"), indexComment));
                case "u" -> out.add(new UniqueConstraint(rel.schema(), rel.name(), name, columns,
                        rs.getBoolean("nullsnotdistinct"), deferrable, deferred, comment, rs.getBoolean("period"),
                        indexComment));
                // NOT VALID is kept: a golden whose legacy rows break a check must not get a plan validating it;
                // a NOT ENFORCED one (18) is never validated, so NOT VALID says nothing more there
                case "c" -> out.add(new CheckConstraint(rel.schema(), rel.name(), name, rs.getString("checkexpr"),
                        rs.getBoolean("noinherit"), enforced, enforced && rs.getBoolean("notvalid"), comment));
                case "x" -> out.add(new ExclusionConstraint(rel.schema(), rel.name(), name,
                        exclusionBody(rs.getString("def")), deferrable, deferred, comment, indexComment));
                case "f" -> {
                    List<String> referenced = catalog.names(rs.getLong("refrel"), arrayInts(rs.getString("refcols")));
                    if (referenced == null) {
                        referenced = strings(rs.getArray("refnames")); // a table outside the scope
                    }
                    out.add(new ForeignKey(rel.schema(), rel.name(), name, columns,
                            new TableRef(names.relative(rs.getString("refns")), rs.getString("reftable")), referenced,
                            action(rs.getString("onupdate")), action(rs.getString("ondelete")),
                            match(rs.getString("match")), deferrable, deferred, enforced && rs.getBoolean("notvalid"),
                            comment, rs.getBoolean("period"), !enforced));
                }
                default -> throw new IllegalStateException("unexpected constraint type " + rs.getString("type"));
            }
        }, catalog.scopeOids);
    }

    private void readIndexes(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "indexes", PgCatalog.indexes(catalog.version), rs -> {
            long relOid = rs.getLong("rel");
            Rel rel = catalog.relations.get(relOid);
            if (rel == null) {
                return;
            }
            String name = rs.getString("name");
            String method = rs.getString("method");
            int keys = rs.getInt("nkeys");
            List<Integer> nums = vectorInts(rs.getString("nums"));
            List<Integer> flags = vectorInts(rs.getString("options"));
            String definition = rs.getString("def");
            List<PgIndexKeys.Key> printed = definition == null ? null : PgIndexKeys.keys(definition, method, keys);
            AttributeNames attnames = catalog.attributes.getOrDefault(relOid, AttributeNames.NONE);
            List<IndexPart> parts = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                int flag = k < flags.size() ? flags.get(k) : 0;
                boolean desc = (flag & 1) != 0;
                boolean nullsFirst = (flag & 2) != 0;
                // the default is NULLS LAST for ASC and NULLS FIRST for DESC
                String nulls = desc == nullsFirst ? null : (nullsFirst ? "FIRST" : "LAST");
                boolean expression = nums.get(k) == 0;
                PgIndexKeys.Key key = printed == null ? null : printed.get(k);
                parts.add(new IndexPart(expression ? null : attnames.get(nums.get(k)),
                        expression ? key.text() : null, desc ? "DESC" : "ASC", nulls,
                        key == null ? null : key.opclass(), key == null ? null : key.collation(), null));
            }
            List<String> include = new ArrayList<>();
            for (int k = keys; k < nums.size(); k++) {
                include.add(attnames.get(nums.get(k)));
            }
            Map<String, String> indexOptions = new TreeMap<>();
            storageParameters(rs.getArray("reloptions"), "", indexOptions);
            out.add(new Index(rel.schema(), rel.name(), name, rs.getBoolean("isunique"), method, parts, include,
                    rs.getString("pred"), rs.getBoolean("nullsnotdistinct"), indexOptions,
                    catalog.comment('c', rs.getLong("oid"), 0)));
        });
    }

    private void readCollations(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "collations", PgCatalogKinds.COLLATIONS, rs -> {
            String provider = switch (rs.getString("provider")) {
                case "i" -> "icu";
                case "b" -> "builtin";
                default -> "libc";
            };
            String locale = rs.getString("locale");
            String lcCollate = rs.getString("lccollate");
            String lcCtype = rs.getString("lcctype");
            if (!provider.equals("libc")) {
                // before 15 an ICU collation kept its locale in collcollate/collctype
                locale = locale != null ? locale : lcCollate;
                lcCollate = null;
                lcCtype = null;
            }
            out.add(new Collation(catalog.names.ofOid(rs.getLong("ns")), rs.getString("name"), provider, locale,
                    lcCollate, lcCtype, rs.getBoolean("deterministic"), rs.getString("rules"),
                    catalog.comment('l', rs.getLong("oid"), 0)));
        });
    }

    private void readTextSearch(List<SchemaObject> out, Catalog catalog) throws SQLException {
        PgScopeNames names = catalog.names;
        scoped(catalog, "text search dictionaries", PgCatalogKinds.TEXT_SEARCH_DICTIONARIES, rs -> out.add(
                new TextSearchDictionary(names.ofOid(rs.getLong("ns")), rs.getString("name"),
                        names.qualified(rs.getString("templatens"), rs.getString("template")), rs.getString("options"),
                        catalog.comment('d', rs.getLong("oid"), 0))));
        Map<Long, TextSearchConfiguration> configs = new LinkedHashMap<>();
        scoped(catalog, "text search configurations", PgCatalogKinds.TEXT_SEARCH_CONFIGURATIONS, rs -> {
            long oid = rs.getLong("oid");
            TextSearchConfiguration c = configs.get(oid);
            Map<String, String> mappings = new TreeMap<>(c == null ? Map.of() : c.mappings());
            if (rs.getString("token") != null) {
                mappings.put(rs.getString("token"), rs.getString("dictionaries"));
            }
            configs.put(oid, new TextSearchConfiguration(names.ofOid(rs.getLong("ns")), rs.getString("name"),
                    names.qualified(rs.getString("parserns"), rs.getString("parser")), mappings,
                    catalog.comment('y', oid, 0)));
        });
        out.addAll(configs.values());
    }

    private void readAggregates(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "aggregates", PgCatalogKinds.AGGREGATES, rs -> {
            String base = rs.getString("name");
            out.add(new Aggregate(catalog.names.ofOid(rs.getLong("ns")), base + "(" + rs.getString("args") + ")", base,
                    PgAggregates.definition(rs), catalog.comment('f', rs.getLong("oid"), 0)));
        });
    }

    private void readRules(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "rules", PgCatalogKinds.RULES, rs -> {
            Rel rel = catalog.relations.get(rs.getLong("rel"));
            if (rel != null) {
                out.add(new Rule(rel.schema(), rel.name(), rs.getString("name"),
                        PgDdl.stripTerminator(rs.getString("def")), catalog.comment('u', rs.getLong("oid"), 0)));
            }
        });
    }

    private void readStatisticsTargets(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "statistics targets", PgCatalogKinds.STATISTICS_TARGETS, rs -> {
            Rel rel = catalog.relations.get(rs.getLong("rel"));
            if (rel != null) {
                out.add(new ColumnStatistics(rel.schema(), rel.name(), rs.getString("name"), rs.getInt("target")));
            }
        });
    }

    /**
     * Objects read in a scope (tables, columns, indexes, routines…) up to which the dependency
     * query may use nested loops. Past it they are
     * off for that query: the catalogs of a database created from a template carry the template's
     * statistics, under which no pg_depend row has an OID from 16384, so the planner would join the
     * edges by nested loops over CTEs, quadratic in the number of edges (a timeout at 2,000
     * tables). Within it the quadratic worst case is bounded (a few thousand objects, well under a
     * second), and nested loops are what let a small scope probe pg_depend by its indexes instead
     * of hashing it whole: one tenant schema of a database of 1,000 reads its edges in 116–152 ms
     * instead of 285–375 ms, the difference growing with the database (docs/benchmarks.md).
     */
    static final int NESTED_LOOPS_UP_TO_OBJECTS = 2_000;

    /**
     * The server's dependency edges; nested loops off around the query when more than
     * {@link #NESTED_LOOPS_UP_TO_OBJECTS} objects were read before it.
     */
    private List<Dependency> readDependencies(Catalog catalog, int objectsRead) throws SQLException {
        List<Dependency> out = new ArrayList<>();
        boolean noNestedLoops = objectsRead > NESTED_LOOPS_UP_TO_OBJECTS;
        String[] was = new String[1];
        if (noNestedLoops) {
            query("dependencies", PgDependencies.NO_NESTED_LOOPS, rs -> was[0] = rs.getString("was"));
        }
        try {
            scoped(catalog, "dependencies", PgDependencies.SQL, rs -> {
                Dependency d = PgDependencies.edge(rs, catalog.names, catalog.version);
                if (d != null) {
                    out.add(d);
                }
            }, catalog.scopeOids);
        } finally {
            if (noNestedLoops) {
                query("dependencies", PgDependencies.RESTORE_NESTED_LOOPS, rs -> { }, was[0] == null ? "on" : was[0]);
            }
        }
        return out;
    }

    private void readRoutines(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "routines", PgCatalog.ROUTINES, rs -> {
            boolean procedure = "p".equals(rs.getString("kind"));
            String base = rs.getString("name");
            String definition = catalog.names.unqualifyHeader(rs.getString("def"), procedure ? "PROCEDURE" : "FUNCTION");
            String args = procedure ? PgProcedureArgs.identity(rs.getString("args"), catalog.version) : rs.getString("args");
            out.add(new Routine(catalog.names.ofOid(rs.getLong("ns")), base + "(" + args + ")", base,
                    procedure, definition.strip(), catalog.comment('f', rs.getLong("oid"), 0)));
        });
    }

    private void readTriggers(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "triggers", PgCatalog.TRIGGERS, rs -> {
            Rel rel = catalog.relations.get(rs.getLong("rel"));
            if (rel != null) {
                out.add(new Trigger(rel.schema(), rel.name(), rs.getString("name"), rs.getString("def"),
                        triggerState(rs.getString("enabled")), catalog.comment('g', rs.getLong("oid"), 0)));
            }
        });
    }

    private void readPolicies(List<SchemaObject> out, Catalog catalog) throws SQLException {
        scoped(catalog, "policies", PgCatalog.POLICIES, rs -> {
            Rel rel = catalog.relations.get(rs.getLong("rel"));
            if (rel != null) {
                out.add(new Policy(rel.schema(), rel.name(), rs.getString("name"), rs.getBoolean("permissive"),
                        policyCommand(rs.getString("cmd")), strings(rs.getArray("roles")), rs.getString("qual"),
                        rs.getString("withcheck"), catalog.comment('p', rs.getLong("oid"), 0)));
            }
        });
    }

    private record Grantee(String schema, String objectType, String object, String grantee) {
    }

    /** Rows per (object, grantee, privilege) folded into one Privilege per object and grantee. */
    private void readPrivileges(List<SchemaObject> out, Catalog catalog) throws SQLException {
        Map<Grantee, TreeSet<String>> privileges = new TreeMap<>(Comparator.comparing(Grantee::toString));
        Map<Grantee, TreeSet<String>> grantable = new HashMap<>();
        scoped(catalog, "privileges", PgCatalog.PRIVILEGES, rs -> {
            String grantee = rs.getString("grantee");
            if (grantee == null) {
                return; // a dropped role's oid left in an acl
            }
            String type = rs.getString("otype");
            String object = rs.getString("obj");
            if ("COLUMN".equals(type)) {
                object = object + "." + rs.getString("col");
            } else if ("PROCEDURE".equals(type)) {
                object = PgProcedureArgs.signature(object, catalog.version);
            }
            Grantee g = new Grantee(catalog.names.ofOid(rs.getLong("ns")), type, object, grantee);
            privileges.computeIfAbsent(g, k -> new TreeSet<>()).add(rs.getString("priv"));
            if (rs.getBoolean("grantable")) {
                grantable.computeIfAbsent(g, k -> new TreeSet<>()).add(rs.getString("priv"));
            }
        }, catalog.scopeOids);
        privileges.forEach((g, privs) -> out.add(new Privilege(g.schema(), g.objectType(), g.object(), g.grantee(),
                List.copyOf(privs), List.copyOf(grantable.getOrDefault(g, new TreeSet<>())))));
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

    /** An int2[] / oid[] in text form, {@code {1,2}}; null gives an empty list. */
    static List<Integer> arrayInts(String text) {
        if (text == null || text.length() < 2) {
            return List.of();
        }
        return vectorInts(text.substring(1, text.length() - 1).replace(',', ' '));
    }

    /** An int2vector in text form, {@code 1 2}; scanned by hand, as it is read once per index and constraint. */
    static List<Integer> vectorInts(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(Integer.parseInt(text, start, i, 10));
            }
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

    /** A single schema's filter: by its members, unless it holds so much of the database that scans pay. */
    private PgScopeFilter tenantFilter(String scopeOids) throws SQLException {
        Map<String, String> members = new HashMap<>();
        long[] classBytes = new long[1];
        query("scope", PgScopeFilter.MEMBERS, rs -> {
            String oids = rs.getString("oids");
            if (oids != null) {
                members.put(rs.getString("catalog"), oids);
            }
            classBytes[0] = rs.getLong("class_bytes");
        }, scopeOids);
        return tenantRead == PgScopeFilter.TenantRead.BY_MEMBER
                || PgScopeFilter.membersPay(members.getOrDefault("pg_class", "{}"), classBytes[0])
                ? PgScopeFilter.byMember(scopeOids, members) : PgScopeFilter.bySchema(scopeOids);
    }

    /** A query whose scope tokens the snapshot's {@link PgScopeFilter} binds; {@code plain} fills its plain placeholders. */
    private void scoped(Catalog catalog, String label, String sql, RowReader reader, Object... plain) throws SQLException {
        PgScopeFilter.Bound bound = catalog.filter.bind(sql, plain);
        query(label, bound.sql(), reader, bound.params());
    }

    private void query(String label, String sql, RowReader reader, Object... params) throws SQLException {
        queries++;
        long start = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(0); // statement_timeout of the read-only session bounds it, server-side
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else if (params[i] instanceof PgScopeFilter.OidArray a) {
                    ps.setObject(i + 1, a.text(), Types.OTHER);
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
        timings.merge(label, (System.nanoTime() - start) / 1_000_000L, Long::sum);
    }

    @Override
    public String toString() {
        return "PostgresInspector[" + options + "]";
    }
}
