package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Event;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.View;
import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every object kind read from a real MariaDB (the local 10.11 here) into the model. */
class MysqlInspectTest {
    private static final String SCHEMA = """
            CREATE TABLE parent (
              id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
              code varchar(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL DEFAULT 'x',
              flag tinyint(1) DEFAULT 0,
              created timestamp(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
              js json,
              expr int DEFAULT (1+1),
              z int(5) unsigned zerofill,
              n decimal(10,2) DEFAULT '1.50',
              t text,
              g int AS (z*2) VIRTUAL,
              s int AS (z+1) STORED,
              inv int INVISIBLE,
              e enum('a','B') DEFAULT 'a',
              note varchar(10) DEFAULT 'NULL' COMMENT 'a comment',
              UNIQUE KEY uq_code (code),
              KEY ix_t (t(10), code DESC) COMMENT 'prefix and desc',
              FULLTEXT KEY ft (t),
              CONSTRAINT chk_flag CHECK (flag >= 0)
            ) ENGINE=InnoDB COMMENT='parent table' ROW_FORMAT=DYNAMIC AUTO_INCREMENT=500;
            CREATE TABLE child (
              id bigint PRIMARY KEY,
              pid int(11),
              d date DEFAULT '2020-01-01',
              CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES parent(id) ON DELETE CASCADE
            );
            CREATE TABLE pt (id int, k int, PRIMARY KEY (id, k))
              PARTITION BY RANGE (k) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE);
            CREATE VIEW v1 AS SELECT p.id, c.pid FROM parent p JOIN child c ON c.pid = p.id;
            CREATE TRIGGER trg BEFORE INSERT ON child FOR EACH ROW SET NEW.d = '2021-01-01';
            CREATE TRIGGER trg2 BEFORE INSERT ON child FOR EACH ROW FOLLOWS trg SET NEW.id = NEW.id + 0;
            CREATE FUNCTION f1(a int(11)) RETURNS int(11) DETERMINISTIC RETURN a + 1;
            CREATE PROCEDURE p1(IN a int, OUT b int) SQL SECURITY INVOKER COMMENT 'proc' BEGIN SELECT a INTO b; END;
            CREATE EVENT ev1 ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO DELETE FROM child WHERE id < 0;
            CREATE EVENT ev2 ON SCHEDULE EVERY 1 HOUR DO DELETE FROM child WHERE id < 0;
            CREATE SEQUENCE seq1 START WITH 10 INCREMENT BY 5 CACHE 20;
            """;

    private static TestServer server;
    private static TestDatabase db;
    private static Snapshot snapshot;

    @BeforeAll
    static void inspect() {
        server = TestDatabases.mysql();
        assumeTrue(server != null, "no MySQL-family server");
        db = server.createDatabase("insp");
        assumeTrue(isMariaDb(db), "this fixture uses MariaDB syntax (sequences, json checks); MySQL 8 has Mysql8ContainerIT");
        db.execute(StatementSplitter.texts(SCHEMA, StatementSplitter.Syntax.MYSQL).toArray(String[]::new));
        snapshot = new Engine().snapshot(db.target(), InspectOptions.DEFAULT);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    static boolean isMariaDb(TestDatabase database) {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1).contains("MariaDB");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(ObjectKind kind, String table, String name, Class<T> type) {
        Object o = snapshot.get(table == null ? ObjectKey.of(kind, "", name) : ObjectKey.part(kind, "", table, name));
        assertThat(o).as(kind + " " + table + "." + name).isInstanceOf(type);
        return type.cast(o);
    }

    private static Column column(String table, String name) {
        return get(ObjectKind.COLUMN, table, name, Column.class);
    }

    @Test
    void everyCommentIsReadButAPartitionsAndASequences() {
        try (TestDatabase d = server.createDatabase("insp_comments")) {
            d.execute(StatementSplitter.texts("""
                    CREATE TABLE t (id int NOT NULL, k int NOT NULL, u int, c int COMMENT 'c-column',
                      PRIMARY KEY (id, k) COMMENT 'c-primary-key', UNIQUE KEY uq (u, k) COMMENT 'c-unique',
                      KEY ix (k) COMMENT 'c-index') COMMENT 'c-table'
                      PARTITION BY RANGE (k) (PARTITION p0 VALUES LESS THAN (10) COMMENT 'c-partition',
                      PARTITION p1 VALUES LESS THAN MAXVALUE);
                    CREATE FUNCTION f(a int) RETURNS int DETERMINISTIC COMMENT 'c-function' RETURN a;
                    CREATE PROCEDURE p() COMMENT 'c-procedure' SELECT 1;
                    CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE COMMENT 'c-event' DO SELECT 1;
                    CREATE SEQUENCE s COMMENT 'c-sequence';
                    """, StatementSplitter.Syntax.MYSQL).toArray(String[]::new));
            Snapshot s = new Engine().snapshot(d.target(), InspectOptions.DEFAULT);
            MysqlCommentCoverage.Coverage coverage = MysqlCommentCoverage.assertEveryCommentRead(d.url(), d.name(), s);
            assertThat(coverage.comments()).as("comments in the database").isEqualTo(10);
            assertThat(coverage.knownUnread()).containsExactly("partition t.p0: c-partition", "sequence s: c-sequence");
        }
    }

    @Test
    void snapshotNamesFlavorVersionAndScope() throws SQLException {
        assertThat(snapshot.getFlavor()).isEqualTo(Flavor.MARIADB);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            assertThat(snapshot.getServerVersion()).isEqualTo(rs.getString(1));
        }
        assertThat(snapshot.getScope().database()).isEqualTo(db.name());
        assertThat(snapshot.getScope().relative()).isTrue();
        assertThat(snapshot.getNotInspected()).isEmpty();
        assertThat(snapshot.byKey().keySet()).allSatisfy(k -> assertThat(k.schema()).isEmpty());
    }

