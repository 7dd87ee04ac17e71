package dev.driftd.dialect.mysql;

import dev.driftd.schema.CreationCharset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalog queries of one MySQL-family database, as raw rows. A fixed number of set-based
 * information_schema queries per database, whatever its number of tables. Every query filters on
 * the column MariaDB pushes down ({@code TABLE_SCHEMA}, {@code EVENT_OBJECT_SCHEMA} for
 * triggers), so its cost does not grow with the other databases on the server.
 */
final class MysqlCatalog {
    record TableRow(String name, String type, String engine, String collation, String createOptions, String comment) {
    }

    record ColumnRow(String table, String name, int position, String defaultValue, boolean nullable, String type,
                     String collation, String extra, String generation, String comment) {
    }

    record IndexRow(String table, String name, boolean unique, int seq, String column, String order, Integer subPart,
                    String indexType, String comment, String expression, boolean invisible) {
    }

    record CheckRow(String table, String name, String clause, String level, boolean enforced) {
    }

    record ForeignKeyColumnRow(String name, String table, String column, int position, String referencedSchema,
                               String referencedTable, String referencedColumn) {
    }

    record ForeignKeyRow(String name, String table, String updateRule, String deleteRule) {
    }

    record ViewRow(String name, String definition, String checkOption, String security, CreationCharset charset) {
    }

    record TriggerRow(String name, String table, String timing, String event, int order, String statement,
                      CreationCharset charset) {
    }

    record RoutineRow(String name, String type, String returns, String body, String language, boolean deterministic,
                      String dataAccess, String security, String comment, CreationCharset charset) {
    }

    record ParameterRow(String routine, String routineType, int position, String mode, String name, String type) {
    }

    record EventRow(String name, String definition, String type, String executeAt, String intervalValue,
                    String intervalField, String starts, boolean startsAtCreation, String ends, String status,
                    String onCompletion, String comment, CreationCharset charset) {
    }

    /** The stored creation settings of triggers, routines and events (see {@link CreationCharset}). */
    private static final String CHARSET_COLUMNS = "CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION";

