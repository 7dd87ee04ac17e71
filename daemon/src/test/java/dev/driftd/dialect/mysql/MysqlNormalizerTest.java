package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normal form both flavors are reduced to. Inputs are what each server's information_schema
 * prints (MariaDB 10.11 as seen on the local server; MySQL 8 as documented and as the Testcontainers
 * test sees it).
 */
class MysqlNormalizerTest {
    private final MysqlNormalizer maria = new MysqlNormalizer(Flavor.MARIADB);
    private final MysqlNormalizer mysql = new MysqlNormalizer(Flavor.MYSQL);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int(11)|int",
            "INT(10) UNSIGNED|int unsigned",
            "bigint(20)|bigint",
            "smallint(6)|smallint",
            "mediumint(9)|mediumint",
            "tinyint(4)|tinyint",
            "tinyint(1)|tinyint(1)",
            "int(5) unsigned zerofill|int(5) unsigned zerofill",
            "year(4)|year",
            "varchar(40)|varchar(40)",
            "decimal(10,2)|decimal(10,2)",
            "ENUM('a','B')|enum('a','B')",
    })
    void typesLoseDisplayWidthsButKeepBoolAndZerofill(String in, String out) {
        assertThat(maria.type(in)).isEqualTo(out);
        assertThat(mysql.type(in)).isEqualTo(out);
    }

    @Test
    void enumLabelsKeepTheirCase() {
        assertThat(maria.type("SET('X','y')")).isEqualTo("set('X','y')");
    }

    @Test
    void mariadbAndMysqlDefaultsMeetInOneForm() {
        // string literal: MariaDB quotes, MySQL does not
        assertThat(maria.columnDefault("'abc'", "", "varchar(10)")).isEqualTo("'abc'");
        assertThat(mysql.columnDefault("abc", "", "varchar(10)")).isEqualTo("'abc'");
        // quotes and backslashes
        assertThat(maria.columnDefault("'it''s'", "", "varchar(10)")).isEqualTo("'it''s'");
        assertThat(mysql.columnDefault("it's", "", "varchar(10)")).isEqualTo("'it''s'");
        assertThat(maria.columnDefault("'a\\\\b'", "", "varchar(10)")).isEqualTo("'a\\\\b'");
        assertThat(mysql.columnDefault("a\\b", "", "varchar(10)")).isEqualTo("'a\\\\b'");
        // no default and DEFAULT NULL: MariaDB prints the word NULL, MySQL SQL NULL
        assertThat(maria.columnDefault("NULL", "", "int")).isNull();
        assertThat(mysql.columnDefault(null, "", "int")).isNull();
        // ...but the string 'NULL' is a real default
        assertThat(maria.columnDefault("'NULL'", "", "varchar(10)")).isEqualTo("'NULL'");
        assertThat(mysql.columnDefault("NULL", "", "varchar(10)")).isEqualTo("'NULL'");
        // numbers stay bare
        assertThat(maria.columnDefault("0", "", "int")).isEqualTo("0");
        assertThat(mysql.columnDefault("0", "", "int")).isEqualTo("0");
        assertThat(maria.columnDefault("1.50", "", "decimal(10,2)")).isEqualTo("1.50");
        assertThat(mysql.columnDefault("1.50", "", "decimal(10,2)")).isEqualTo("1.50");
        assertThat(maria.columnDefault("b'101'", "", "bit(3)")).isEqualTo("b'101'");
        assertThat(mysql.columnDefault("b'101'", "", "bit(3)")).isEqualTo("b'101'");
        // dates are strings
        assertThat(maria.columnDefault("'2020-01-01'", "", "date")).isEqualTo("'2020-01-01'");
        assertThat(mysql.columnDefault("2020-01-01", "", "date")).isEqualTo("'2020-01-01'");
    }

    @Test
    void currentTimestampHasOneSpelling() {
        assertThat(maria.columnDefault("current_timestamp()", "", "timestamp")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(mysql.columnDefault("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", "timestamp")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(maria.columnDefault("current_timestamp(6)", "", "timestamp(6)")).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(mysql.columnDefault("CURRENT_TIMESTAMP(6)", "DEFAULT_GENERATED", "timestamp(6)"))
                .isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(maria.onUpdate("on update current_timestamp(6)")).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(mysql.onUpdate("DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6)")).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(mysql.onUpdate("on update CURRENT_TIMESTAMP INVISIBLE")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(maria.onUpdate("auto_increment")).isNull();
    }

    @Test
    void expressionDefaultsGetExactlyOnePairOfParentheses() {
        assertThat(maria.columnDefault("(1 + 1)", "", "int")).isEqualTo("(1 + 1)");
        assertThat(mysql.columnDefault("(1 + 1)", "DEFAULT_GENERATED", "int")).isEqualTo("(1 + 1)");
        assertThat(maria.columnDefault("uuid()", "", "varchar(36)")).isEqualTo("(uuid())");
        assertThat(mysql.columnDefault("uuid()", "DEFAULT_GENERATED", "varchar(36)")).isEqualTo("(uuid())");
        assertThat(mysql.columnDefault("concat(_utf8mb4\\'a\\',_utf8mb4\\'b\\')", "DEFAULT_GENERATED", "varchar(9)"))
                .isEqualTo(maria.columnDefault("concat('a','b')", "", "varchar(9)"));
    }

    @Test
    void expressionsLoseOuterParenthesesAndMysqlDecorations() {
        assertThat(mysql.expression("(`flag` >= 0)")).isEqualTo(maria.expression("`flag` >= 0"));
        assertThat(maria.expression("((`a` > 0))")).isEqualTo("`a` > 0");
        // parentheses that do not enclose the whole text stay
        assertThat(maria.expression("(`a` + 1) * (`b` + 1)")).isEqualTo("(`a` + 1) * (`b` + 1)");
        // a parenthesis inside a string literal does not count
        assertThat(maria.expression("(`a` <> ')')")).isEqualTo("`a` <> ')'");
        assertThat(mysql.expression("(`c` <> _utf8mb4\\'x\\')")).isEqualTo("`c` <> 'x'");
    }

    @Test
    void collationsAndCharsets() {
        assertThat(maria.collation("utf8_general_ci")).isEqualTo("utf8mb3_general_ci");
        assertThat(maria.charsetOf("utf8mb4_0900_ai_ci")).isEqualTo("utf8mb4");
        assertThat(maria.charsetOf("utf8_bin")).isEqualTo("utf8mb3");
        assertThat(maria.charsetOf("binary")).isEqualTo("binary");
        assertThat(maria.collation(null)).isNull();
    }

    @Test
    void restrictAndNoActionAreTheSameInInnoDb() {
        assertThat(maria.referentialAction("RESTRICT")).isEqualTo("NO ACTION");
        assertThat(mysql.referentialAction("NO ACTION")).isEqualTo("NO ACTION");
        assertThat(mysql.referentialAction("CASCADE")).isEqualTo("CASCADE");
    }

    @Test
    void ownDatabaseQualifiersAreRemovedOutsideLiterals() {
        assertThat(SqlText.stripSchemaQualifier("select `t`.`a` from `app`.`t` where x = 'app.t'", "app"))
                .isEqualTo("select `t`.`a` from `t` where x = 'app.t'");
        assertThat(SqlText.stripSchemaQualifier("DELETE FROM app.t WHERE myapp.x = 1", "app"))
                .isEqualTo("DELETE FROM t WHERE myapp.x = 1");
        assertThat(SqlText.stripSchemaQualifier("select * from `other`.`t`", "app"))
                .isEqualTo("select * from `other`.`t`");
    }
}
