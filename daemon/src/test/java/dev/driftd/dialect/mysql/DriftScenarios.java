package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;

import java.util.List;
import java.util.stream.Stream;

import static dev.driftd.dialect.mysql.DriftScenario.bare;
import static dev.driftd.dialect.mysql.DriftScenario.of;

/** The scenario catalogue: every object kind missing, extra and changed, and the MySQL-family specialities. */
final class DriftScenarios {
    private DriftScenarios() {
    }

    static List<DriftScenario> all() {
        return Stream.of(tables(), columns(), options(), keys(), columnChecks(), mariadbTables(), foreignKeys(), code())
                .flatMap(List::stream).toList();
    }

    static List<DriftScenario> forFlavor(Flavor flavor) {
        return all().stream().filter(s -> s.flavors.contains(flavor)).toList();
    }

    static DriftScenario named(String name) {
        return all().stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }

    private static List<DriftScenario> tables() {
        return List.of(
                of("in_sync_after_rows_and_counters")
                        .target("INSERT INTO tags (label) VALUES ('green'), ('black')",
                                "INSERT INTO customers (email) VALUES ('z@x.io')"),
                of("missing_table")
                        .target("DROP TABLE order_items")
                        .expect("missing table order_items")
                        .planContains("CREATE TABLE `order_items`", "ADD CONSTRAINT `fk_items_order`"),
                of("extra_table")
                        .target("CREATE TABLE audit_log (id int PRIMARY KEY, msg text)", "INSERT INTO audit_log VALUES (1, 'x')")
                        .expect("extra table audit_log")
                        .destructive()
                        .planContains("DROP TABLE `audit_log`"),
                bare("extra_auto_increment_primary_key_column")
                        .golden("CREATE TABLE friends (created_at datetime NOT NULL)")
                        .target("CREATE TABLE friends (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                                + " created_at datetime NOT NULL)")
                        .expect("extra column friends.id", "extra primary key friends.PRIMARY")
                        .destructive(),
                bare("auto_increment_key_column_replaced")
                        .golden("CREATE TABLE visits (day date NOT NULL, n int NOT NULL, PRIMARY KEY (day))")
                        .target("CREATE TABLE visits (id int NOT NULL AUTO_INCREMENT, day date NOT NULL, n int NOT NULL,"
                                + " PRIMARY KEY (id), KEY visits_day (day))")
                        .expect("extra column visits.id", "changed primary key visits.PRIMARY", "extra index visits.visits_day")
                        .destructive(),
                bare("missing_long_unique_hash_key")
                        .base("CREATE TABLE users (id int NOT NULL, credential tinyblob NOT NULL)")
                        .golden("ALTER TABLE users ADD UNIQUE KEY credential (credential) USING HASH")
                        .expect("missing index users.credential")
                        .planLacks("ALGORITHM=INPLACE")
                        .only(Flavor.MARIADB),
                of("extra_tables_in_fk_cycle")
                        .target("CREATE TABLE xa (id int PRIMARY KEY, b_id int)",
                                "CREATE TABLE xb (id int PRIMARY KEY, a_id int, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES xa (id))",
                                "ALTER TABLE xa ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES xb (id)")
                        .expect("extra table xa", "extra table xb")
                        .destructive(),
                of("extra_child_of_golden_table")
                        .target("CREATE TABLE notes (id int PRIMARY KEY, customer_id int NOT NULL,"
                                + " CONSTRAINT fk_notes_customer FOREIGN KEY (customer_id) REFERENCES customers (id))")
                        .expect("extra table notes")
                        .destructive(),
                of("missing_tables_with_fk_chain")
                        .golden("CREATE TABLE warehouses (id int PRIMARY KEY, name varchar(40) NOT NULL)",
                                "CREATE TABLE stock (warehouse_id int NOT NULL, sku varchar(40) NOT NULL, qty int NOT NULL DEFAULT 0,"
                                        + " PRIMARY KEY (warehouse_id, sku),"
                                        + " CONSTRAINT fk_stock_wh FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE CASCADE ON UPDATE CASCADE)")
                        .expect("missing table stock", "missing table warehouses"),
                of("missing_self_referencing_table")
                        .golden("CREATE TABLE categories (id int PRIMARY KEY, parent_id int NULL, name varchar(30) NOT NULL,"
                                + " KEY ix_parent (parent_id), CONSTRAINT fk_cat_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL)")
                        .expect("missing table categories"),
                of("missing_table_with_trigger_and_options")
                        .golden("CREATE TABLE ledger (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, amount decimal(12,2) NOT NULL,"
                                        + " memo varchar(100) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL COMMENT 'free text')"
                                        + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPACT COMMENT='money'",
                                "CREATE TRIGGER tr_ledger_bi BEFORE INSERT ON ledger FOR EACH ROW SET NEW.memo = COALESCE(NEW.memo, '-')")
                        .expect("missing table ledger"),
                of("missing_partitioned_table")
                        .golden("CREATE TABLE readings (id int NOT NULL, taken date NOT NULL, PRIMARY KEY (id, taken))"
                                + " PARTITION BY RANGE (YEAR(taken)) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)")
                        .expect("missing table readings"),
                of("kitchen_sink")
                        .target("ALTER TABLE customers DROP INDEX ix_customers_name, ADD COLUMN legacy int NOT NULL DEFAULT 0 AFTER id,"
                                        + " MODIFY name varchar(60) NULL",
                                "ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer",
                                "DROP VIEW v_paid", "DROP TRIGGER tr_orders_bi", "DROP PROCEDURE p_touch",
                                "CREATE TABLE junk (id int PRIMARY KEY)")
                        .expect("changed column customers.name", "extra column customers.legacy",
                                "missing foreign key orders.fk_orders_customer", "missing index customers.ix_customers_name",
                                "missing procedure p_touch", "missing trigger orders.tr_orders_bi", "missing view v_paid",
                                "extra table junk")
                        .destructive());
    }

