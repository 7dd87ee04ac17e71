package dev.driftd.dialect.mysql;

import dev.driftd.schema.Snapshot;
import dev.driftd.testing.SnapshotText;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every comment a MySQL or MariaDB database holds (on tables, columns, indexes and keys, routines,
 * events, partitions) is in its snapshot: a comment driftd never reads is drift that reads as "in
 * sync". The server lists them in {@code information_schema}, so this needs no list of what the
 * inspector reads. Views have no comments of their own (their columns show the base columns'), and
 * the columns of a MariaDB sequence are the server's, with the server's comments.
 *
 * <p>Two kinds are known not to be read, and are returned rather than failed: a partition's comment
 * (the partitioning the model holds is the clause without it) and a MariaDB sequence's.
 */
public final class MysqlCommentCoverage {
    private static final java.util.Set<String> KNOWN_UNREAD = java.util.Set.of("partition", "sequence");

    private static final String COMMENTS = "SELECT CASE TABLE_TYPE WHEN 'SEQUENCE' THEN 'sequence' ELSE 'table' END AS kind, "
            + "TABLE_NAME AS name, TABLE_COMMENT AS comment "
            + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'VIEW' AND TABLE_COMMENT <> '' "
            + "UNION ALL SELECT 'column', CONCAT(c.TABLE_NAME, '.', c.COLUMN_NAME), c.COLUMN_COMMENT "
            + "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA "
            + "AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE NOT IN ('VIEW', 'SEQUENCE') WHERE c.TABLE_SCHEMA = ? AND c.COLUMN_COMMENT <> '' "
            + "UNION ALL SELECT DISTINCT 'index', CONCAT(TABLE_NAME, '.', INDEX_NAME), INDEX_COMMENT "
            + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND INDEX_COMMENT <> '' "
            + "UNION ALL SELECT 'routine', ROUTINE_NAME, ROUTINE_COMMENT FROM information_schema.ROUTINES "
            + "WHERE ROUTINE_SCHEMA = ? AND ROUTINE_COMMENT <> '' "
            + "UNION ALL SELECT 'event', EVENT_NAME, EVENT_COMMENT FROM information_schema.EVENTS "
            + "WHERE EVENT_SCHEMA = ? AND EVENT_COMMENT <> '' "
            + "UNION ALL SELECT 'partition', CONCAT(TABLE_NAME, '.', PARTITION_NAME), PARTITION_COMMENT "
            + "FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_COMMENT <> '' "
            + "ORDER BY 1, 2";

    private MysqlCommentCoverage() {
    }

    /** How many comments a database holds, and those of the known unread kinds ("kind name: text"). */
    public record Coverage(int comments, List<String> knownUnread) {
    }

    /**
     * Fails, naming each object, unless every comment of {@code database} (reached through
     * {@code url}) is in {@code snapshot} or of a known unread kind.
     */
    public static Coverage assertEveryCommentRead(String url, String database, Snapshot snapshot) {
        String json = SnapshotText.json(snapshot);
        List<String> unread = new ArrayList<>();
        List<String> known = new ArrayList<>();
        int found = 0;
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(COMMENTS)) {
            for (int i = 1; i <= 6; i++) {
                ps.setString(i, database);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found++;
                    String comment = rs.getString("comment");
                    if (!json.contains(SnapshotText.quoted(comment))) {
                        String named = rs.getString("kind") + " " + rs.getString("name") + ": " + comment;
                        (KNOWN_UNREAD.contains(rs.getString("kind")) ? known : unread).add(named);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the comments of database " + database + ": " + e.getMessage(), e);
        }
        assertThat(unread).as("comments of database %s that its snapshot does not hold", database).isEmpty();
        return new Coverage(found, known);
    }
}
