package dev.driftd.store;

import dev.driftd.util.SqlErrors;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The store's JDBC plumbing, shared by every class that owns store tables: borrowing a pooled
 * connection, running a block as one transaction, binding arguments and mapping rows, and turning
 * an {@link SQLException} into a one-line {@link StoreException} that names what was attempted.
 * Plain JDBC rather than Jdbi: the store needs these few helpers, not a mapping framework, and its
 * SQL stays readable as written (identical on H2 and PostgreSQL).
 * <p>
 * Arguments are bound by their Java type; an {@link Instant} is written as a UTC
 * {@code TIMESTAMP WITH TIME ZONE}.
 */
public final class Jdbc {
    /** Work on a borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Work inside a transaction already open on the caller's connection. */
    @FunctionalInterface
    public interface Block<T> {
        T run() throws SQLException;
    }

    /** One row of a result set as a value; the cursor is on the row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource pool;
    private final String description;

    Jdbc(DataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    /** Runs {@code work} on a pooled connection in autocommit; failures become a {@link StoreException}. */
    public <T> T call(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("store " + description + ": cannot " + what + ": " + SqlErrors.oneLine(e), e);
        }
    }

    /** Runs {@code work} as one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(String what, Work<T> work) {
        return call(what, c -> transaction(c, () -> work.apply(c)));
    }

    /** Runs {@code block} as one transaction on {@code c}, which is back in its autocommit mode afterwards. */
    public static <T> T transaction(Connection c, Block<T> block) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T out = block.run();
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Executes an INSERT, UPDATE or DELETE; returns the rows it touched. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Every row of a query, mapped in order. */
    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    /** The first row of a query, if any. */
    public static <T> Optional<T> queryFirst(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Updates the row with {@code key} or, when there is none, inserts it: {@code keyColumns} and
     * {@code columns} name the columns, {@code values} holds the columns' values then the key's.
     * An insert that loses a race with another node's insert of the same key is left to that node
     * (both wrote the same kind of record at the same time).
     */
    public static void upsert(Connection c, String table, List<String> keyColumns, List<String> columns,
                              Object... values) throws SQLException {
        String set = String.join(" = ?, ", columns) + " = ?";
        String where = String.join(" = ? AND ", keyColumns) + " = ?";
        if (update(c, "UPDATE " + table + " SET " + set + " WHERE " + where, values) > 0) {
            return;
        }
        List<String> all = new ArrayList<>(columns);
        all.addAll(keyColumns);
        String marks = String.join(", ", Collections.nCopies(all.size(), "?"));
        try {
            update(c, "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (" + marks + ")", values);
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : a);
        }
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant, null when SQL NULL. */
    public static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    /** A unique-key violation (SQLSTATE 23505 on PostgreSQL and H2): someone wrote the same key first. */
    public static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * An error text as stored: masked (a row must never hold a password, even one a driver echoed
     * in a message not made by {@link SqlErrors}) and cut to {@code max} characters.
     */
    public static String maskedText(String s, int max) {
        if (s == null) {
            return null;
        }
        String masked = SqlErrors.masked(s);
        return masked.length() <= max ? masked : masked.substring(0, max - 1) + "…";
    }
}
