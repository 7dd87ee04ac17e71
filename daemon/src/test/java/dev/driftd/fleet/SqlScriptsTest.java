package dev.driftd.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptsTest {
    @Test
    void splitsOnTheCurrentDelimiterOutsideQuotesAndComments() {
        String script = """
                -- a comment; not a statement
                CREATE TABLE a (s VARCHAR(10) DEFAULT 'x;y');  # another; comment
                INSERT INTO a VALUES ("q;\\"r");
                /* block; comment */
                DELIMITER $$
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT `odd;name`; END$$
                DELIMITER ;
                SELECT 2
                """;
        assertThat(SqlScripts.splitMysql(script)).containsExactly(
                "CREATE TABLE a (s VARCHAR(10) DEFAULT 'x;y')",
                "INSERT INTO a VALUES (\"q;\\\"r\")",
                "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT `odd;name`; END",
                "SELECT 2");
    }
}
