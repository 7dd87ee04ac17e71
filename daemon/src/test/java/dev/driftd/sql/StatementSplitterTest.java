package dev.driftd.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.driftd.sql.StatementSplitter.Syntax.MYSQL;
import static dev.driftd.sql.StatementSplitter.Syntax.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementSplitterTest {
    private static List<String> split(String script, StatementSplitter.Syntax syntax) {
        return StatementSplitter.texts(script, syntax);
    }

    @Test
    void skipsCommentsAndKeepsSemicolonsInsideLiterals() {
        List<String> s = split("""
                -- a comment; with a semicolon
                CREATE TABLE t (a text DEFAULT 'x;y'); /* block; */
                INSERT INTO "we;ird" VALUES (1);
                """, POSTGRES);
        assertThat(s).containsExactly("CREATE TABLE t (a text DEFAULT 'x;y')", "INSERT INTO \"we;ird\" VALUES (1)");
    }

    @Test
    void keepsDollarQuotedFunctionBodiesWhole() {
        List<String> s = split("""
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;
                CREATE FUNCTION g() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                SELECT $1, a$b$ FROM t;
                """, POSTGRES);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).endsWith("$body$");
    }

    @Test
    void keepsSeveralSqlStandardBodiesInOneFileWhole() {
        List<String> s = split("""
                CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC SELECT a + b; SELECT CASE WHEN a > 0 THEN 1 END; END;
                CREATE OR REPLACE PROCEDURE p(x int) LANGUAGE sql
                BEGIN ATOMIC
                  INSERT INTO t VALUES (x);
                  INSERT INTO t VALUES (CASE x WHEN 1 THEN 2 ELSE 3 END);
                END;
                SELECT 2;
                """, POSTGRES);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).endsWith("END; END");
        assertThat(s.get(1)).startsWith("CREATE OR REPLACE PROCEDURE").endsWith("END);\nEND");
    }

    @Test
    void postgresSemicolonsInsideParenthesesAndEscapeStringsAndNestedComments() {
        List<String> s = split("""
                CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));
                SELECT E'it\\'s; fine', 'plain\\'; /* outer /* inner; */ still; */ SELECT 3;
                """, POSTGRES);
        assertThat(s).containsExactly(
                "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                "SELECT E'it\\'s; fine', 'plain\\'",
                "SELECT 3");
    }

    @Test
    void honoursMysqlDelimiterLines() {
        List<String> s = split("""
                DELIMITER ;;
                CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;;
                DELIMITER ;
                SELECT 1;
                DELIMITER $$
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT `odd;name`; END$$
                DELIMITER ;
                SELECT 2
                """, MYSQL);
        assertThat(s).containsExactly("CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END",
                "SELECT 1", "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT `odd;name`; END", "SELECT 2");
    }

    @Test
    void sendsMysqldumpVersionedCommentsAndLexesInsideThem() {
        // what mysqldump --triggers writes: the trigger lives inside executable comments
        List<String> s = split("""
                /*!50003 SET @saved_sql_mode = @@sql_mode */ ;
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW
                BEGIN
                  SET NEW.name = UPPER(NEW.name); -- a comment the client strips
                END */;;
                DELIMITER ;
                CREATE TABLE c (x text /*M!100301 COMPRESSED*/);
                /* a plain comment is not sent */ SELECT 1;
                """, MYSQL);
        assertThat(s).hasSize(4);
        assertThat(s.get(0)).isEqualTo("/*!50003 SET @saved_sql_mode = @@sql_mode */");
        assertThat(s.get(1)).startsWith("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER items_bi")
                .contains("UPPER(NEW.name);").doesNotContain("a comment").endsWith("END */");
        assertThat(s.get(2)).isEqualTo("CREATE TABLE c (x text /*M!100301 COMPRESSED*/)");
        assertThat(s.get(3)).isEqualTo("SELECT 1");
    }

    @Test
    void versionedCommentTriggerWithoutDelimiterStaysWhole() {
        List<String> s = split("""
                /*!50003 CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END */;
                SELECT 1;
                """, MYSQL);
        assertThat(s).containsExactly(
                "/*!50003 CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END */",
                "SELECT 1");
    }

    @Test
    void keepsMysqlCompoundBodiesWholeWithoutDelimiter() {
        List<String> s = split("""
                CREATE TABLE t (a int, event int);
                CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  IF NEW.a < 0 THEN SET NEW.a = 0; END IF;
                  SET NEW.a = CASE WHEN NEW.a > 9 THEN 9 ELSE NEW.a END;
                END;
                # hash comment
                CREATE PROCEDURE p() BEGIN SELECT 1; END;
                CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1;
                SELECT 2;
                """, MYSQL);
        assertThat(s).hasSize(5);
        assertThat(s.get(1)).startsWith("CREATE TRIGGER").endsWith("END");
        assertThat(s.get(2)).isEqualTo("CREATE PROCEDURE p() BEGIN SELECT 1; END");
        assertThat(s.get(3)).isEqualTo("CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1");
    }

    @Test
    void mysqlBackslashEscapesDoNotEndLiterals() {
        assertThat(split("INSERT INTO t VALUES ('it\\'s; fine', \"q;\\\"r\"); SELECT 1;", MYSQL))
                .containsExactly("INSERT INTO t VALUES ('it\\'s; fine', \"q;\\\"r\")", "SELECT 1");
        // and a MySQL "--" needs a space after it to be a comment
        assertThat(split("SELECT 1--1;\nSELECT 2; -- done", MYSQL)).containsExactly("SELECT 1--1", "SELECT 2");
    }

    @Test
    void statementsKnowTheLineTheyStartOn() {
        List<ScriptStatement> s = StatementSplitter.split("""
                -- header

                CREATE TABLE a (x int);
                CREATE TABLE b (
                  y int
                ); CREATE TABLE c (z int);
                """, POSTGRES, "g.sql");
        assertThat(s).extracting(ScriptStatement::line).containsExactly(3, 4, 6);
    }

    @Test
    void psqlMetaCommandsAreHandledOrRefusedWithFileAndLine() {
        assertThat(split("\\restrict abc\nCREATE TABLE a (x int);\n\\set ON_ERROR_STOP on\n\\unrestrict abc\n", POSTGRES))
                .containsExactly("CREATE TABLE a (x int)");
        assertThatThrownBy(() -> StatementSplitter.split("CREATE TABLE a (x int);\n\n\\connect other\n", POSTGRES, "g.sql"))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("g.sql:3: psql meta-command \\connect");
        assertThatThrownBy(() -> StatementSplitter.split("CREATE TABLE a (x int);\nCOPY a (x) FROM stdin;\n1\n\\.\n",
                POSTGRES, "g.sql")).hasMessageStartingWith("g.sql:2: COPY … FROM stdin");
    }

    @Test
    void unterminatedTextIsAnErrorWithFileAndLine() {
        assertThatThrownBy(() -> StatementSplitter.split("SELECT 1;\nSELECT 'oops;\n", MYSQL, "m.sql"))
                .isInstanceOf(ScriptException.class).hasMessage("m.sql:2: unterminated string literal");
        assertThatThrownBy(() -> StatementSplitter.split("SELECT 1;\n\nCREATE FUNCTION f() AS $x$ body", POSTGRES, "p.sql"))
                .hasMessage("p.sql:3: unterminated dollar-quoted string $x$");
        assertThatThrownBy(() -> StatementSplitter.split("DELIMITER\n", MYSQL, "m.sql"))
                .hasMessage("m.sql:1: DELIMITER must be followed by a delimiter");
        assertThatThrownBy(() -> StatementSplitter.split("SELECT 1 /*!50003 x", MYSQL, "m.sql"))
                .hasMessageStartingWith("m.sql:1: unterminated");
    }
}
