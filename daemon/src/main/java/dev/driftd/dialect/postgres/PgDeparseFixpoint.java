package dev.driftd.dialect.postgres;

import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Domain;
import dev.driftd.schema.Index;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.Policy;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings the server-deparsed text of a snapshot (view queries, check expressions, column defaults,
 * generated column expressions, index expressions and predicates, policy expressions, trigger WHEN
 * conditions, domain defaults and checks) to a fixpoint of "create an object from this text, deparse
 * it again". Defaults are normalized by {@link PgDefaults} after each read, as the inspector does.
 *
 * <p>Why: PostgreSQL's deparser is not idempotent. Parsing its output can add coercions or names
 * the first parse did not ({@code NULL} in a later UNION branch prints as {@code NULL::integer},
 * which re-parses as a column named {@code int4} and prints {@code NULL::integer AS int4}; an
 * {@code IN} list on a varchar column prints as one array cast to {@code text[]}, which re-parses
 * as an array of casts). So the same object reads differently depending on whether it was created
 * from the original DDL, from a {@code pg_dump} restore, or from driftd's own plan, and a plan
 * written from the first text never converges. The only parser that knows the rule is the
 * server's, so the server computes the normal form: each text is created as a temporary object
 * and read back, until the text stops changing (one extra round for almost everything).
 *
 * <p>Safety: the temporary objects live in the session's own {@code pg_temp} schema, inside a
 * transaction (or, within a caller's open transaction, a savepoint) that is always rolled back;
 * each chunk is rolled back to its savepoint, so locks are released as it goes. Nothing persists
 * and nothing outside {@code pg_temp} is written. It needs the {@code TEMPORARY} privilege and a
 * primary (not a hot standby); without them the texts are kept as read and a warning is logged.
 *
 * <p>Cost: results are cached per process by kind, {@code search_path}, the types of the columns
 * the text may name and the text, so a fleet of like members and repeated snapshots do the work
 * once, and like texts of one snapshot (the same check on many like tables) go to the server once.
 * Table-level texts share a few temporary tables holding just those columns: columns of the same
 * name and type are merged into one table.
 */
final class PgDeparseFixpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PgDeparseFixpoint.class);
    /** Deparse rounds per text; the server's output is a fixpoint after one extra round in practice. */
    static final int MAX_ROUNDS = 3;
    /**
     * Objects per savepoint: bounds the locks held at once (each temporary view or index locks itself,
     * a view every relation it reads), well within the server's shared lock table.
     */
    private static final int CHUNK = 128;
    /** Columns per merged temporary table (PostgreSQL allows 1,600). */
    private static final int MAX_COLUMNS = 1200;
    private static final String PREFIX = "driftd_fix_";
    private static final TextCache CACHE = new TextCache(100_000);

    private final Connection connection;
    private final String schema;
    private final boolean ownTransaction;
    private int serverObjects;
    /** Objects whose text the server refused in the last {@link #apply} (kept as read). */
    private final java.util.Set<dev.driftd.schema.ObjectKey> refused = new java.util.HashSet<>();

    /**
     * @param schema         the single-schema scope, or null for a whole database (as the inspector's)
     * @param ownTransaction true to run in a transaction of its own (rolled back); false to run inside
     *                       the caller's open, writable transaction (savepoints only)
     */
    PgDeparseFixpoint(Connection connection, String schema, boolean ownTransaction) {
        this.connection = connection;
        this.schema = schema;
        this.ownTransaction = ownTransaction;
    }

    /** Temporary objects created on the server by the last {@link #apply}: 0 when all came from the cache. */
    int serverObjects() {
        return serverObjects;
    }

    /** The objects whose text the server refused in the last {@link #apply}: their text is kept as read. */
    java.util.Set<dev.driftd.schema.ObjectKey> refused() {
        return java.util.Set.copyOf(refused);
    }

    /** The snapshot with every deparsed text replaced by its fixpoint. */
    Snapshot apply(Snapshot snapshot) throws SQLException {
        refused.clear();
        List<SchemaObject> objects = new ArrayList<>(snapshot.objects());
        Map<String, List<Column>> columns = new HashMap<>();
        for (SchemaObject o : objects) {
            if (o instanceof Column c) {
                columns.computeIfAbsent(tableKey(c.schema(), c.table()), k -> new ArrayList<>()).add(c);
            }
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Job job = job(i, objects.get(i), columns);
            if (job != null) {
                jobs.add(job);
            }
        }
        if (jobs.isEmpty()) {
            return snapshot;
        }
        // one server object per distinct key: like tables (same columns, same text) share the answer
        Map<String, List<Job>> pendingByKey = new LinkedHashMap<>();
        // servers of different majors print the same text differently (a cross-version fleet)
        String server = connection.getMetaData().getDatabaseMajorVersion() + "\u0003";
        for (Job job : jobs) {
            String key = server + job.cacheKey(schema);
            List<String> cached = CACHE.get(key);
            if (cached != null) {
                job.texts = cached;
            } else {
                job.originalKey = key;
                pendingByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(job);
            }
        }
        serverObjects = 0;
        if (!pendingByKey.isEmpty()) {
            List<Job> representatives = new ArrayList<>();
            pendingByKey.values().forEach(same -> representatives.add(same.get(0)));
            runRounds(representatives);
            for (List<Job> same : pendingByKey.values()) {
                same.forEach(j -> j.texts = same.get(0).texts);
                if (same.get(0).refused) {
                    same.forEach(j -> refused.add(j.object.key()));
                }
            }
        }
        boolean changed = false;
        for (Job job : jobs) {
            if (!job.texts.equals(job.original)) {
                objects.set(job.index, job.rebuild());
                changed = true;
            }
        }
        return changed ? new Snapshot(snapshot.getFlavor(), snapshot.getServerVersion(), snapshot.getScope(), objects,
                snapshot.getNotInspected(), snapshot.getDependencies()) : snapshot;
    }

    private void runRounds(List<Job> pending) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        if (ownTransaction) {
            connection.setAutoCommit(false);
            connection.setReadOnly(false);
        }
        try {
            if (ownTransaction && !begin()) {
                // nothing was read back: every text counts as refused (a cross-version judgment must
                // not take "kept as read" for the server's answer)
                pending.forEach(job -> job.refused = true);
                return;
            }
            for (int round = 1; round <= MAX_ROUNDS && !pending.isEmpty(); round++) {
                Map<Job, List<String>> results = new HashMap<>();
                for (int from = 0; from < pending.size(); from += CHUNK) {
                    results.putAll(runChunk(pending.subList(from, Math.min(pending.size(), from + CHUNK))));
                }
                List<Job> next = new ArrayList<>();
                for (Job job : pending) {
                    List<String> read = results.get(job);
                    if (read == null) {
                        job.refused = true; // the server refused this text: kept as read, not cached
                        continue;
                    }
                    if (read.equals(job.texts) || round == MAX_ROUNDS) {
                        job.texts = read;
                        CACHE.put(job.originalKey, read);
                    } else {
                        job.texts = read;
                        next.add(job);
                    }
                }
                pending = next;
            }
        } finally {
            if (ownTransaction) {
                connection.rollback();
                connection.setReadOnly(readOnly);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Makes the own transaction writable (temporary objects only) with the inspector's search_path. */
    private boolean begin() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ WRITE");
        } catch (SQLException e) {
            LOG.warn("deparsed texts kept as read: this session cannot create temporary objects ({})", firstLine(e));
            connection.rollback();
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement(PgCatalog.SET_SEARCH_PATH)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.executeQuery().close();
        }
        return true;
    }

    /** One chunk under one savepoint: temporary tables, the objects, read back, rolled back. */
    private Map<Job, List<String>> runChunk(List<Job> chunk) throws SQLException {
        List<String> statements = new ArrayList<>();
        Map<String, String> tempTableOf = mergedTables(chunk, statements);
        int tables = statements.size();
        for (int i = 0; i < chunk.size(); i++) {
            Job job = chunk.get(i);
            statements.add(job.ddl(job.table == null ? null : tempTableOf.get(job.table), PREFIX + job.kind() + i));
        }
        serverObjects += statements.size();
        Map<Job, List<String>> out = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            st.execute("SAVEPOINT driftd_fixpoint");
            try {
                st.execute(String.join(";\n", statements));
            } catch (SQLException whole) {
                // some text the server refused: redo one at a time, each under its own savepoint
                st.execute("ROLLBACK TO SAVEPOINT driftd_fixpoint");
                for (int i = 0; i < statements.size(); i++) {
                    st.execute("SAVEPOINT driftd_fixpoint_one");
                    try {
                        st.execute(statements.get(i));
                        st.execute("RELEASE SAVEPOINT driftd_fixpoint_one");
                    } catch (SQLException one) {
                        st.execute("ROLLBACK TO SAVEPOINT driftd_fixpoint_one");
                        if (i >= tables) {
                            LOG.debug("deparsed text kept as read: {}", firstLine(one));
                        }
                    }
                }
            }
            Map<String, Job> byName = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                byName.put(PREFIX + chunk.get(i).kind() + i, chunk.get(i));
            }
            List<String> relations = new ArrayList<>(new java.util.TreeSet<>(tempTableOf.values()));
            List<String> domains = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (chunk.get(i).object instanceof View) {
                    relations.add(PREFIX + chunk.get(i).kind() + i);
                } else if (chunk.get(i).object instanceof Domain) {
                    domains.add(PREFIX + chunk.get(i).kind() + i);
                }
            }
            try (PreparedStatement read = connection.prepareStatement(READ_BACK)) {
                read.setArray(1, connection.createArrayOf("text", relations.toArray()));
                read.setArray(2, connection.createArrayOf("text", domains.toArray()));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        Job job = byName.get(rs.getString("name"));
                        if (job != null) {
                            List<String> texts = job.readBack(rs);
                            if (texts != null) {
                                out.put(job, texts);
                            }
                        }
                    }
                }
            }
            st.execute("ROLLBACK TO SAVEPOINT driftd_fixpoint");
            st.execute("RELEASE SAVEPOINT driftd_fixpoint");
        }
        return out;
    }

    /**
     * Temporary tables standing in for the chunk's tables: tables whose same-named columns agree on
     * type and collation share one, so a chunk usually needs a single table.
     */
    private Map<String, String> mergedTables(List<Job> chunk, List<String> statements) {
        // every column any of the chunk's texts of a table may name: not just the first text's
        Map<String, Map<String, Column>> needed = new LinkedHashMap<>();
        for (Job job : chunk) {
            if (job.table != null) {
                Map<String, Column> cols = needed.computeIfAbsent(job.table, k -> new LinkedHashMap<>());
                job.columns.forEach(c -> cols.putIfAbsent(c.name(), c));
            }
        }
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> tempTableOf = new HashMap<>();
        for (Map.Entry<String, Map<String, Column>> table : needed.entrySet()) {
            List<Column> columns = new ArrayList<>(table.getValue().values());
            int g = 0;
            for (; g < groups.size(); g++) {
                if (fits(groups.get(g), columns)) {
                    break;
                }
            }
            if (g == groups.size()) {
                groups.add(new LinkedHashMap<>());
            }
            for (Column c : columns) {
                groups.get(g).put(c.name(), columnType(c));
            }
            tempTableOf.put(table.getKey(), PREFIX + "t" + g);
        }
        for (int g = 0; g < groups.size(); g++) {
            List<String> defs = new ArrayList<>();
            groups.get(g).forEach((name, type) -> defs.add(PgDdl.ident(name) + " " + type));
            statements.add("CREATE TEMPORARY TABLE " + PREFIX + "t" + g + " (" + String.join(", ", defs) + ")");
        }
        return tempTableOf;
    }

    private static boolean fits(Map<String, String> group, List<Column> columns) {
        if (group.size() + columns.size() > MAX_COLUMNS) {
            return group.isEmpty();
        }
        for (Column c : columns) {
            String type = group.get(c.name());
            if (type != null && !type.equals(columnType(c))) {
                return false;
            }
        }
        return true;
    }

    private static String columnType(Column c) {
        return c.type() + (c.collation() == null ? "" : " COLLATE " + PgDdl.collation(c.collation()));
    }

    /**
     * What the catalogs deparse for the chunk's temporary objects, found by name in the session's
     * temporary schema (through the catalogs' name and relation indexes, not a scan): views, then the
     * checks, defaults and generated columns, indexes, policies and triggers of the temporary tables,
     * then the temporary domains. A default comes with its column's (a domain's: its base) type name
     * and type categories in {@code t2}/{@code t3}, what {@link PgDefaults#normalize} needs; a
     * domain's checks come in {@code t4}, ordered by their temporary names.
     */
    private static final String READ_BACK = ""
            + "WITH rel AS (SELECT c.oid, c.relname, c.relkind FROM pg_catalog.pg_class c "
            + "WHERE c.relname = ANY (?::text[]) AND c.relnamespace = pg_catalog.pg_my_temp_schema()), "
            + "tbl AS (SELECT oid, relname FROM rel WHERE relkind = 'r') "
            + "SELECT rel.relname AS name, pg_catalog.pg_get_viewdef(rel.oid, true) AS t1, NULL AS t2, 0 AS nkeys, "
            + "NULL AS t3, NULL::text[] AS t4 "
            + "FROM rel WHERE rel.relkind = 'v' "
            + "UNION ALL SELECT k.conname, pg_catalog.pg_get_expr(k.conbin, k.conrelid, true), NULL, 0, NULL, NULL "
            + "FROM tbl JOIN pg_catalog.pg_constraint k ON k.conrelid = tbl.oid WHERE k.contype = 'c' "
            // as the inspector reads them: a plain default without a relation, a generated expression with its table
            + "UNION ALL SELECT a.attname, pg_catalog.pg_get_expr(d.adbin, "
            + "CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END, true), "
            + "pg_catalog.format_type(a.atttypid, NULL), 0, bt.typcategory::text || COALESCE(et.typcategory::text, ''), NULL "
            + "FROM tbl JOIN pg_catalog.pg_attrdef d ON d.adrelid = tbl.oid "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
            + "JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid "
            + "JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.oid END "
            + "LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A' "
            + "UNION ALL SELECT ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true), "
            + "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), i.indnkeyatts, NULL, NULL "
            + "FROM tbl JOIN pg_catalog.pg_index i ON i.indrelid = tbl.oid "
            + "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
            + "UNION ALL SELECT p.polname, pg_catalog.pg_get_expr(p.polqual, p.polrelid, true), "
            + "pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true), 0, NULL, NULL "
            + "FROM tbl JOIN pg_catalog.pg_policy p ON p.polrelid = tbl.oid "
            + "UNION ALL SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), tbl.relname, 0, NULL, NULL "
            + "FROM tbl JOIN pg_catalog.pg_trigger t ON t.tgrelid = tbl.oid WHERE NOT t.tgisinternal "
            + "UNION ALL SELECT t.typname, pg_catalog.pg_get_expr(t.typdefaultbin, 0, true), "
            + "pg_catalog.format_type(t.typbasetype, NULL), 0, bt.typcategory::text || COALESCE(et.typcategory::text, ''), "
            + "ARRAY(SELECT pg_catalog.pg_get_expr(k.conbin, 0, true) FROM pg_catalog.pg_constraint k "
            + "WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) "
            + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
            + "LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A' "
            + "WHERE t.typname = ANY (?::text[]) AND t.typnamespace = pg_catalog.pg_my_temp_schema() AND t.typtype = 'd'";

    // ---- jobs ------------------------------------------------------------------------------------------------

    private static String tableKey(String schema, String table) {
        return schema + '\u0000' + table;
    }

    /**
     * {@code golden} with the deparsed texts of {@code target} in place of its own (the same kind of
     * object with as many texts), else null: when the result equals {@code target}, the two differ in
     * server-printed text only.
     */
    static SchemaObject withTextsOf(SchemaObject golden, SchemaObject target) {
        Map<String, List<Column>> noColumns = new HashMap<>() {
            @Override
            public List<Column> get(Object key) {
                return List.of(); // the texts alone matter here, not the columns they name
            }
        };
        Job g = job(0, golden, noColumns);
        Job t = job(0, target, noColumns);
        if (g == null || t == null || g.texts.size() != t.texts.size() || golden.getClass() != target.getClass()) {
            return null;
        }
        g.texts = t.texts;
        return g.rebuild();
    }

    /** The job for one object, or null when it holds no deparsed text. */
    private static Job job(int index, SchemaObject o, Map<String, List<Column>> columns) {
        if (o instanceof View v && v.definition() != null) {
            return new Job(index, o, null, List.of(), Arrays.asList(v.definition()));
        }
        if (o instanceof CheckConstraint k && k.expression() != null) {
            return tableJob(index, o, tableKey(k.schema(), k.table()), columns, Arrays.asList(k.expression()));
        }
        if (o instanceof Column c && c.generated() != null) {
            return tableJob(index, o, tableKey(c.schema(), c.table()), columns, Arrays.asList(c.generated()));
        }
        if (o instanceof Column c && c.defaultExpression() != null && !isPlainDefault(c.defaultExpression())) {
            // a default names no column: a temporary table of no columns of its own holds it
            return new Job(index, o, tableKey(c.schema(), c.table()), List.of(), Arrays.asList(c.defaultExpression()));
        }
        if (o instanceof Domain d && (d.defaultExpression() != null && !isPlainDefault(d.defaultExpression())
                || !d.checks().isEmpty())) {
            List<String> texts = new ArrayList<>();
            texts.add(d.defaultExpression());
            d.checks().forEach(k -> texts.add(k.expression()));
            return new Job(index, o, null, List.of(), texts);
        }
        if (o instanceof Index ix
                && (ix.predicate() != null || ix.parts().stream().anyMatch(p -> p.expression() != null))) {
            List<String> texts = new ArrayList<>();
            for (IndexPart p : ix.parts()) {
                if (p.expression() != null) {
                    texts.add(p.expression());
                }
            }
            texts.add(ix.predicate());
            return tableJob(index, o, tableKey(ix.schema(), ix.table()), columns, texts);
        }
        if (o instanceof Trigger tr && tr.definition() != null && tr.definition().contains(" WHEN (")) {
            // only a WHEN condition is deparsed expression text; the rest of the definition is names and literals
            Job job = tableJob(index, o, tableKey(tr.schema(), tr.table()), columns, Arrays.asList(tr.definition()));
            return job == null || job.triggerHead() == null || job.triggerTable() == null ? null : job;
        }
        if (o instanceof Policy p && (p.using() != null || p.withCheck() != null)) {
            return tableJob(index, o, tableKey(p.schema(), p.table()), columns, Arrays.asList(p.using(), p.withCheck()));
        }
        return null;
    }

    /**
     * Defaults that read back as written whatever their history (a bare number or string, a boolean,
     * {@code nextval} of a sequence, the common clock and user functions): not worth a round trip, and
     * most defaults are of these kinds.
     */
    private static final java.util.regex.Pattern PLAIN_DEFAULT = java.util.regex.Pattern.compile(
            "-?\\d+(?:\\.\\d+)?|'(?:[^'\\\\]|'')*'|true|false|NULL|nextval\\('(?:[^'\\\\]|'')*'::regclass\\)"
                    + "|now\\(\\)|CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_USER|gen_random_uuid\\(\\)");

    static boolean isPlainDefault(String expression) {
        return PLAIN_DEFAULT.matcher(expression).matches();
    }

    private static Job tableJob(int index, SchemaObject o, String table, Map<String, List<Column>> columns,
                                List<String> texts) {
        List<Column> cols = columns.get(table);
        // a table part whose table's columns are not in the snapshot (a materialized view's index): no context
        return cols == null ? null : new Job(index, o, table, mentioned(o, cols, texts), texts);
    }

    /**
     * The table's columns the texts (or an index's column keys) may refer to: the server's answer
     * depends on those columns' types only, so the cache key and the temporary table hold just them.
     * Over-approximated by name (every identifier in the text outside string literals); a text that
     * names the table itself (a whole-row reference) gets every column.
     */
    static List<Column> mentioned(SchemaObject o, List<Column> cols, List<String> texts) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String t : texts) {
            identifiers(t, names);
        }
        if (o instanceof Index ix) {
            ix.parts().forEach(p -> names.add(p.column()));
        }
        if (!cols.isEmpty() && names.contains(cols.get(0).table())) {
            return cols;
        }
        List<Column> out = new ArrayList<>();
        for (Column c : cols) {
            if (names.contains(c.name())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Identifiers of SQL text outside string literals: bare ones folded to lower case, quoted ones as written. */
    static void identifiers(String sql, java.util.Set<String> into) {
        if (sql == null) {
            return;
        }
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                i++;
                while (i < n && !(sql.charAt(i) == '\'' && (i + 1 >= n || sql.charAt(i + 1) != '\''))) {
                    i += sql.charAt(i) == '\'' ? 2 : 1;
                }
                i++;
            } else if (ch == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n && !(sql.charAt(i) == '"' && (i + 1 >= n || sql.charAt(i + 1) != '"'))) {
                    name.append(sql.charAt(i));
                    i += sql.charAt(i) == '"' ? 2 : 1;
                }
                into.add(name.toString());
                i++;
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                into.add(sql.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            } else {
                i++;
            }
        }
    }

    /** One object with deparsed text: what to create for it, and how to read the text back. */
    private static final class Job {
        final int index;
        final SchemaObject object;
        final String table;
        final List<Column> columns;
        final List<String> original;
        List<String> texts;
        String originalKey;
        boolean refused;

        Job(int index, SchemaObject object, String table, List<Column> columns, List<String> texts) {
            this.index = index;
            this.object = object;
            this.table = table;
            this.columns = columns;
            this.original = texts;
            this.texts = texts;
        }

        char kind() {
            if (object instanceof View) {
                return 'v';
            }
            if (object instanceof Trigger) {
                return 'r';
            }
            if (object instanceof CheckConstraint) {
                return 'c';
            }
            if (object instanceof Column c) {
                return c.generated() != null ? 'g' : 'd';
            }
            if (object instanceof Domain) {
                return 'o';
            }
            return object instanceof Index ? 'i' : 'p';
        }

        /** Kind, search_path, the table's column types and the texts: what the server's answer depends on. */
        String cacheKey(String schema) {
            StringBuilder sb = new StringBuilder().append(kind()).append('\u0001').append(schema).append('\u0001');
            for (Column c : columns) {
                sb.append(c.name()).append(' ').append(columnType(c)).append(',');
            }
            if (object instanceof Column c) {
                sb.append('\u0001').append(columnType(c));
            }
            if (object instanceof Domain d) {
                sb.append('\u0001').append(d.baseType()).append(' ').append(d.collation());
            }
            if (object instanceof Index ix) {
                sb.append('\u0001').append(ix.method());
                for (IndexPart p : ix.parts()) {
                    sb.append(',').append(p.column()).append(' ').append(p.opclass()).append(' ').append(p.collation());
                }
            }
            for (String t : texts) {
                sb.append('\u0002').append(t);
            }
            return sb.toString();
        }

        /** {@code CREATE [CONSTRAINT] TRIGGER name } as the definition starts, or null. */
        String triggerHead() {
            Trigger tr = (Trigger) object;
            for (String head : List.of("CREATE TRIGGER ", "CREATE CONSTRAINT TRIGGER ")) {
                String h = head + PgDdl.ident(tr.name()) + " ";
                if (texts.get(0).startsWith(h)) {
                    return h;
                }
            }
            return null;
        }

        /** {@code  ON table } as the definition names the trigger's table (qualified or not), or null. */
        String triggerTable() {
            Trigger tr = (Trigger) object;
            String bare = " ON " + PgDdl.ident(tr.table()) + " ";
            String qualified = tr.schema().isEmpty() ? null
                    : " ON " + PgDdl.ident(tr.schema()) + "." + PgDdl.ident(tr.table()) + " ";
            String d = texts.get(0);
            int b = d.indexOf(bare);
            int q = qualified == null ? -1 : d.indexOf(qualified);
            if (b < 0 && q < 0) {
                return null;
            }
            return q >= 0 && (b < 0 || q < b) ? qualified : bare;
        }

        String ddl(String tempTable, String name) {
            if (object instanceof Trigger) {
                String d = texts.get(0);
                String head = triggerHead();
                String on = triggerTable();
                String rest = d.substring(head.length());
                int at = rest.indexOf(on);
                return head.substring(0, head.length() - 1 - PgDdl.ident(((Trigger) object).name()).length()) + name + " "
                        + rest.substring(0, at) + " ON " + tempTable + " " + rest.substring(at + on.length());
            }
            if (object instanceof View) {
                return "CREATE TEMPORARY VIEW " + name + " AS " + texts.get(0);
            }
            if (object instanceof CheckConstraint) {
                return "ALTER TABLE " + tempTable + " ADD CONSTRAINT " + name + " CHECK (" + texts.get(0) + ") NOT VALID";
            }
            if (object instanceof Column c && c.generated() != null) {
                return "ALTER TABLE " + tempTable + " ADD COLUMN " + name + " " + c.type() + " GENERATED ALWAYS AS ("
                        + texts.get(0) + ") STORED";
            }
            if (object instanceof Column c) {
                return "ALTER TABLE " + tempTable + " ADD COLUMN " + name + " " + columnType(c) + " DEFAULT ("
                        + texts.get(0) + ")";
            }
            if (object instanceof Domain d) {
                StringBuilder sb = new StringBuilder("CREATE DOMAIN pg_temp.").append(name).append(" AS ")
                        .append(d.baseType());
                if (d.collation() != null) {
                    sb.append(" COLLATE ").append(PgDdl.collation(d.collation()));
                }
                if (texts.get(0) != null) {
                    sb.append(" DEFAULT (").append(texts.get(0)).append(')');
                }
                for (int k = 1; k < texts.size(); k++) {
                    // names that sort in the checks' order, so the read-back lines up with them
                    sb.append(" CONSTRAINT ").append(String.format(java.util.Locale.ROOT, "k%05d", k))
                            .append(" CHECK (").append(texts.get(k)).append(')');
                }
                return sb.toString();
            }
            if (object instanceof Index ix) {
                List<String> parts = new ArrayList<>();
                int e = 0;
                for (IndexPart p : ix.parts()) {
                    StringBuilder sb = new StringBuilder(p.expression() != null ? "(" + texts.get(e++) + ")"
                            : PgDdl.ident(p.column()));
                    if (p.collation() != null) {
                        sb.append(" COLLATE ").append(PgDdl.collation(p.collation()));
                    }
                    if (p.opclass() != null) {
                        sb.append(' ').append(p.opclass());
                    }
                    parts.add(sb.toString());
                }
                String predicate = texts.get(texts.size() - 1);
                return "CREATE INDEX " + name + " ON " + tempTable + " USING " + ix.method() + " ("
                        + String.join(", ", parts) + ")" + (predicate == null ? "" : " WHERE " + predicate);
            }
            return "CREATE POLICY " + name + " ON " + tempTable + (texts.get(0) == null ? "" : " USING (" + texts.get(0) + ")")
                    + (texts.get(1) == null ? "" : " WITH CHECK (" + texts.get(1) + ")");
        }

        /** The texts the server printed for the temporary object; null when they cannot be matched up. */
        List<String> readBack(ResultSet rs) throws SQLException {
            String t1 = rs.getString("t1");
            if (object instanceof View) {
                return t1 == null ? null : Arrays.asList(PostgresInspector.viewDefinition(t1));
            }
            if (object instanceof Index ix) {
                List<String> out = new ArrayList<>();
                List<PgIndexKeys.Key> keys;
                try {
                    keys = PgIndexKeys.keys(t1, ix.method(), rs.getInt("nkeys"));
                } catch (IllegalArgumentException e) {
                    return null;
                }
                for (int k = 0; k < ix.parts().size() && k < keys.size(); k++) {
                    if (ix.parts().get(k).expression() != null) {
                        out.add(keys.get(k).text());
                    }
                }
                out.add(rs.getString("t2"));
                return out.size() == texts.size() ? out : null;
            }
            if (object instanceof Policy) {
                return Arrays.asList(t1, rs.getString("t2"));
            }
            if (object instanceof Column c && c.generated() == null) {
                return t1 == null ? null : Arrays.asList(normalizedDefault(t1, rs));
            }
            if (object instanceof Domain) {
                List<String> out = new ArrayList<>();
                out.add(t1 == null ? null : normalizedDefault(t1, rs));
                java.sql.Array checks = rs.getArray("t4");
                if (checks != null) {
                    out.addAll(Arrays.asList((String[]) checks.getArray()));
                }
                return out.size() == texts.size() ? out : null;
            }
            if (object instanceof Trigger tr) {
                // the temporary trigger's and table's names back to the real ones
                String head = triggerHead();
                String tempHead = head.substring(0, head.length() - 1 - PgDdl.ident(tr.name()).length())
                        + rs.getString("name") + " ";
                String tempOn = " ON " + rs.getString("t2") + " ";
                if (t1 == null || !t1.startsWith(tempHead) || !t1.contains(tempOn)) {
                    return null;
                }
                String rest = t1.substring(tempHead.length());
                int at = rest.indexOf(tempOn);
                return Arrays.asList(head + rest.substring(0, at) + triggerTable() + rest.substring(at + tempOn.length()));
            }
            return Arrays.asList(t1);
        }

        /** A default as the inspector reads it: the literal casts {@link PgDefaults} finds redundant dropped. */
        private static String normalizedDefault(String raw, ResultSet rs) throws SQLException {
            String cats = rs.getString("t3");
            return PgDefaults.normalize(raw, rs.getString("t2"), cats == null || cats.isEmpty() ? null : cats.substring(0, 1),
                    cats == null || cats.length() < 2 ? null : cats.substring(1));
        }

        SchemaObject rebuild() {
            if (object instanceof View v) {
                return new View(v.schema(), v.name(), v.materialized(), texts.get(0), v.columns(), v.options(), v.comment(),
                        v.columnComments(), v.charset());
            }
            if (object instanceof CheckConstraint k) {
                return new CheckConstraint(k.schema(), k.table(), k.name(), texts.get(0), k.noInherit(), k.enforced(),
                        k.notValid(), k.comment());
            }
            if (object instanceof Column c && c.generated() != null) {
                return new Column(c.schema(), c.table(), c.name(), c.position(), c.type(), c.nullable(),
                        c.defaultExpression(), c.identity(), texts.get(0), c.generatedKind(), c.charset(), c.collation(),
                        c.autoIncrement(), c.onUpdate(), c.invisible(), c.comment(), c.notNullName(), c.notNullNotValid(),
                        c.notNullNoInherit());
            }
            if (object instanceof Column c) {
                return new Column(c.schema(), c.table(), c.name(), c.position(), c.type(), c.nullable(),
                        texts.get(0), c.identity(), null, c.generatedKind(), c.charset(), c.collation(),
                        c.autoIncrement(), c.onUpdate(), c.invisible(), c.comment(), c.notNullName(), c.notNullNotValid(),
                        c.notNullNoInherit());
            }
            if (object instanceof Domain d) {
                List<NamedCheck> checks = new ArrayList<>();
                for (int k = 0; k < d.checks().size(); k++) {
                    checks.add(new NamedCheck(d.checks().get(k).name(), texts.get(k + 1)));
                }
                return new Domain(d.schema(), d.name(), d.baseType(), d.notNull(), texts.get(0), d.collation(), checks,
                        d.checkComments(), d.comment());
            }
            if (object instanceof Index ix) {
                List<IndexPart> parts = new ArrayList<>();
                int e = 0;
                for (IndexPart p : ix.parts()) {
                    parts.add(p.expression() == null ? p : new IndexPart(null, texts.get(e++), p.order(), p.nulls(),
                            p.opclass(), p.collation(), p.prefixLength()));
                }
                return new Index(ix.schema(), ix.table(), ix.name(), ix.unique(), ix.method(), parts, ix.include(),
                        texts.get(texts.size() - 1), ix.nullsNotDistinct(), ix.options(), ix.comment());
            }
            if (object instanceof Trigger tr) {
                return new Trigger(tr.schema(), tr.table(), tr.name(), texts.get(0), tr.enabled(), tr.comment());
            }
            Policy p = (Policy) object;
            return new Policy(p.schema(), p.table(), p.name(), p.permissive(), p.command(), p.roles(), texts.get(0),
                    texts.get(1), p.comment());
        }
    }

    private static String firstLine(SQLException e) {
        String m = Objects.toString(e.getMessage(), e.getSQLState());
        return m.strip().lines().findFirst().orElse("");
    }

    /** A bounded, least-recently-used map from a job's cache key to its fixpoint texts. */
    private static final class TextCache {
        private final Map<String, List<String>> map;

        TextCache(int capacity) {
            this.map = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized List<String> get(String key) {
            return map.get(key);
        }

        synchronized void put(String key, List<String> value) {
            map.put(key, java.util.Collections.unmodifiableList(new ArrayList<>(value)));
        }
    }
}
