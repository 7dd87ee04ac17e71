package dev.driftd.dialect.mysql;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.mysql.MysqlCatalog.PartitionRow;
import dev.driftd.dialect.mysql.MysqlCatalog.SequenceRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The catalog marker of one MySQL-family database: a value that changes whenever anything
 * {@link MysqlInspector} reads changes, so a sweep can skip the full read of an unchanged member.
 *
 * <p>Why a digest of the catalog rows and not a timestamp: MySQL/MariaDB have no catalog
 * version counter. {@code TABLES.CREATE_TIME} is the {@code .frm} file's ctime in whole seconds
 * (two ALTERs within one second look alike), views, checks and foreign keys carry no time at all,
 * and {@code UPDATE_TIME} moves with data. So the marker is one statement that digests, per
 * information_schema view the inspector reads, every column that describes structure (never the
 * volatile ones: row counts, lengths, {@code AUTO_INCREMENT}, {@code CARDINALITY}, update and
 * check times, {@code LAST_EXECUTED}). Each row is {@code QUOTE}d column by column (so NULL and
 * '' differ and no value can run into its neighbour), hashed with MD5, and the first 64 bits of
 * the hashes are summed exactly (DECIMAL) with the row count: order-free, no
 * {@code group_concat_max_len} truncation, and any changed, added or removed row moves it. The
 * server does the same catalog work as the full read's queries, but in one round trip and with
 * nothing to send, parse, model or fingerprint, and without the one SHOW CREATE per routine and
 * trigger.
 *
 * <p>Two kinds are read only where they exist, with two more small queries each, exactly as the
 * inspector reads them: partitions (information_schema.PARTITIONS opens every table with its
 * statistics, the dearest view by far, so only the partitioned tables are asked for) and MariaDB
 * sequences, whose parameters (before 11.5) live in the sequence itself and in no
 * information_schema view (never the next value, which moves with NEXTVAL). A database with
 * neither costs one statement.
 */
final class MysqlCatalogMarker {
    /** One digest term: the number of rows and the exact sum of their 64-bit row hashes. */
    private static String digest(String from, String where, String... columns) {
        List<String> quoted = new ArrayList<>();
        for (String c : columns) {
            // bytes, not text: information_schema columns differ in collation, and MySQL 8 refuses
            // to concatenate texts of mixed collations
            quoted.add("QUOTE(CAST(" + c + " AS BINARY))");
        }
        String row = "CONCAT_WS(',', " + String.join(", ", quoted) + ")";
        return "(SELECT CONCAT(COUNT(*), '.', COALESCE(SUM(CAST(CONV(LEFT(MD5(" + row
                + "), 16), 16, 10) AS UNSIGNED)), 0)) FROM information_schema." + from + " WHERE " + where + " = ?)";
    }

    /** What {@link MysqlInspector} calls a partitioned table. */
    private static final String PARTITIONED = "LOWER(CREATE_OPTIONS) LIKE '%partitioned%'";

