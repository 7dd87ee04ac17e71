package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Index;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inspect and equivalence checks on MySQL 8.4 proper (Testcontainers; skipped where no
 * Docker engine answers, as on the build machines, which have MariaDB only).
 */
@Testcontainers(disabledWithoutDocker = true)
class Mysql8ContainerIT {
    @Container
    private static final MySQLContainer<?> MYSQL = new MySQLContainer<>("mysql:8.4").withUsername("root");

    /** A database on the container that drops itself. */
    private record Db(String name) implements AutoCloseable {
        static Db create(String prefix) {
            String name = prefix + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
            admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci");
            return new Db(name);
        }

        String url() {
            return "jdbc:mysql://" + MYSQL.getHost() + ":" + MYSQL.getFirstMappedPort() + "/" + name
                    + "?user=root&password=" + MYSQL.getPassword() + "&allowMultiQueries=true";
        }

        void execute(String... statements) {
            try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        Snapshot snapshot() {
            return new Engine().snapshot(DbTarget.of(url()), InspectOptions.DEFAULT);
        }

        @Override
        public void close() {
            admin("DROP DATABASE IF EXISTS `" + name + "`");
        }

        private static void admin(String sql) {
            String url = "jdbc:mysql://" + MYSQL.getHost() + ":" + MYSQL.getFirstMappedPort() + "/mysql?user=root&password="
                    + MYSQL.getPassword();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    @Test
    void mysql8ObjectsAreReadAndNormalized() {
        try (Db db = Db.create("my8")) {
            db.execute("CREATE TABLE p (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, code varchar(20) NOT NULL DEFAULT 'x', "
                            + "flag tinyint(1) DEFAULT 0, created timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) "
                            + "ON UPDATE CURRENT_TIMESTAMP(6), doc json, expr int DEFAULT (1+1), s varchar(9) DEFAULT (concat('a','b')), "
                            + "g int AS (id*2) VIRTUAL, inv int INVISIBLE, "
                            + "INDEX fx ((lower(code))), INDEX hidden (flag) INVISIBLE, "
                            + "CONSTRAINT chk CHECK (flag >= 0), CONSTRAINT lax CHECK (id > 0) NOT ENFORCED) "
                            + "ROW_FORMAT=DYNAMIC COMMENT='parent'",
                    "CREATE TABLE c (id int PRIMARY KEY, pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id))",
                    "CREATE VIEW v AS SELECT id, code FROM p",
                    "CREATE FUNCTION f(a int) RETURNS int DETERMINISTIC RETURN a + 1");
            Snapshot s = db.snapshot();
            assertThat(s.getFlavor()).isEqualTo(Flavor.MYSQL);
            assertThat(s.getServerVersion()).startsWith("8.4");
            Table p = (Table) s.get(ObjectKey.of(ObjectKind.TABLE, "", "p"));
            assertThat(p.options()).containsEntry("row_format", "DYNAMIC").containsEntry("charset", "utf8mb4");
            assertThat(column(s, "code").defaultExpression()).isEqualTo("'x'");
            assertThat(column(s, "flag").type()).isEqualTo("tinyint(1)");
            assertThat(column(s, "created").defaultExpression()).isEqualTo("CURRENT_TIMESTAMP(6)");
            assertThat(column(s, "created").onUpdate()).isEqualTo("CURRENT_TIMESTAMP(6)");
            assertThat(column(s, "doc").type()).isEqualTo("json");
            assertThat(column(s, "expr").defaultExpression()).isEqualTo("(1 + 1)");
            assertThat(column(s, "s").defaultExpression()).isEqualTo("(concat('a','b'))");
            assertThat(column(s, "g").generated()).isEqualTo("`id` * 2");
            assertThat(column(s, "inv").invisible()).isTrue();
            Index fx = (Index) s.get(ObjectKey.part(ObjectKind.INDEX, "", "p", "fx"));
            assertThat(fx.parts()).singleElement().satisfies(part -> {
                assertThat(part.column()).isNull();
                assertThat(part.expression()).isEqualTo("lower(`code`)");
            });
            assertThat(((Index) s.get(ObjectKey.part(ObjectKind.INDEX, "", "p", "hidden"))).options())
                    .containsEntry("invisible", "true");
            assertThat(((CheckConstraint) s.get(ObjectKey.part(ObjectKind.CHECK_CONSTRAINT, "", "p", "chk"))).expression())
                    .isEqualTo("`flag` >= 0");
            assertThat(((CheckConstraint) s.get(ObjectKey.part(ObjectKind.CHECK_CONSTRAINT, "", "p", "lax"))).enforced())
                    .isFalse();
            assertThat(((View) s.get(ObjectKey.of(ObjectKind.VIEW, "", "v"))).definition()).doesNotContain(db.name());
            assertThat(((Routine) s.get(ObjectKey.of(ObjectKind.FUNCTION, "", "f"))).definition())
                    .isEqualTo("CREATE FUNCTION `f`(`a` int) RETURNS int DETERMINISTIC RETURN a + 1");
            assertThat(s.get(ObjectKey.part(ObjectKind.FOREIGN_KEY, "", "c", "fk"))).isNotNull();
            assertThat(s.get(ObjectKey.part(ObjectKind.INDEX, "", "c", "fk"))).isNotNull();
        }
    }

    private static Column column(Snapshot s, String name) {
        return (Column) s.get(ObjectKey.part(ObjectKind.COLUMN, "", "p", name));
    }

    static List<MysqlEquivalenceCases.Case> portableCases() {
        return MysqlEquivalenceCases.all().stream().filter(c -> !c.mariaDbOnly()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portableCases")
    void sameSchemaDifferentHistoryIsInSyncOnMysql8(MysqlEquivalenceCases.Case c) {
        try (Db golden = Db.create("eqg"); Db target = Db.create("eqt")) {
            golden.execute(c.goldenStatements(golden.name()));
            target.execute(c.targetStatements(target.name()));
            Snapshot g = golden.snapshot();
            Snapshot t = target.snapshot();
            assertThat(t.fingerprint()).as(c.name() + ": " + new Engine().diff(g, t).changes()).isEqualTo(g.fingerprint());
            MysqlEquivalenceTest.Result diff = MysqlEquivalenceTest.diff(golden.url(), target.url());
            assertThat(diff.exit()).as(diff.out() + diff.err()).isZero();
        }
    }
}