    @Test
    void tablesCarryOptionsButNotTheAutoIncrementCounter() {
        Table parent = get(ObjectKind.TABLE, null, "parent", Table.class);
        assertThat(parent.options()).containsEntry("engine", "InnoDB")
                .containsEntry("charset", "utf8mb4").containsEntry("collation", "utf8mb4_general_ci")
                .containsEntry("row_format", "DYNAMIC").doesNotContainKey("auto_increment");
        assertThat(parent.comment()).isEqualTo("parent table");
        Table child = get(ObjectKind.TABLE, null, "child", Table.class);
        assertThat(child.options()).doesNotContainKey("row_format");
        Table pt = get(ObjectKind.TABLE, null, "pt", Table.class);
        assertThat(pt.options().get("partitioning")).isEqualTo(
                "RANGE (`k`) (PARTITION `p0` VALUES LESS THAN (10), PARTITION `p1` VALUES LESS THAN MAXVALUE)");
        assertThat(snapshot.contains(ObjectKey.of(ObjectKind.TABLE, "", "v1"))).isFalse();
        assertThat(snapshot.contains(ObjectKey.of(ObjectKind.TABLE, "", "seq1"))).isFalse();
    }

    @Test
    void columnsAreNormalized() {
        assertThat(snapshot.columnsOf("", "parent")).extracting(Column::name).containsExactly(
                "id", "code", "flag", "created", "js", "expr", "z", "n", "t", "g", "s", "inv", "e", "note");
        Column id = column("parent", "id");
        assertThat(id.type()).isEqualTo("int");
        assertThat(id.autoIncrement()).isTrue();
        assertThat(id.nullable()).isFalse();
        assertThat(id.position()).isEqualTo(1);
        Column code = column("parent", "code");
        assertThat(code.charset()).isEqualTo("latin1");
        assertThat(code.collation()).isEqualTo("latin1_swedish_ci");
        assertThat(code.defaultExpression()).isEqualTo("'x'");
        assertThat(column("parent", "t").collation()).as("inherited from the table").isNull();
        assertThat(column("parent", "flag").type()).isEqualTo("tinyint(1)");
        assertThat(column("parent", "flag").defaultExpression()).isEqualTo("0");
        Column created = column("parent", "created");
        assertThat(created.defaultExpression()).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(created.onUpdate()).isEqualTo("CURRENT_TIMESTAMP(6)");
        Column js = column("parent", "js");
        assertThat(js.type()).isEqualTo("json");
        assertThat(js.collation()).isNull();
        assertThat(column("parent", "expr").defaultExpression()).isEqualTo("(1 + 1)");
        assertThat(column("parent", "z").type()).isEqualTo("int(5) unsigned zerofill");
        assertThat(column("parent", "n").defaultExpression()).isEqualTo("1.50");
        Column g = column("parent", "g");
        assertThat(g.generated()).isEqualTo("`z` * 2");
        assertThat(g.generatedKind()).isEqualTo("VIRTUAL");
        assertThat(column("parent", "s").generatedKind()).isEqualTo("STORED");
        assertThat(column("parent", "inv").invisible()).isTrue();
        assertThat(column("parent", "e").type()).isEqualTo("enum('a','B')");
        Column note = column("parent", "note");
        assertThat(note.defaultExpression()).as("the string NULL is a default").isEqualTo("'NULL'");
        assertThat(note.comment()).isEqualTo("a comment");
        assertThat(column("child", "pid").defaultExpression()).as("nullable without default").isNull();
        assertThat(column("child", "d").defaultExpression()).isEqualTo("'2020-01-01'");
    }