    private static final List<String> COMMON_TERMS = List.of(
            digest("TABLES", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "ROW_FORMAT", "TABLE_COLLATION",
                    "CREATE_OPTIONS", "TABLE_COMMENT"),
            digest("COLUMNS", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "COLUMN_DEFAULT",
                    "IS_NULLABLE", "COLUMN_TYPE", "CHARACTER_SET_NAME", "COLLATION_NAME", "COLUMN_KEY", "EXTRA",
                    "GENERATION_EXPRESSION", "COLUMN_COMMENT"),
            // TABLE_CONSTRAINTS adds nothing on MariaDB: primary and unique keys are in STATISTICS,
            // foreign keys in REFERENTIAL_CONSTRAINTS, checks in CHECK_CONSTRAINTS
            digest("KEY_COLUMN_USAGE", "TABLE_SCHEMA", "CONSTRAINT_NAME", "TABLE_NAME", "COLUMN_NAME",
                    "ORDINAL_POSITION", "POSITION_IN_UNIQUE_CONSTRAINT", "REFERENCED_TABLE_SCHEMA",
                    "REFERENCED_TABLE_NAME", "REFERENCED_COLUMN_NAME"),
            digest("REFERENTIAL_CONSTRAINTS", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_NAME",
                    "UNIQUE_CONSTRAINT_NAME", "REFERENCED_TABLE_NAME", "MATCH_OPTION", "UPDATE_RULE", "DELETE_RULE"),
            // EVENT_OBJECT_SCHEMA, as in MysqlCatalog: the column MariaDB pushes down
            digest("TRIGGERS", "EVENT_OBJECT_SCHEMA", "TRIGGER_NAME", "EVENT_MANIPULATION", "EVENT_OBJECT_TABLE",
                    "ACTION_ORDER", "ACTION_STATEMENT", "ACTION_TIMING", "CREATED", "SQL_MODE", "DEFINER",
                    "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION", "DATABASE_COLLATION"),
            digest("ROUTINES", "ROUTINE_SCHEMA", "ROUTINE_NAME", "ROUTINE_TYPE", "DTD_IDENTIFIER", "ROUTINE_BODY",
                    "ROUTINE_DEFINITION", "IS_DETERMINISTIC", "SQL_DATA_ACCESS", "SECURITY_TYPE", "SQL_MODE",
                    "ROUTINE_COMMENT", "DEFINER", "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION",
                    "DATABASE_COLLATION", "LAST_ALTERED"),
            digest("PARAMETERS", "SPECIFIC_SCHEMA", "SPECIFIC_NAME", "ROUTINE_TYPE", "ORDINAL_POSITION",
                    "PARAMETER_MODE", "PARAMETER_NAME", "DTD_IDENTIFIER"),
            // STATUS is schema (the inspector reads it); LAST_EXECUTED is not and is left out
            digest("EVENTS", "EVENT_SCHEMA", "EVENT_NAME", "DEFINER", "TIME_ZONE", "EVENT_DEFINITION", "EVENT_TYPE",
                    "EXECUTE_AT", "INTERVAL_VALUE", "INTERVAL_FIELD", "SQL_MODE", "STARTS", "ENDS", "STATUS",
                    "ON_COMPLETION", "CREATED", "LAST_ALTERED", "EVENT_COMMENT", "CHARACTER_SET_CLIENT",
                    "COLLATION_CONNECTION", "DATABASE_COLLATION"),
            // Partitions are read only for partitioned tables (see read): PARTITIONS opens every table
            // of the database with its statistics, the dearest term by far; CREATE_OPTIONS above
            // says which tables are partitioned.
            "(SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND " + PARTITIONED + ")");

