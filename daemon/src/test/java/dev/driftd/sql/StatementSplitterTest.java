package dev.driftd.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.driftd.sql.StatementSplitter.Syntax.MYSQL;
import static dev.driftd.sql.StatementSplitter.Syntax.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterTest {
    @Test
    void skipsCommentsAndKeepsSemicolonsInsideLiterals() {
        List<String> s = StatementSplitter.split("""
                -- a comment; with a semicolon
                CREATE TABLE t (a text DEFAULT 'x;y'); /* block; */
                INSERT INTO "we;ird" VALUES (1);
                """, POSTGRES);
        assertThat(s).containsExactly("CREATE TABLE t (a text DEFAULT 'x;y')", "INSERT INTO \"we;ird\" VALUES (1)");
    }

    @Test
    void keepsDollarQuotedFunctionBodiesWhole() {
        List<String> s = StatementSplitter.split("""
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;
                CREATE FUNCTION g() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                SELECT 1;
                """, POSTGRES);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).endsWith("$body$");
    }

    @Test
    void keepsSqlStandardBodiesWhole() {
        List<String> s = StatementSplitter.split("""
                CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC SELECT a + b; SELECT CASE WHEN a > 0 THEN 1 END; END;
                SELECT 2;
                """, POSTGRES);
        assertThat(s).hasSize(2);
        assertThat(s.get(0)).endsWith("END");
    }

    @Test
    void honoursMysqlDelimiterLines() {
        List<String> s = StatementSplitter.split("""
                DELIMITER ;;
                CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;;
                DELIMITER ;
                SELECT 1;
                """, MYSQL);
        assertThat(s).containsExactly("CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END",
                "SELECT 1");
    }

    @Test
    void keepsMysqlCompoundBodiesWholeWithoutDelimiter() {
        List<String> s = StatementSplitter.split("""
                CREATE TABLE t (a int);
                CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  IF NEW.a < 0 THEN SET NEW.a = 0; END IF;
                  SET NEW.a = CASE WHEN NEW.a > 9 THEN 9 ELSE NEW.a END;
                END;
                # hash comment
                CREATE PROCEDURE p() BEGIN SELECT 1; END;
                """, MYSQL);
        assertThat(s).hasSize(3);
        assertThat(s.get(1)).startsWith("CREATE TRIGGER").endsWith("END");
        assertThat(s.get(2)).isEqualTo("CREATE PROCEDURE p() BEGIN SELECT 1; END");
    }

    @Test
    void mysqlBackslashEscapesDoNotEndLiterals() {
        assertThat(StatementSplitter.split("INSERT INTO t VALUES ('it\\'s; fine'); SELECT 1;", MYSQL))
                .containsExactly("INSERT INTO t VALUES ('it\\'s; fine')", "SELECT 1");
    }
}