    private static List<DriftScenario> columns() {
        return List.of(
                of("missing_column")
                        .target("ALTER TABLE customers DROP COLUMN name")
                        .expect("missing column customers.name", "missing index customers.ix_customers_name"),
                of("missing_column_at_end_is_instant")
                        .golden("ALTER TABLE tags ADD COLUMN color varchar(10) NOT NULL DEFAULT 'none'")
                        .expect("missing column tags.color")
                        .planContains("ALGORITHM=INSTANT"),
                of("missing_column_in_middle")
                        .golden("ALTER TABLE customers ADD COLUMN phone varchar(20) NULL AFTER email")
                        .expect("missing column customers.phone")
                        .planContains("AFTER `email`"),
                of("missing_first_column")
                        .golden("ALTER TABLE settings ADD COLUMN scope varchar(10) NOT NULL DEFAULT 'global' FIRST")
                        .expect("missing column settings.scope")
                        .planContains(" FIRST"),
                of("extra_column")
                        .target("ALTER TABLE customers ADD COLUMN nickname varchar(20)", "UPDATE customers SET nickname = 'n'")
                        .expect("extra column customers.nickname")
                        .destructive()
                        .planContains("DROP COLUMN `nickname`"),
                of("extra_column_in_middle")
                        .target("ALTER TABLE orders ADD COLUMN legacy int NOT NULL DEFAULT 7 AFTER customer_id")
                        .expect("extra column orders.legacy")
                        .destructive(),
                of("column_widened")
                        .target("ALTER TABLE order_items MODIFY sku varchar(20) NOT NULL")
                        .expect("changed column order_items.sku"),
                of("column_narrowed_is_destructive")
                        .target("ALTER TABLE customers MODIFY email varchar(200) NOT NULL")
                        .expect("changed column customers.email")
                        .destructive(),
                of("column_int_to_bigint_back")
                        .target("ALTER TABLE order_items MODIFY qty bigint NOT NULL DEFAULT 1")
                        .expect("changed column order_items.qty")
                        .destructive(),
                of("enum_value_missing")
                        .target("UPDATE orders SET status = 'new' WHERE status = 'shipped'",
                                "ALTER TABLE orders MODIFY status enum('new','paid') NOT NULL DEFAULT 'new'")
                        .expect("changed column orders.status"),
                of("column_made_not_null")
                        .target("UPDATE customers SET name = '' WHERE name IS NULL",
                                "ALTER TABLE customers MODIFY name varchar(80) NOT NULL DEFAULT ''")
                        .expect("changed column customers.name"),
                of("column_default_changed")
                        .target("ALTER TABLE orders ALTER status SET DEFAULT 'paid'")
                        .expect("changed column orders.status"),
                of("column_default_dropped")
                        .target("ALTER TABLE order_items ALTER qty DROP DEFAULT")
                        .expect("changed column order_items.qty"),
                of("column_comment")
                        .target("ALTER TABLE tags MODIFY label varchar(30) NOT NULL COMMENT 'shown to users'")
                        .expect("changed column tags.label"),
                of("column_order_swapped")
                        .target("ALTER TABLE customers MODIFY name varchar(80) DEFAULT NULL AFTER created_at")
                        .expect("changed table customers")
                        .planContains("AFTER `email`"),
                of("column_order_last_first")
                        .target("ALTER TABLE orders MODIFY note text FIRST")
                        .expect("changed table orders"),
                of("column_order_reversed")
                        .target("ALTER TABLE metrics MODIFY v int DEFAULT NULL FIRST",
                                "ALTER TABLE metrics MODIFY day date NOT NULL AFTER v")
                        .expect("changed table metrics"),
                of("column_moved_and_changed")
                        .target("ALTER TABLE customers MODIFY email varchar(100) NOT NULL AFTER updated_at")
                        .expect("changed table customers", "changed column customers.email"),
                of("column_charset")
                        .target("ALTER TABLE customers MODIFY name varchar(80) CHARACTER SET latin1 DEFAULT NULL")
                        .expect("changed column customers.name"),
                of("column_collation")
                        .target("ALTER TABLE customers MODIFY email varchar(120) COLLATE utf8mb4_bin NOT NULL")
                        .expect("changed column customers.email"),
                of("column_charset_golden_explicit")
                        .golden("ALTER TABLE settings MODIFY v text CHARACTER SET ascii")
                        .expect("changed column settings.v")
                        .destructive(),
                of("generated_virtual_expression")
                        .target("ALTER TABLE order_items MODIFY amount decimal(12,2) AS (qty * price * 2) VIRTUAL")
                        .expect("changed column order_items.amount"),
                of("generated_stored_vs_virtual")
                        .target("ALTER TABLE order_items DROP COLUMN amount",
                                "ALTER TABLE order_items ADD COLUMN amount decimal(12,2) AS (qty * price) STORED")
                        .expect("changed column order_items.amount"),
                of("generated_missing_stored")
                        .golden("ALTER TABLE customers ADD COLUMN domain varchar(120) AS (SUBSTRING_INDEX(email, '@', -1)) STORED AFTER email")
                        .expect("missing column customers.domain"),
                of("generated_indexed_expression_changed")
                        .base("ALTER TABLE customers ADD COLUMN email_lc varchar(120) AS (LOWER(email)) VIRTUAL, ADD INDEX ix_email_lc (email_lc)")
                        .target("ALTER TABLE customers DROP COLUMN email_lc",
                                "ALTER TABLE customers ADD COLUMN email_lc varchar(120) AS (UPPER(email)) VIRTUAL, ADD INDEX ix_email_lc (email_lc)")
                        .expect("changed column customers.email_lc"),
                of("auto_increment_removed")
                        .target("ALTER TABLE tags MODIFY id int NOT NULL")
                        .expect("changed column tags.id"),
                of("auto_increment_added_with_key")
                        .base("CREATE TABLE seqless (id int NOT NULL, v int, KEY ix_id (id))")
                        .golden("ALTER TABLE seqless MODIFY id int NOT NULL AUTO_INCREMENT")
                        .expect("changed column seqless.id"),
                of("on_update_removed")
                        .target("ALTER TABLE customers MODIFY updated_at timestamp NULL DEFAULT NULL")
                        .expect("changed column customers.updated_at"),
                of("on_update_added")
                        .target("ALTER TABLE customers MODIFY created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP")
                        .expect("changed column customers.created_at"),
                of("invisible_column")
                        .target("ALTER TABLE tags ADD COLUMN hidden_note varchar(10) INVISIBLE")
                        .expect("extra column tags.hidden_note")
                        .destructive(),
                of("invisible_flag_changed")
                        .base("ALTER TABLE settings ADD COLUMN note varchar(10) NULL")
                        .target("ALTER TABLE settings MODIFY note varchar(10) NULL INVISIBLE")
                        .expect("changed column settings.note"),
                of("json_column_missing")
                        .golden("ALTER TABLE settings ADD COLUMN meta json NULL")
                        .expect("missing column settings.meta"));
    }