    @Test
    void keysAndIndexes() {
        assertThat(get(ObjectKind.PRIMARY_KEY, "parent", "PRIMARY", PrimaryKey.class).columns()).containsExactly("id");
        assertThat(get(ObjectKind.PRIMARY_KEY, "pt", "PRIMARY", PrimaryKey.class).columns()).containsExactly("id", "k");
        Index uq = get(ObjectKind.INDEX, "parent", "uq_code", Index.class);
        assertThat(uq.unique()).isTrue();
        assertThat(uq.method()).isEqualTo("BTREE");
        assertThat(uq.parts()).containsExactly(IndexPart.column("code"));
        Index ix = get(ObjectKind.INDEX, "parent", "ix_t", Index.class);
        assertThat(ix.unique()).isFalse();
        assertThat(ix.comment()).isEqualTo("prefix and desc");
        assertThat(ix.parts()).containsExactly(
                new IndexPart("t", null, "ASC", null, null, null, 10),
                new IndexPart("code", null, "DESC", null, null, null, null));
        assertThat(get(ObjectKind.INDEX, "parent", "ft", Index.class).method()).isEqualTo("FULLTEXT");
        // the index InnoDB made for the foreign key is a real index
        assertThat(get(ObjectKind.INDEX, "child", "fk_p", Index.class).parts()).containsExactly(IndexPart.column("pid"));
    }

    @Test
    void foreignKeysAndChecks() {
        ForeignKey fk = get(ObjectKind.FOREIGN_KEY, "child", "fk_p", ForeignKey.class);
        assertThat(fk.columns()).containsExactly("pid");
        assertThat(fk.references()).isEqualTo(new TableRef("", "parent"));
        assertThat(fk.referencedColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        assertThat(fk.onUpdate()).isEqualTo("NO ACTION");
        assertThat(fk.deferrable()).isFalse();
        CheckConstraint chk = get(ObjectKind.CHECK_CONSTRAINT, "parent", "chk_flag", CheckConstraint.class);
        assertThat(chk.expression()).isEqualTo("`flag` >= 0");
        assertThat(chk.enforced()).isTrue();
        assertThat(snapshot.ofKind(ObjectKind.CHECK_CONSTRAINT)).as("the automatic json_valid check is not reported")
                .hasSize(1);
    }

    @Test
    void viewsLoseTheirOwnDatabaseQualifier() {
        View v = get(ObjectKind.VIEW, null, "v1", View.class);
        assertThat(v.definition()).doesNotContain(db.name()).contains("from (`parent` `p` join `child` `c`");
        assertThat(v.columns()).containsExactly("id", "pid");
        assertThat(v.options()).isEmpty();
    }

    @Test
    void triggersRoutinesEventsAndSequences() {
        assertThat(get(ObjectKind.TRIGGER, "child", "trg", Trigger.class).definition())
                .isEqualTo("CREATE TRIGGER `trg` BEFORE INSERT ON `child` FOR EACH ROW SET NEW.d = '2021-01-01'");
        assertThat(get(ObjectKind.TRIGGER, "child", "trg2", Trigger.class).definition())
                .isEqualTo("CREATE TRIGGER `trg2` BEFORE INSERT ON `child` FOR EACH ROW FOLLOWS `trg` SET NEW.id = NEW.id + 0");
        Routine f1 = get(ObjectKind.FUNCTION, null, "f1", Routine.class);
        assertThat(f1.definition()).isEqualTo("CREATE FUNCTION `f1`(`a` int) RETURNS int DETERMINISTIC RETURN a + 1");
        assertThat(f1.baseName()).isEqualTo("f1");
        Routine p1 = get(ObjectKind.PROCEDURE, null, "p1", Routine.class);
        assertThat(p1.definition()).isEqualTo(
                "CREATE PROCEDURE `p1`(IN `a` int, OUT `b` int) SQL SECURITY INVOKER COMMENT 'proc' BEGIN SELECT a INTO b; END");
        assertThat(p1.comment()).isEqualTo("proc");
        assertThat(p1.definition()).doesNotContain("DEFINER");
        Event ev1 = get(ObjectKind.EVENT, null, "ev1", Event.class);
        assertThat(ev1.definition()).isEqualTo("CREATE EVENT `ev1` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' "
                + "ON COMPLETION NOT PRESERVE DO DELETE FROM child WHERE id < 0");
        assertThat(ev1.status()).isEqualTo("DISABLED");
        assertThat(get(ObjectKind.EVENT, null, "ev2", Event.class).definition())
                .as("STARTS defaulted to the creation time is history, not schema")
                .isEqualTo("CREATE EVENT `ev2` ON SCHEDULE EVERY 1 HOUR ON COMPLETION NOT PRESERVE DO DELETE FROM child WHERE id < 0");
        Sequence seq = get(ObjectKind.SEQUENCE, null, "seq1", Sequence.class);
        assertThat(seq.start()).isEqualTo(10);
        assertThat(seq.increment()).isEqualTo(5);
        assertThat(seq.cache()).isEqualTo(20);
        assertThat(seq.dataType()).isEqualTo("bigint");
    }

    @Test
    void theNumberOfCatalogQueriesDoesNotGrowWithTheNumberOfTables() throws SQLException {
        try (TestDatabase small = server.createDatabase("qsmall"); TestDatabase large = server.createDatabase("qlarge")) {
            small.execute(tables(2));
            large.execute(tables(60));
            long smallQueries = queriesToInspect(small);
            long largeQueries = queriesToInspect(large);
            assertThat(largeQueries).isEqualTo(smallQueries);
            assertThat(smallQueries).isBetween(5L, 20L);
        }
    }

    /** n tables with a view, a partitioned table and a sequence, so every conditional query runs in both. */
    private static String[] tables(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, ref int, v varchar(10) DEFAULT 'x', ")
                    .append("KEY ix (v), CHECK (id > 0)")
                    .append(i > 0 ? ", FOREIGN KEY (ref) REFERENCES t" + (i - 1) + "(id)" : "").append(");\n");
        }
        sb.append("CREATE VIEW v AS SELECT id FROM t0;\n");
        sb.append("CREATE TABLE p (id int) PARTITION BY HASH (id) PARTITIONS 2;\n");
        sb.append("CREATE SEQUENCE s");
        return StatementSplitter.texts(sb.toString(), StatementSplitter.Syntax.MYSQL).toArray(String[]::new);
    }