    private static CreationCharset charset(ResultSet rs, int first) throws SQLException {
        return CreationCharset.of(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2));
    }

    record PartitionRow(String table, String name, String subName, String method, String subMethod,
                        String expression, String subExpression, String description) {
    }

    record SequenceRow(String name, long start, long increment, long min, long max, long cache, boolean cycle) {
    }

    private final Connection connection;
    private final MysqlServer server;
    private final String database;
    /**
     * Per-statement limit in whole seconds. Connections opened by {@link MysqlConnections} also
     * carry it as a server-side session limit; this one holds for connections the caller opened.
     */
    private final int queryTimeoutSeconds;

    MysqlCatalog(Connection connection, MysqlServer server, String database, Duration timeout) {
        this.connection = connection;
        this.server = server;
        this.database = database;
        this.queryTimeoutSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (timeout.toMillis() + 999) / 1000));
    }

    /** Default collation of the database, or null when it does not exist. */
    String databaseCollation() throws SQLException {
        List<String> rows = query("SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
                rs -> rs.getString(1));
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<TableRow> tables() throws SQLException {
        return query("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT "
                        + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                rs -> new TableRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    List<ColumnRow> columns() throws SQLException {
        return query("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, COLUMN_TYPE, "
                        + "COLLATION_NAME, EXTRA, GENERATION_EXPRESSION, COLUMN_COMMENT "
                        + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?",
                rs -> new ColumnRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        "YES".equals(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10)));
    }

    List<IndexRow> indexes() throws SQLException {
        // MySQL 8 has functional key parts (EXPRESSION) and IS_VISIBLE; MariaDB 10.6+ has IGNORED.
        String extra = server.isMariaDb() ? "NULL, IGNORED = 'YES'" : "EXPRESSION, IS_VISIBLE = 'NO'";
        return query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COLLATION, SUB_PART, "
                        + "INDEX_TYPE, INDEX_COMMENT, " + extra
                        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?",
                rs -> new IndexRow(rs.getString(1), rs.getString(2), rs.getInt(3) == 0, rs.getInt(4),
                        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7, Integer.class), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getBoolean(11)));
    }

    List<CheckRow> checks() throws SQLException {
        if (server.isMariaDb()) {
            // MariaDB's CHECK_CONSTRAINTS carries TABLE_NAME and LEVEL (Column for the automatic JSON checks).
            return query("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL "
                            + "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
                    rs -> new CheckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), true));
        }
        // MySQL 8 lacks TABLE_NAME there: the table and ENFORCED come from TABLE_CONSTRAINTS.
        return query("SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table', tc.ENFORCED "
                        + "FROM information_schema.TABLE_CONSTRAINTS tc "
                        + "JOIN information_schema.CHECK_CONSTRAINTS cc "
                        + "ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                        + "WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'",
                rs -> new CheckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        !"NO".equals(rs.getString(5))));
    }

    List<ForeignKeyColumnRow> foreignKeyColumns() throws SQLException {
        return query("SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_SCHEMA, "
                        + "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                        + "WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL",
                rs -> new ForeignKeyColumnRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    List<ForeignKeyRow> foreignKeys() throws SQLException {
        return query("SELECT CONSTRAINT_NAME, TABLE_NAME, UPDATE_RULE, DELETE_RULE "
                        + "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
                rs -> new ForeignKeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    List<ViewRow> views() throws SQLException {
        // VIEWS has no DATABASE_COLLATION: a view stores only the creating session's settings
        return query("SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, CHARACTER_SET_CLIENT, "
                        + "COLLATION_CONNECTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
                rs -> new ViewRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CreationCharset.of(rs.getString(5), rs.getString(6), null)));
    }

    List<TriggerRow> triggers() throws SQLException {
        // EVENT_OBJECT_SCHEMA, not TRIGGER_SCHEMA: only the former is pushed down by MariaDB.
        return query("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, "
                        + "ACTION_STATEMENT, " + CHARSET_COLUMNS
                        + " FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ?",
                rs -> new TriggerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), charset(rs, 7)));
    }

    List<RoutineRow> routines() throws SQLException {
        return query("SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, ROUTINE_BODY, "
                        + "IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT, "
                        + CHARSET_COLUMNS + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                rs -> new RoutineRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), "YES".equals(rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getString(9), charset(rs, 10)));
    }

    List<ParameterRow> parameters() throws SQLException {
        return query("SELECT SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, "
                        + "DTD_IDENTIFIER FROM information_schema.PARAMETERS "
                        + "WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0",
                rs -> new ParameterRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    List<EventRow> events() throws SQLException {
        // A recurring event created without STARTS starts at its creation time: that time is history,
        // not schema, so the query says whether STARTS is (within a second) the creation time.
        return query("SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, "
                        + "DATE_FORMAT(EXECUTE_AT, '%Y-%m-%d %H:%i:%s'), INTERVAL_VALUE, INTERVAL_FIELD, "
                        + "DATE_FORMAT(STARTS, '%Y-%m-%d %H:%i:%s'), "
                        + "COALESCE(ABS(TIMESTAMPDIFF(SECOND, CREATED, STARTS)) <= 1, 0), "
                        + "DATE_FORMAT(ENDS, '%Y-%m-%d %H:%i:%s'), STATUS, ON_COMPLETION, EVENT_COMMENT, "
                        + CHARSET_COLUMNS + " FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
                rs -> new EventRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), charset(rs, 13)));
    }

    /** Partitions of the named (partitioned) tables only, so no other table is opened. */
    List<PartitionRow> partitions(Collection<String> partitionedTables) throws SQLException {
        if (partitionedTables.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", partitionedTables.stream().map(t -> "?").toList());
        List<String> params = new ArrayList<>(partitionedTables);
        return query("SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_METHOD, SUBPARTITION_METHOD, "
                        + "PARTITION_EXPRESSION, SUBPARTITION_EXPRESSION, PARTITION_DESCRIPTION "
                        + "FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (" + in + ") "
                        + "AND PARTITION_NAME IS NOT NULL "
                        + "ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION",
                rs -> new PartitionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                params);
    }

    /**
     * MariaDB sequence parameters live in the sequence itself and in no information_schema table
     * before 11.5: one UNION ALL query reads all of them in a single round trip.
     */
    List<SequenceRow> sequences(Collection<String> names) throws SQLException {
        if (names.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            if (sql.length() > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT ").append(SqlText.quote(name))
                    .append(", start_value, increment, minimum_value, maximum_value, cache_size, cycle_option FROM ")
                    .append(SqlText.ident(database)).append('.').append(SqlText.ident(name));
        }
        List<SequenceRow> out = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    out.add(new SequenceRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7) != 0));
                }
            }
        }
        return out;
    }

    /**
     * The server's own CREATE text of one routine, trigger or event ({@code SHOW CREATE PROCEDURE}
     * and so on: the statement as the user wrote it, DEFINER added), or null when the session may
     * not read it (the server then answers NULL or refuses) or it is gone.
     */
    String showCreate(String word, String name) {
        int column = word.equals("EVENT") ? 4 : 3;
        String sql = "SHOW CREATE " + word + " " + SqlText.ident(database) + "." + SqlText.ident(name);
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(column) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
        return query(sql, reader, List.of());
    }

    private <T> List<T> query(String sql, RowReader<T> reader, List<String> moreParams) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setString(1, database);
            for (int i = 0; i < moreParams.size(); i++) {
                ps.setString(i + 2, moreParams.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        }
        return out;
    }
}
