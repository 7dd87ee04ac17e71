package dev.driftd.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static dev.driftd.proxy.SqlFlavor.MYSQL;
import static dev.driftd.proxy.SqlFlavor.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

class SqlClassifierTest {

    private static List<String> commands(String sql, SqlFlavor f) {
        return SqlClassifier.classify(sql, f).ddl().stream().map(Classification.DdlStatement::command)
                .collect(Collectors.toList());
    }

    private static List<String> texts(String sql, SqlFlavor f) {
        return SqlClassifier.classify(sql, f).ddl().stream().map(Classification.DdlStatement::text)
                .collect(Collectors.toList());
    }

    @Test
    void queriesAndDmlAreNotDdl() {
        for (String sql : new String[]{
                "SELECT * FROM t WHERE id = ?",
                "  select 1",
                "INSERT INTO t(a) VALUES ('CREATE TABLE x')",
                "update t set a = 'drop table t; --' where id = 1",
                "DELETE FROM t",
                "WITH x AS (SELECT 1) SELECT * FROM x",
                "SET search_path TO app",
                "createdAt", // a word that only starts like a verb
                "dropped_rows",
                "SELECT 1;",
                "",
                "   ",
                "/* create table x */ SELECT 1",
                "-- drop table t\nSELECT 1",
                "(SELECT 1) UNION (SELECT 2)",
                "EXPLAIN SELECT 1",
        }) {
            assertThat(SqlClassifier.classify(sql, POSTGRES).isDdl()).as(sql).isFalse();
            assertThat(SqlClassifier.classify(sql, MYSQL).isDdl()).as(sql).isFalse();
        }
        assertThat(SqlClassifier.classify(null, POSTGRES).isDdl()).isFalse();
    }

    @Test
    void ddlVerbsAreDdl() {
        assertThat(commands("CREATE TABLE t (id int)", POSTGRES)).containsExactly("CREATE");
        assertThat(commands("create unique index i on t(a)", POSTGRES)).containsExactly("CREATE");
        assertThat(commands("ALTER TABLE t ADD COLUMN b int", POSTGRES)).containsExactly("ALTER");
        assertThat(commands("DROP TABLE t", POSTGRES)).containsExactly("DROP");
        assertThat(commands("TRUNCATE t", POSTGRES)).containsExactly("TRUNCATE");
        assertThat(commands("COMMENT ON TABLE t IS 'x'", POSTGRES)).containsExactly("COMMENT");
        assertThat(commands("GRANT SELECT ON t TO bob", POSTGRES)).containsExactly("GRANT");
        assertThat(commands("REVOKE SELECT ON t FROM bob", POSTGRES)).containsExactly("REVOKE");
        assertThat(commands("IMPORT FOREIGN SCHEMA s FROM SERVER x INTO y", POSTGRES)).containsExactly("IMPORT");
        assertThat(commands("RENAME TABLE a TO b", MYSQL)).containsExactly("RENAME");
        assertThat(commands("CREATE DEFINER=`root`@`%` PROCEDURE p() SELECT 1", MYSQL)).containsExactly("CREATE");
        assertThat(commands("\n\t  /* leading */ -- c\n Alter table t engine=InnoDB", MYSQL)).containsExactly("ALTER");
    }

    @Test
    void commentWordIsOnlyDdlAsCommentOn() {
        assertThat(SqlClassifier.classify("COMMENT 'x'", POSTGRES).isDdl()).isFalse();
    }

    @Test
    void temporaryObjectsAreNotSchemaChanges() {
        assertThat(SqlClassifier.classify("CREATE TEMP TABLE x (a int)", POSTGRES).isDdl()).isFalse();
        assertThat(SqlClassifier.classify("create temporary table x (a int)", MYSQL).isDdl()).isFalse();
        assertThat(SqlClassifier.classify("CREATE GLOBAL TEMPORARY TABLE x (a int)", POSTGRES).isDdl()).isFalse();
        assertThat(SqlClassifier.classify("CREATE OR REPLACE TEMP VIEW v AS SELECT 1", POSTGRES).isDdl()).isFalse();
        assertThat(SqlClassifier.classify("DROP TEMPORARY TABLE x", MYSQL).isDdl()).isFalse();
        assertThat(SqlClassifier.classify("CREATE OR REPLACE VIEW v AS SELECT 1", POSTGRES).isDdl()).isTrue();
    }

    @Test
    void multiStatementStringsAreSplitAndEachClassified() {
        String sql = "SELECT 1; CREATE TABLE a (id int); INSERT INTO a VALUES (1);\n"
                + "ALTER TABLE a ADD b int ; drop table a";
        assertThat(commands(sql, POSTGRES)).containsExactly("CREATE", "ALTER", "DROP");
        assertThat(texts(sql, POSTGRES)).containsExactly("CREATE TABLE a (id int)", "ALTER TABLE a ADD b int",
                "drop table a");
    }

