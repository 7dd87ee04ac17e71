package dev.driftd.dialect.mysql;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MySQL-family catalog marker lets sweeps skip members whose catalogs did not change, so it
 * must move with every kind of schema change driftd models and stay put with data changes,
 * ANALYZE, OPTIMIZE and sequence use. Each change is also checked against the full read: where
 * the snapshot moved, the marker must have moved.
 */
class MysqlCatalogMarkerTest {
    private final Engine engine = new Engine();

    @Test
    void movesWithEveryKindOfSchemaChangeAndStaysWithoutOne() {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        // sequences, IGNORED indexes and database comments are MariaDB's; MySQL 8 runs the other terms
        assumeTrue(my.origin().toLowerCase(java.util.Locale.ROOT).contains("maria") || isMariaDb(my), "MariaDB only");
        try (TestDatabase db = my.createDatabase("b20_marker").execute(
                "CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT)",
                "CREATE SEQUENCE counter START WITH 1 INCREMENT BY 1")) {
            String start = marker(db);
            assertThat(marker(db)).isEqualTo(start);
            db.execute("INSERT INTO items (name, qty) SELECT CONCAT('n', seq), seq FROM seq_1_to_500",
                    "UPDATE items SET name = CONCAT(name, '!') WHERE id < 10", "DELETE FROM items WHERE id > 400",
                    "SELECT NEXTVAL(counter)", "SELECT NEXTVAL(counter)", "SELECT SETVAL(counter, 5000)",
                    "ANALYZE TABLE items", "OPTIMIZE TABLE items", "FLUSH TABLES");
            assertThat(marker(db)).as("data changes, AUTO_INCREMENT, NEXTVAL, ANALYZE, OPTIMIZE are not schema changes")
                    .isEqualTo(start);
            MarkedSnapshot marked = engine.snapshotMarked(db.target(), InspectOptions.DEFAULT);
            assertThat(marked.marker()).as("read with the snapshot").isEqualTo(start);
            assertThat(engine.snapshotIfChanged(db.target(), InspectOptions.DEFAULT, marked.marker()))
                    .as("the marker alone, as a sweep reads it, matches the one read with the snapshot").isEmpty();
            assertThat(engine.snapshotMarked(db.target(db.name()), InspectOptions.DEFAULT).marker())
                    .as("the database named as the target's schema").isEqualTo(start);

            List<String> changes = List.of(
                    "CREATE TABLE other (id INT PRIMARY KEY, item_id BIGINT, qty INT)",
                    "ALTER TABLE other ADD COLUMN note VARCHAR(20)",
                    "ALTER TABLE other MODIFY note VARCHAR(40)",
                    "ALTER TABLE other ALTER COLUMN qty SET DEFAULT 1",
                    "ALTER TABLE other ALTER COLUMN qty DROP DEFAULT",
                    "ALTER TABLE other MODIFY qty INT NOT NULL",
                    "ALTER TABLE other RENAME COLUMN note TO remark",
                    "ALTER TABLE other MODIFY remark VARCHAR(40) COLLATE utf8mb4_bin",
                    "ALTER TABLE other MODIFY remark VARCHAR(40) COLLATE utf8mb4_bin COMMENT 'what'",
                    "ALTER TABLE other MODIFY remark VARCHAR(40) COLLATE utf8mb4_bin COMMENT 'what' INVISIBLE",
                    "ALTER TABLE other MODIFY id INT AUTO_INCREMENT",
                    "ALTER TABLE other ADD COLUMN twice INT AS (qty * 2) VIRTUAL",
                    "ALTER TABLE other MODIFY twice INT AS (qty * 3) VIRTUAL",
                    "ALTER TABLE other MODIFY remark VARCHAR(40) COLLATE utf8mb4_bin COMMENT 'what' AFTER id",
                    "ALTER TABLE other ADD CONSTRAINT qty_positive CHECK (qty > 0)",
                    "ALTER TABLE other DROP CONSTRAINT qty_positive",
                    "ALTER TABLE other ADD CONSTRAINT qty_positive CHECK (qty >= 0)",
                    "ALTER TABLE other MODIFY qty INT NOT NULL CHECK (qty < 1000)",
                    "ALTER TABLE other ADD CONSTRAINT other_item FOREIGN KEY (item_id) REFERENCES items (id)",
                    "ALTER TABLE other DROP FOREIGN KEY other_item",
                    "ALTER TABLE other ADD CONSTRAINT other_item FOREIGN KEY (item_id) REFERENCES items (id) "
                            + "ON DELETE CASCADE",
                    "ALTER TABLE other DROP FOREIGN KEY other_item",
                    "CREATE INDEX other_qty ON other (qty)",
                    "ALTER TABLE other RENAME INDEX other_qty TO other_qty_idx",
                    "ALTER TABLE other ALTER INDEX other_qty_idx IGNORED",
                    "ALTER TABLE other DROP INDEX other_qty_idx, ADD INDEX other_qty_idx (qty DESC)",
                    "ALTER TABLE other DROP INDEX other_qty_idx, ADD INDEX other_qty_idx (qty) COMMENT 'hot'",
                    "CREATE INDEX other_remark ON other (remark(10))",
                    "ALTER TABLE other DROP INDEX other_remark, ADD INDEX other_remark (remark(12))",
                    "CREATE UNIQUE INDEX other_item_u ON other (item_id)",
                    "CREATE FULLTEXT INDEX other_ft ON other (remark)",
                    "ALTER TABLE other DROP PRIMARY KEY, ADD PRIMARY KEY (id, qty)",
                    "ALTER TABLE other COMMENT 'other things'",
                    "ALTER TABLE other ENGINE = MyISAM",
                    "ALTER TABLE other ENGINE = InnoDB",
                    "ALTER TABLE other ROW_FORMAT = COMPACT",
                    "ALTER TABLE other DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_unicode_ci",
                    "ALTER TABLE other STATS_PERSISTENT = 0",
                    "ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                    "ALTER DATABASE COMMENT 'tenant'",
                    "CREATE VIEW v AS SELECT id, name FROM items",
                    "CREATE OR REPLACE VIEW v AS SELECT id, name, name AS label FROM items",
                    "CREATE OR REPLACE ALGORITHM = MERGE VIEW v AS SELECT id, name, name AS label FROM items",
                    "CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW v AS SELECT id, name, name AS label FROM items",
                    "CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW v AS SELECT id, name, name AS label FROM items "
                            + "WITH CHECK OPTION",
                    "CREATE FUNCTION twice(i INT) RETURNS INT DETERMINISTIC RETURN i * 2",
                    "DROP FUNCTION twice",
                    "CREATE FUNCTION twice(i INT) RETURNS INT DETERMINISTIC RETURN i + i",
                    "DROP FUNCTION twice",
                    "CREATE FUNCTION twice(i BIGINT) RETURNS INT DETERMINISTIC RETURN i + i",
                    "ALTER FUNCTION twice COMMENT 'doubles'",
                    "ALTER FUNCTION twice SQL SECURITY INVOKER",
                    "CREATE PROCEDURE bump(IN n INT) MODIFIES SQL DATA UPDATE items SET qty = qty + n",
                    "DROP PROCEDURE bump",
                    "CREATE PROCEDURE bump(INOUT n INT) MODIFIES SQL DATA UPDATE items SET qty = qty + n",
                    "ALTER PROCEDURE bump READS SQL DATA",
                    "CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW SET NEW.qty = NEW.qty",
                    "DROP TRIGGER items_touch",
                    "CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW SET NEW.qty = NEW.qty + 0",
                    "CREATE TRIGGER items_touch2 BEFORE UPDATE ON items FOR EACH ROW PRECEDES items_touch SET NEW.qty = NEW.qty",
                    "CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM items WHERE qty < 0",
                    "ALTER EVENT tidy ON SCHEDULE EVERY 2 DAY STARTS '2030-01-01 00:00:00'",
                    "ALTER EVENT tidy DISABLE",
                    "ALTER EVENT tidy COMMENT 'nightly'",
                    "ALTER EVENT tidy DO DELETE FROM items WHERE qty < -1",
                    "ALTER SEQUENCE counter INCREMENT BY 5",
                    "ALTER SEQUENCE counter MAXVALUE 1000000",
                    "ALTER SEQUENCE counter CYCLE",
                    "ALTER SEQUENCE counter CACHE 10",
                    "ALTER SEQUENCE counter RESTART WITH 50 START WITH 50",
                    "CREATE SEQUENCE counter2",
                    "CREATE TABLE parted (id INT, at DATE) PARTITION BY RANGE (YEAR(at)) "
                            + "(PARTITION p2025 VALUES LESS THAN (2026), PARTITION p2026 VALUES LESS THAN (2027))",
                    "ALTER TABLE parted ADD PARTITION (PARTITION p2027 VALUES LESS THAN (2028))",
                    "ALTER TABLE parted REORGANIZE PARTITION p2027 INTO (PARTITION p2027 VALUES LESS THAN (2029))",
                    "ALTER TABLE parted DROP PARTITION p2025",
                    "ALTER TABLE parted PARTITION BY HASH (id) PARTITIONS 3",
                    "ALTER TABLE parted PARTITION BY HASH (id) PARTITIONS 4",
                    "ALTER TABLE parted REMOVE PARTITIONING",
                    "RENAME TABLE other TO others",
                    "DROP VIEW v",
                    "DROP EVENT tidy",
                    "DROP TRIGGER items_touch2",
                    "DROP PROCEDURE bump",
                    "DROP SEQUENCE counter2",
                    "DROP TABLE others");
            String previous = start;
            Snapshot last = marked.snapshot();
            for (String change : changes) {
                db.execute(change);
                String now = marker(db);
                assertThat(now).as("marker after: %s", change).isNotEqualTo(previous);
                MarkedSnapshot read = engine.snapshotMarked(db.target(), InspectOptions.DEFAULT);
                assertThat(read.marker()).as("marker read with the snapshot after: %s", change).isEqualTo(now);
                previous = now;
                last = read.snapshot();
            }
            assertThat(last.objects()).as("the last read saw the schema").isNotEmpty();
            db.execute("INSERT INTO items (name, qty) VALUES ('late', 1)", "UPDATE items SET qty = qty + 1",
                    "SELECT NEXTVAL(counter)", "ANALYZE TABLE items");
            assertThat(marker(db)).as("data changes after all that").isEqualTo(previous);
        }
    }

    private static boolean isMariaDb(TestServer my) {
        try (java.sql.Connection c = my.connect("mysql"); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            return rs.next() && rs.getString(1).toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String marker(TestDatabase db) {
        // the sweep's path: the marker alone, compared with a known one
        return engine.snapshotIfChanged(db.target(), InspectOptions.DEFAULT, "none").orElseThrow().marker();
    }
}