    private static List<DriftScenario> options() {
        return List.of(
                of("table_charset_converted")
                        .target("ALTER TABLE customers CONVERT TO CHARACTER SET latin1")
                        .expect("changed table customers")
                        .planContains("CONVERT TO CHARACTER SET utf8mb4"),
                of("table_collation")
                        .target("ALTER TABLE settings CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
                        .expect("changed table settings"),
                of("table_default_charset_only")
                        .target("ALTER TABLE tags DEFAULT CHARSET=latin1")
                        .expect("changed table tags", "changed column tags.label"),
                of("table_charset_down_is_destructive")
                        .golden("ALTER TABLE settings CONVERT TO CHARACTER SET latin1")
                        .expect("changed table settings")
                        .destructive(),
                of("engine_aria")
                        .target("ALTER TABLE settings ENGINE=Aria")
                        .expect("changed table settings")
                        .planContains("ENGINE=InnoDB")
                        .only(Flavor.MARIADB),
                of("engine_myisam_golden")
                        .golden("ALTER TABLE metrics ENGINE=MyISAM")
                        .expect("changed table metrics")
                        .planContains("ENGINE=MyISAM"),
                of("row_format_extra")
                        .target("ALTER TABLE settings ROW_FORMAT=COMPACT")
                        .expect("changed table settings")
                        .planContains("ROW_FORMAT=DEFAULT"),
                of("row_format_missing")
                        .golden("ALTER TABLE settings ROW_FORMAT=REDUNDANT")
                        .expect("changed table settings")
                        .planContains("ROW_FORMAT=REDUNDANT"),
                of("table_comment_changed")
                        .target("ALTER TABLE customers COMMENT='it''s people'")
                        .expect("changed table customers"),
                of("table_comment_removed")
                        .target("ALTER TABLE customers COMMENT=''")
                        .expect("changed table customers"),
                of("partition_range_missing")
                        .golden("ALTER TABLE metrics PARTITION BY RANGE (YEAR(day)) (PARTITION p2024 VALUES LESS THAN (2025),"
                                + " PARTITION pmax VALUES LESS THAN MAXVALUE)")
                        .expect("changed table metrics")
                        .planContains("PARTITION BY RANGE"),
                of("partition_extra_removed")
                        .target("ALTER TABLE metrics PARTITION BY HASH (id) PARTITIONS 4")
                        .expect("changed table metrics")
                        .planContains("REMOVE PARTITIONING"),
                of("partition_list_changed")
                        .base("ALTER TABLE metrics PARTITION BY LIST (id) (PARTITION pa VALUES IN (1, 3), PARTITION pb VALUES IN (2, 4))")
                        .target("ALTER TABLE metrics PARTITION BY LIST (id) (PARTITION pa VALUES IN (1, 3, 5), PARTITION pb VALUES IN (2, 4))")
                        .expect("changed table metrics"),
                of("partition_hash_count")
                        .base("ALTER TABLE metrics PARTITION BY HASH (id) PARTITIONS 4")
                        .target("ALTER TABLE metrics PARTITION BY HASH (id) PARTITIONS 2")
                        .expect("changed table metrics"),
                of("partition_with_primary_key_change")
                        .golden("ALTER TABLE metrics DROP PRIMARY KEY, ADD PRIMARY KEY (id, day, v)", "ALTER TABLE metrics MODIFY v int NOT NULL",
                                "ALTER TABLE metrics PARTITION BY KEY (v) PARTITIONS 3")
                        .target("ALTER TABLE metrics PARTITION BY RANGE (YEAR(day)) (PARTITION p1 VALUES LESS THAN MAXVALUE)")
                        .expect("changed table metrics", "changed primary key metrics.PRIMARY", "changed column metrics.v"));
    }

    private static List<DriftScenario> keys() {
        return List.of(
                of("index_missing")
                        .target("ALTER TABLE customers DROP INDEX ix_customers_name")
                        .expect("missing index customers.ix_customers_name")
                        .planContains("ALGORITHM=INPLACE", "LOCK=NONE"),
                of("index_extra")
                        .target("CREATE INDEX ix_extra ON orders (status, total)")
                        .expect("extra index orders.ix_extra")
                        .planContains("DROP INDEX `ix_extra`"),
                of("index_columns_changed")
                        .target("ALTER TABLE customers DROP INDEX ix_customers_name, ADD INDEX ix_customers_name (name, email)")
                        .expect("changed index customers.ix_customers_name"),
                of("unique_became_plain")
                        .target("ALTER TABLE customers DROP INDEX uq_customers_email, ADD INDEX uq_customers_email (email)")
                        .expect("changed index customers.uq_customers_email")
                        .planContains("UNIQUE INDEX `uq_customers_email`"),
                of("plain_became_unique")
                        .target("ALTER TABLE tags ADD UNIQUE INDEX uq_label (label)")
                        .golden("ALTER TABLE tags ADD INDEX uq_label (label)")
                        .expect("changed index tags.uq_label"),
                of("prefix_length_changed")
                        .target("ALTER TABLE order_items DROP INDEX ix_items_sku, ADD INDEX ix_items_sku (sku(5))")
                        .expect("changed index order_items.ix_items_sku")
                        .planContains("`sku`(10)"),
                of("descending_part_lost")
                        .target("ALTER TABLE orders DROP INDEX ix_orders_status_total, ADD INDEX ix_orders_status_total (status, total)")
                        .expect("changed index orders.ix_orders_status_total")
                        .planContains("`total` DESC"),
                of("fulltext_missing")
                        .target("ALTER TABLE orders DROP INDEX ft_orders_note")
                        .expect("missing index orders.ft_orders_note")
                        .planContains("FULLTEXT INDEX `ft_orders_note`")
                        .planLacks("LOCK=NONE"),
                of("fulltext_extra")
                        .target("ALTER TABLE customers ADD FULLTEXT INDEX ft_name (name)")
                        .expect("extra index customers.ft_name"),
                of("index_comment")
                        .target("ALTER TABLE tags ADD INDEX ix_label (label) COMMENT 'lookups'")
                        .golden("ALTER TABLE tags ADD INDEX ix_label (label)")
                        .expect("changed index tags.ix_label"),
                of("index_ignored")
                        .target("ALTER TABLE customers ALTER INDEX ix_customers_name IGNORED")
                        .expect("changed index customers.ix_customers_name")
                        .only(Flavor.MARIADB),
                of("primary_key_changed")
                        .target("ALTER TABLE tags DROP PRIMARY KEY, ADD PRIMARY KEY (id, label)")
                        .expect("changed primary key tags.PRIMARY"),
                of("primary_key_missing")
                        .target("ALTER TABLE settings DROP PRIMARY KEY")
                        .expect("missing primary key settings.PRIMARY"),
                of("check_missing")
                        .target("ALTER TABLE orders DROP CONSTRAINT ck_orders_total")
                        .expect("missing check constraint orders.ck_orders_total"),
                of("check_extra")
                        .target("ALTER TABLE order_items ADD CONSTRAINT ck_qty CHECK (qty > 0)")
                        .expect("extra check constraint order_items.ck_qty")
                        .planContains("DROP CONSTRAINT `ck_qty`")
                        .only(Flavor.MARIADB),
                of("check_extra_mysql")
                        .target("ALTER TABLE order_items ADD CONSTRAINT ck_qty CHECK (qty > 0)")
                        .expect("extra check constraint order_items.ck_qty")
                        .planContains("DROP CHECK `ck_qty`")
                        .only(Flavor.MYSQL),
                of("check_changed")
                        .target("ALTER TABLE orders DROP CONSTRAINT ck_orders_total",
                                "ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= -1)")
                        .expect("changed check constraint orders.ck_orders_total"));
    }

    /**
     * MariaDB's column-level checks live in the column's definition (LEVEL Column, named after the
     * column): only a MODIFY that restates the column adds, changes or drops one, and every MODIFY
     * of that column must restate it or the check is silently gone.
     */
    private static List<DriftScenario> columnChecks() {
        String gauges = "CREATE TABLE gauges (id int PRIMARY KEY, level int DEFAULT 1 CHECK (level BETWEEN 0 AND 9),"
                + " note varchar(20) NOT NULL DEFAULT '' CHECK (note <> 'x'))";
        return List.of(
                of("column_check_kept_when_default_changes")
                        .base(gauges)
                        .target("ALTER TABLE gauges MODIFY level int DEFAULT 5 CHECK (level BETWEEN 0 AND 9)")
                        .expect("changed column gauges.level")
                        .planContains("MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (")
                        .planLacks("CONSTRAINT")
                        .only(Flavor.MARIADB),
                of("column_check_kept_when_column_moves")
                        .base(gauges)
                        .target("ALTER TABLE gauges MODIFY note varchar(20) NOT NULL DEFAULT '' CHECK (note <> 'x') AFTER id")
                        .expect("changed table gauges")
                        .planContains("MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (`level` between 0 and 9) AFTER `id`")
                        .only(Flavor.MARIADB),
                of("column_check_extra")
                        .base("CREATE TABLE gauges (id int PRIMARY KEY, level int DEFAULT 1)")
                        .target("ALTER TABLE gauges MODIFY level int DEFAULT 1 CHECK (level > 0)")
                        .expect("extra check constraint gauges.level")
                        .planContains("MODIFY COLUMN `level` int NULL DEFAULT 1")
                        .planLacks("DROP CONSTRAINT", "CHECK (")
                        .only(Flavor.MARIADB),
                of("column_check_missing")
                        .base("CREATE TABLE gauges (id int PRIMARY KEY, level int DEFAULT 1)")
                        .golden("ALTER TABLE gauges MODIFY level int DEFAULT 1 CHECK (level > 0)")
                        .expect("missing check constraint gauges.level")
                        .planContains("MODIFY COLUMN `level` int NULL DEFAULT 1 CHECK (")
                        .planLacks("ADD CONSTRAINT")
                        .only(Flavor.MARIADB),
                of("column_check_changed")
                        .base(gauges)
                        .target("ALTER TABLE gauges MODIFY level int DEFAULT 1 CHECK (level >= 0)")
                        .expect("changed check constraint gauges.level")
                        .planLacks("DROP CONSTRAINT", "ADD CONSTRAINT")
                        .only(Flavor.MARIADB),
                of("column_check_in_a_missing_table")
                        .golden(gauges)
                        .expect("missing table gauges")
                        .planLacks("CONSTRAINT `level`", "CONSTRAINT `note`")
                        .only(Flavor.MARIADB),
                of("column_check_on_a_dropped_column")
                        .base("CREATE TABLE gauges (id int PRIMARY KEY)")
                        .target("ALTER TABLE gauges ADD COLUMN level int CHECK (level > 0)")
                        .expect("extra column gauges.level", "extra check constraint gauges.level")
                        .destructive()
                        .planLacks("DROP CONSTRAINT")
                        .only(Flavor.MARIADB),
                of("column_check_becomes_a_table_check")
                        .base(gauges)
                        .golden("ALTER TABLE gauges MODIFY level int DEFAULT 1",
                                "ALTER TABLE gauges ADD CONSTRAINT ck_level CHECK (level BETWEEN 0 AND 9)")
                        .expect("extra check constraint gauges.level", "missing check constraint gauges.ck_level")
                        .only(Flavor.MARIADB));
    }

    /** COMPRESSED columns (the case-sensitive /*M!100301 …*&#47; marker) and system-versioned tables. */
    private static List<DriftScenario> mariadbTables() {
        String blobs = "CREATE TABLE blobs (id int PRIMARY KEY, body blob COMPRESSED,"
                + " title varchar(200) CHARACTER SET latin1 COMPRESSED NOT NULL DEFAULT 'x')";
        return List.of(
                of("compressed_column_lost")
                        .base(blobs)
                        .target("ALTER TABLE blobs MODIFY body blob", "ALTER TABLE blobs MODIFY title varchar(200) CHARACTER SET latin1 NOT NULL DEFAULT 'x'")
                        .expect("changed column blobs.body", "changed column blobs.title")
                        .planContains("MODIFY COLUMN `body` blob compressed NULL")
                        .only(Flavor.MARIADB),
                of("compressed_column_extra")
                        .base("CREATE TABLE blobs (id int PRIMARY KEY, body blob)")
                        .target("ALTER TABLE blobs MODIFY body blob COMPRESSED")
                        .expect("changed column blobs.body")
                        .only(Flavor.MARIADB),
                of("compressed_columns_in_a_missing_table")
                        .golden(blobs)
                        .expect("missing table blobs")
                        .only(Flavor.MARIADB),
                of("system_versioning_missing_table")
                        .golden("CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL) WITH SYSTEM VERSIONING")
                        .expect("missing table ledger")
                        .planContains("WITH SYSTEM VERSIONING")
                        .only(Flavor.MARIADB),
                of("system_versioning_missing")
                        .base("CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL)")
                        .golden("ALTER TABLE ledger ADD SYSTEM VERSIONING")
                        .expect("changed table ledger")
                        .planContains("ADD SYSTEM VERSIONING")
                        .only(Flavor.MARIADB),
                of("system_versioning_extra")
                        .base("CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL)")
                        .target("ALTER TABLE ledger ADD SYSTEM VERSIONING")
                        .expect("changed table ledger")
                        .destructive()
                        .planContains("DROP SYSTEM VERSIONING")
                        .only(Flavor.MARIADB),
                of("ignored_index_and_invisible_column_in_a_missing_table")
                        .golden("CREATE TABLE probes (id int PRIMARY KEY, v int, secret varchar(10) INVISIBLE,"
                                + " KEY ix_v (v) IGNORED)")
                        .expect("missing table probes")
                        .planContains("`secret` varchar(10) NULL INVISIBLE", "IGNORED")
                        .only(Flavor.MARIADB),
                of("sequence_used_by_a_default_in_a_missing_table")
                        .golden("CREATE SEQUENCE s_ticket START WITH 10",
                                "CREATE TABLE tickets (id bigint PRIMARY KEY DEFAULT NEXTVAL(s_ticket), v int)")
                        .expect("missing sequence s_ticket", "missing table tickets")
                        .only(Flavor.MARIADB),
                of("system_versioned_table_altered")
                        .base("CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL) WITH SYSTEM VERSIONING")
                        .golden("ALTER TABLE ledger DROP SYSTEM VERSIONING",
                                "ALTER TABLE ledger ADD COLUMN note varchar(20) NULL, MODIFY amount bigint NOT NULL DEFAULT 0",
                                "ALTER TABLE ledger ADD SYSTEM VERSIONING")
                        .expect("missing column ledger.note", "changed column ledger.amount")
                        .planContains("system_versioning_alter_history = KEEP")
                        .only(Flavor.MARIADB));
    }

    private static List<DriftScenario> foreignKeys() {
        return List.of(
                of("fk_missing")
                        .target("ALTER TABLE order_items DROP FOREIGN KEY fk_items_order")
                        .expect("missing foreign key order_items.fk_items_order"),
                of("fk_extra")
                        .target("ALTER TABLE order_items ADD CONSTRAINT fk_items_tag FOREIGN KEY (line) REFERENCES tags (id)")
                        .expect("extra foreign key order_items.fk_items_tag", "extra index order_items.fk_items_tag"),
                of("fk_action_changed")
                        .target("ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer",
                                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON UPDATE CASCADE")
                        .expect("changed foreign key orders.fk_orders_customer"),
                of("fk_index_changed_error_1553")
                        .target("ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer",
                                "ALTER TABLE orders DROP INDEX ix_orders_customer, ADD INDEX ix_orders_customer (customer_id, status)",
                                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE")
                        .expect("changed index orders.ix_orders_customer")
                        .planContains("DROP FOREIGN KEY `fk_orders_customer`"),
                of("fk_referenced_unique_changed")
                        .base("CREATE TABLE coupons (code varchar(20) NOT NULL, customer_email varchar(120) NOT NULL, PRIMARY KEY (code),"
                                + " KEY ix_coupon_email (customer_email),"
                                + " CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email))")
                        .target("ALTER TABLE coupons DROP FOREIGN KEY fk_coupon_email",
                                "ALTER TABLE customers DROP INDEX uq_customers_email, ADD UNIQUE INDEX uq_customers_email (email, name)",
                                "ALTER TABLE customers ADD INDEX ix_email_only (email)",
                                "ALTER TABLE coupons ADD CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email)")
                        .expect("changed index customers.uq_customers_email", "extra index customers.ix_email_only"),
                of("fk_column_type_changed")
                        .target("ALTER TABLE order_items DROP FOREIGN KEY fk_items_order",
                                "ALTER TABLE order_items MODIFY order_id int NOT NULL")
                        .expect("changed column order_items.order_id", "missing foreign key order_items.fk_items_order"),
                of("fk_both_columns_change_under_fk")
                        .base("CREATE TABLE coupons (code varchar(20) NOT NULL PRIMARY KEY, customer_email varchar(120) NOT NULL,"
                                + " KEY ix_coupon_email (customer_email),"
                                + " CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email))")
                        .target("ALTER TABLE coupons DROP FOREIGN KEY fk_coupon_email",
                                "ALTER TABLE customers MODIFY email varchar(120) COLLATE utf8mb4_bin NOT NULL",
                                "ALTER TABLE coupons MODIFY customer_email varchar(120) COLLATE utf8mb4_bin NOT NULL",
                                "ALTER TABLE coupons ADD CONSTRAINT fk_coupon_email FOREIGN KEY (customer_email) REFERENCES customers (email)")
                        .expect("changed column customers.email", "changed column coupons.customer_email")
                        .planContains("DROP FOREIGN KEY `fk_coupon_email`"));
    }

    private static List<DriftScenario> code() {
        return List.of(
                of("view_missing")
                        .target("DROP VIEW v_paid")
                        .expect("missing view v_paid"),
                of("view_extra")
                        .target("CREATE VIEW v_extra AS SELECT 1 AS one")
                        .expect("extra view v_extra"),
                of("view_changed")
                        .target("CREATE OR REPLACE VIEW v_orders AS SELECT o.id, o.status, c.email, o.total FROM orders o"
                                + " JOIN customers c ON c.id = o.customer_id")
                        .expect("changed view v_orders"),
                of("view_on_view_both_missing")
                        .target("DROP VIEW v_paid", "DROP VIEW v_orders")
                        .expect("missing view v_orders", "missing view v_paid"),
                of("view_check_option")
                        .target("CREATE OR REPLACE VIEW v_settings AS SELECT k, v FROM settings WHERE k <> '' WITH CASCADED CHECK OPTION")
                        .expect("changed view v_settings"),
                // SQL SECURITY INVOKER changes whose privileges the view runs with: drift, re-created with it.
                of("view_sql_security_invoker")
                        .golden("CREATE SQL SECURITY INVOKER VIEW v_inv AS SELECT id FROM tags")
                        .target("CREATE VIEW v_inv AS SELECT id FROM tags")
                        .expect("changed view v_inv")
                        .planContains("SQL SECURITY INVOKER VIEW `v_inv`"),
                of("view_using_missing_function")
                        .golden("CREATE FUNCTION f_label(t varchar(30)) RETURNS varchar(40) DETERMINISTIC RETURN CONCAT('#', t)",
                                "CREATE VIEW v_tags AS SELECT id, f_label(label) AS shown FROM tags")
                        .expect("missing function f_label", "missing view v_tags"),
                of("trigger_missing")
                        .target("DROP TRIGGER tr_orders_bi")
                        .expect("missing trigger orders.tr_orders_bi"),
                of("trigger_extra")
                        .target("CREATE TRIGGER tr_tags_bi BEFORE INSERT ON tags FOR EACH ROW SET NEW.label = LOWER(NEW.label)")
                        .expect("extra trigger tags.tr_tags_bi"),
                of("trigger_changed")
                        .target("DROP TRIGGER tr_orders_bi",
                                "CREATE TRIGGER tr_orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = ABS(NEW.total)")
                        .expect("changed trigger orders.tr_orders_bi"),
                of("trigger_follows_missing")
                        .golden("CREATE TRIGGER tr_orders_bi2 BEFORE INSERT ON orders FOR EACH ROW FOLLOWS tr_orders_bi"
                                + " SET NEW.note = COALESCE(NEW.note, '')")
                        .expect("missing trigger orders.tr_orders_bi2"),
                of("triggers_missing_in_follows_order")
                        .golden("CREATE TRIGGER tr_z_first BEFORE UPDATE ON tags FOR EACH ROW SET NEW.label = TRIM(NEW.label)",
                                "CREATE TRIGGER tr_a_second BEFORE UPDATE ON tags FOR EACH ROW FOLLOWS tr_z_first"
                                        + " SET NEW.label = LOWER(NEW.label)")
                        .expect("missing trigger tags.tr_a_second", "missing trigger tags.tr_z_first"),
                of("procedure_missing")
                        .target("DROP PROCEDURE p_touch")
                        .expect("missing procedure p_touch"),
                of("procedure_extra")
                        .target("CREATE PROCEDURE p_extra() SELECT 1")
                        .expect("extra procedure p_extra"),
                of("procedure_changed")
                        .target("DROP PROCEDURE p_touch",
                                "CREATE PROCEDURE p_touch(IN cid int, OUT n int) BEGIN SELECT COUNT(*) INTO n FROM orders WHERE customer_id = cid; END")
                        .expect("changed procedure p_touch"),
                of("function_missing")
                        .target("DROP FUNCTION f_tax")
                        .expect("missing function f_tax"),
                of("function_extra")
                        .target("CREATE FUNCTION f_extra() RETURNS int DETERMINISTIC RETURN 42")
                        .expect("extra function f_extra"),
                of("function_changed")
                        .target("DROP FUNCTION f_tax",
                                "CREATE FUNCTION f_tax(amount decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC COMMENT 'vat' RETURN amount * 0.25")
                        .expect("changed function f_tax"),
                of("event_missing")
                        .target("DROP EVENT ev_cleanup")
                        .expect("missing event ev_cleanup"),
                of("event_extra")
                        .target("CREATE EVENT ev_extra ON SCHEDULE EVERY 1 HOUR DO DELETE FROM tags WHERE id < 0")
                        .expect("extra event ev_extra"),
                of("event_changed")
                        .target("ALTER EVENT ev_cleanup ON SCHEDULE EVERY 2 DAY")
                        .expect("changed event ev_cleanup"),
                of("event_disabled")
                        .target("ALTER EVENT ev_cleanup DISABLE")
                        .expect("changed event ev_cleanup")
                        .planContains("ALTER EVENT `ev_cleanup` ENABLE"),
                of("event_missing_disabled")
                        .golden("CREATE EVENT ev_off ON SCHEDULE EVERY 1 WEEK DISABLE DO DELETE FROM tags WHERE id < 0")
                        .expect("missing event ev_off")
                        .planContains("ALTER EVENT `ev_off` DISABLE"),
                of("sequence_missing")
                        .golden("CREATE SEQUENCE s_invoice START WITH 100 INCREMENT BY 5")
                        .expect("missing sequence s_invoice")
                        .only(Flavor.MARIADB),
                of("sequence_changed")
                        .base("CREATE SEQUENCE s_invoice START WITH 100 INCREMENT BY 5")
                        .target("ALTER SEQUENCE s_invoice INCREMENT BY 10 MAXVALUE 100000")
                        .expect("changed sequence s_invoice")
                        .only(Flavor.MARIADB));
    }
}