    /** Statements the server counted on the snapshot's own session (its Questions counter). */
    private static long queriesToInspect(TestDatabase database) throws SQLException {
        MysqlDialect dialect = new MysqlDialect();
        try (Connection c = dialect.connect(database.target(), InspectOptions.DEFAULT, true)) {
            long before = questions(c);
            Snapshot s = dialect.inspect(c, null, InspectOptions.DEFAULT);
            long after = questions(c);
            assertThat(s.byKey()).isNotEmpty();
            return after - before - 1; // the first SHOW STATUS counts itself
        }
    }

    private static long questions(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void snapshotSessionsAreReadOnlyWithTheTimeoutApplied() throws SQLException {
        InspectOptions options = new InspectOptions(Duration.ofSeconds(7));
        try (Connection c = new MysqlDialect().connect(db.target(), options, true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @@session.lock_wait_timeout, @@session.max_statement_time, "
                    + "@@session.tx_read_only")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(7);
                assertThat(rs.getDouble(2)).isEqualTo(7.0);
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
            assertThatThrownBy(() -> s.execute("INSERT INTO child (id) VALUES (1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("READ ONLY");
        }
    }

    @Test
    void writableSessionsBoundLockWaitsButNotStatements() throws SQLException {
        InspectOptions options = new InspectOptions(Duration.ofSeconds(9));
        try (Connection c = new MysqlDialect().connect(db.target(), options, false); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@session.lock_wait_timeout, @@session.max_statement_time, "
                     + "@@session.tx_read_only")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(9);
            assertThat(rs.getDouble(2)).as("a long ALTER of an apply must not be cut off").isZero();
            assertThat(rs.getInt(3)).isZero();
        }
    }

    @Test
    void aMariadbUrlWorksAndCredentialsComeFromTheTarget() {
        String url = db.url().replace("jdbc:mysql:", "jdbc:mariadb:").replaceFirst("user=[^&]*&?", "");
        DbTarget target = new DbTarget(url, server.user(), server.password(), null);
        Snapshot viaMariadbUrl = new Engine().snapshot(target, InspectOptions.DEFAULT);
        assertThat(viaMariadbUrl.fingerprint()).isEqualTo(snapshot.fingerprint());
    }

    @Test
    void missingOrAbsentDatabaseIsOneClearLine() {
        String base = db.url().replace("/" + db.name() + "?", "/%s?");
        assertThatThrownBy(() -> new Engine().snapshot(DbTarget.of(base.formatted("no_such_db_xyz")), InspectOptions.DEFAULT))
                .isInstanceOf(EngineException.class).hasMessageContaining("database 'no_such_db_xyz' does not exist");
        assertThatThrownBy(() -> new Engine().snapshot(DbTarget.of(base.formatted("")), InspectOptions.DEFAULT))
                .isInstanceOf(EngineException.class).hasMessageContaining("no database in");
    }

    @Test
    void objectsOfOtherDatabasesAreNotRead() {
        try (TestDatabase other = server.createDatabase("other")) {
            other.execute("CREATE TABLE intruder (id int)");
            assertThat(snapshot.byKey().keySet()).noneMatch(k -> k.name().equals("intruder"));
            Snapshot again = new Engine().snapshot(db.target(), InspectOptions.DEFAULT);
            assertThat(again.fingerprint()).isEqualTo(snapshot.fingerprint());
        }
    }
}