    @Test
    void separatorsInsideLiteralsCommentsAndIdentifiersDoNotSplit() {
        String pg = "INSERT INTO t VALUES ('a;DROP TABLE x', E'it\\'s; DROP TABLE y', \"col;DROP\")"
                + " /* ; DROP TABLE z */ -- ; drop table w\n";
        assertThat(SqlClassifier.classify(pg, POSTGRES).isDdl()).isFalse();
        String my = "INSERT INTO t VALUES ('it\\'s; DROP TABLE x', \"a;\\\" DROP TABLE y\") # ; DROP TABLE z\n"
                + ", (`odd;drop`)";
        assertThat(SqlClassifier.classify(my, MYSQL).isDdl()).isFalse();
    }

    @Test
    void postgresStandardStringsKeepBackslashes() {
        // 'a\' is a complete literal in PostgreSQL (standard_conforming_strings): what follows is code
        assertThat(commands("SELECT 'a\\'; DROP TABLE t", POSTGRES)).containsExactly("DROP");
        // in MySQL the backslash escapes the quote, so the DROP is still inside the literal
        assertThat(SqlClassifier.classify("SELECT 'a\\'; DROP TABLE t", MYSQL).isDdl()).isFalse();
    }

    @Test
    void dollarQuotedBodiesAreOneStatement() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN DROP TABLE x; RETURN 1; END $$ LANGUAGE plpgsql;"
                + " CREATE FUNCTION g() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $1";
        assertThat(commands(sql, POSTGRES)).containsExactly("CREATE", "CREATE");
        assertThat(texts(sql, POSTGRES).get(0)).endsWith("LANGUAGE plpgsql");
        assertThat(SqlClassifier.classify("SELECT $1::int; SELECT $tag$ ; drop table t $tag$", POSTGRES).isDdl())
                .isFalse();
    }

    @Test
    void nestedPostgresCommentsAreSkipped() {
        assertThat(SqlClassifier.classify("/* outer /* inner */ still comment; DROP TABLE t */ SELECT 1", POSTGRES)
                .isDdl()).isFalse();
    }

    @Test
    void routineBodiesWithBeginEndAreOneStatement() {
        String my = "CREATE PROCEDURE p() BEGIN\n  IF 1 = 1 THEN SELECT 1; END IF;\n"
                + "  CASE WHEN 1 THEN SELECT 2; END CASE;\n  SELECT CASE WHEN 1 THEN 2 END;\n"
                + "  lbl: LOOP LEAVE lbl; END LOOP;\n  DROP TABLE inside;\nEND; SELECT 3; DROP TABLE outside";
        assertThat(texts(my, MYSQL)).hasSize(2);
        assertThat(texts(my, MYSQL).get(0)).startsWith("CREATE PROCEDURE").endsWith("END");
        assertThat(texts(my, MYSQL).get(1)).isEqualTo("DROP TABLE outside");
        String pg = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; DROP TABLE t";
        assertThat(commands(pg, POSTGRES)).containsExactly("CREATE", "DROP");
    }

    @Test
    void parenthesesHoldSeparators() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
        assertThat(texts(rule, POSTGRES)).containsExactly(rule);
    }

    @Test
    void mysqlExecutableCommentsAreCode() {
        String dump = "/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE ALGORITHM=UNDEFINED VIEW v AS select 1 */;\n"
                + "/*M!100100 ALTER TABLE t ADD c int */";
        assertThat(commands(dump, MYSQL)).containsExactly("CREATE", "ALTER");
    }

    @Test
    void mysqlHashIsAnOperatorInPostgres() {
        // in PostgreSQL '#' is XOR, not a comment: the DROP after it is real
        assertThat(commands("SELECT 1 # 2; DROP TABLE t", POSTGRES)).containsExactly("DROP");
        assertThat(SqlClassifier.classify("SELECT 1 # 2; DROP TABLE t", MYSQL).isDdl()).isFalse();
    }

    @Test
    void allowMarkerIsFoundInBlockAndLineComments() {
        assertThat(SqlClassifier.classify("/* driftd:allow */ CREATE TABLE t (a int)", POSTGRES).allowMarker()).isTrue();
        assertThat(SqlClassifier.classify("CREATE TABLE t (a int) /* DRIFTD:ALLOW JIRA-12 */", POSTGRES).allowMarker())
                .isTrue();
        assertThat(SqlClassifier.classify("-- driftd:allow\nDROP TABLE t", MYSQL).allowMarker()).isTrue();
        assertThat(SqlClassifier.classify("CREATE TABLE t (a text default '/* driftd:allow */')", POSTGRES)
                .allowMarker()).isFalse();
        assertThat(SqlClassifier.classify("CREATE TABLE t (a int) /* not driftd:allow */", POSTGRES).allowMarker())
                .isFalse();
    }

    @Test
    void statementTextKeepsItsLeadingCommentAndDropsTheTerminator() {
        assertThat(texts("/* driftd:allow TICKET-1 */\nCREATE TABLE t (a int);\n", POSTGRES))
                .containsExactly("/* driftd:allow TICKET-1 */\nCREATE TABLE t (a int)");
    }

    @Test
    void unterminatedConstructsDoNotLoop() {
        assertThat(SqlClassifier.classify("CREATE TABLE t (a text default 'oops", POSTGRES).isDdl()).isTrue();
        assertThat(SqlClassifier.classify("SELECT 1; /* never closed", POSTGRES).isDdl()).isFalse();
        assertThat(SqlClassifier.classify("SELECT $$ never closed; DROP TABLE t", POSTGRES).isDdl()).isFalse();
    }
}