    /** MariaDB: IGNORED indexes, CHECK_CONSTRAINTS with table and level, view ALGORITHM, schema comments. */
    private static final List<String> MARIADB_TERMS = List.of(
            digest("STATISTICS", "TABLE_SCHEMA", "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "SEQ_IN_INDEX",
                    "COLUMN_NAME", "COLLATION", "SUB_PART", "PACKED", "NULLABLE", "INDEX_TYPE", "COMMENT",
                    "INDEX_COMMENT", "IGNORED"),
            digest("CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME", "CHECK_CLAUSE", "LEVEL"),
            digest("VIEWS", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION", "CHECK_OPTION", "IS_UPDATABLE", "DEFINER",
                    "SECURITY_TYPE", "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION", "ALGORITHM"),
            digest("SCHEMATA", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME", "SCHEMA_COMMENT"),
            "(SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE')");

    /** MySQL 8: functional key parts and invisible indexes, enforced checks; no sequences. */
    private static final List<String> MYSQL_TERMS = List.of(
            digest("STATISTICS", "TABLE_SCHEMA", "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME", "SEQ_IN_INDEX",
                    "COLUMN_NAME", "COLLATION", "SUB_PART", "PACKED", "NULLABLE", "INDEX_TYPE", "COMMENT",
                    "INDEX_COMMENT", "IS_VISIBLE", "EXPRESSION"),
            digest("TABLE_CONSTRAINTS", "TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME", "CONSTRAINT_TYPE", "ENFORCED"),
            digest("CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CHECK_CLAUSE"),
            digest("VIEWS", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION", "CHECK_OPTION", "IS_UPDATABLE", "DEFINER",
                    "SECURITY_TYPE", "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION"),
            digest("SCHEMATA", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME"),
            "0");

    private static final String MARIADB_SQL = statement(MARIADB_TERMS);
    private static final String MYSQL_SQL = statement(MYSQL_TERMS);

    /**
     * VERSION() first: an upgraded server may read the same catalogs differently. The last term of
     * each list is a count (partitioned tables, sequences), returned as its own column.
     */
    private static String statement(List<String> flavorTerms) {
        List<String> digests = new ArrayList<>(COMMON_TERMS.subList(0, COMMON_TERMS.size() - 1));
        digests.addAll(flavorTerms.subList(0, flavorTerms.size() - 1));
        return "SELECT VERSION(), CONCAT_WS('/', " + String.join(", ", digests) + "), "
                + COMMON_TERMS.get(COMMON_TERMS.size() - 1) + ", " + flavorTerms.get(flavorTerms.size() - 1);
    }

    private final Connection connection;
    private final InspectOptions options;

    MysqlCatalogMarker(Connection connection, InspectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    /**
     * The marker of {@code schema}, or of the connection's database when null; null when there is
     * no database to mark (the full read then says why).
     */
    String read(String schema) throws SQLException {
        String database = schema != null ? schema : connection.getCatalog();
        if (database == null) {
            return null;
        }
        // The driver's handshake version names the flavor without a round trip.
        MysqlServer server = MysqlServer.fromVersion(connection.getMetaData().getDatabaseProductVersion());
        String sql = server.isMariaDb() ? MARIADB_SQL : MYSQL_SQL;
        String version;
        String digests;
        long partitioned;
        long sequences;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds());
            // every term is filtered on the database; no literal in the statement holds a '?'
            long params = sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= params; i++) {
                ps.setString(i, database);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getString(1);
                digests = rs.getString(2);
                partitioned = rs.getLong(3);
                sequences = rs.getLong(4);
            }
        }
        StringBuilder marker = new StringBuilder(version).append('|').append(digests);
        if (partitioned > 0 || sequences > 0) {
            MysqlCatalog catalog = new MysqlCatalog(connection, server, database, options.timeout());
            if (partitioned > 0) {
                marker.append("|p").append(partitions(catalog, tableNames(database, PARTITIONED)));
            }
            if (sequences > 0) {
                marker.append("|s").append(sequenceParameters(catalog, tableNames(database, "TABLE_TYPE = 'SEQUENCE'")));
            }
        }
        return marker.toString();
    }

    /** Names of the database's tables matching {@code condition}, in name order. */
    private List<String> tableNames(String database, String condition) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND " + condition)) {
            ps.setQueryTimeout(queryTimeoutSeconds());
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /** The partitions of the partitioned tables as the inspector reads them, each field length-prefixed. */
    private static String partitions(MysqlCatalog catalog, List<String> tables) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (PartitionRow p : catalog.partitions(tables)) {
            for (String field : new String[]{p.table(), p.name(), p.subName(), p.method(), p.subMethod(),
                    p.expression(), p.subExpression(), p.description()}) {
                out.append(field == null ? "-" : field.length() + ":" + field);
            }
            out.append(';');
        }
        return out.toString();
    }

    /** Every sequence's parameters, in name order; not next_not_cached_value, which moves with NEXTVAL. */
    private static String sequenceParameters(MysqlCatalog catalog, List<String> names) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (SequenceRow s : catalog.sequences(names)) {
            out.append(s.name().length()).append(':').append(s.name()).append('=').append(s.start()).append(',')
                    .append(s.increment()).append(',').append(s.min()).append(',').append(s.max()).append(',')
                    .append(s.cache()).append(',').append(s.cycle()).append(';');
        }
        return out.toString();
    }

    private int queryTimeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (options.timeout().toMillis() + 999) / 1000));
    }
}
