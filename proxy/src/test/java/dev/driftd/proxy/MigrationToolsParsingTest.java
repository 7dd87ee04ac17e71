package dev.driftd.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The session marker and the migration tools' history tables, as the proxy reads them from SQL text. */
class MigrationToolsParsingTest {
    @Test
    void sessionMarkerIsReadFromTheLeadingComments() {
        MigrationTools.SessionMarker alone = MigrationTools.sessionMarker("  /* driftd:allow-session flyway 13 */ ");
        assertThat(alone).isNotNull();
        assertThat(alone.end).isFalse();
        assertThat(alone.label).isEqualTo("flyway 13");
        assertThat(alone.onlyComments).isTrue();

        MigrationTools.SessionMarker withStatement = MigrationTools.sessionMarker("-- driftd:allow-session\nSELECT 1");
        assertThat(withStatement.label).isEmpty();
        assertThat(withStatement.onlyComments).isFalse();

        assertThat(MigrationTools.sessionMarker("/* DRIFTD:END-SESSION */").end).isTrue();
        assertThat(MigrationTools.sessionMarker("# driftd:allow-session liquibase").label).isEqualTo("liquibase");
    }

    @Test
    void onlyTheLeadingCommentCounts() {
        assertThat(MigrationTools.sessionMarker("SELECT 1 /* driftd:allow-session */")).isNull();
        assertThat(MigrationTools.sessionMarker("SELECT '/* driftd:allow-session */'")).isNull();
        assertThat(MigrationTools.sessionMarker("/* load Customer */ /* driftd:allow-session */ SELECT 1")).isNull();
        // the per-statement marker is not the session marker
        assertThat(MigrationTools.sessionMarker("/* driftd:allow */ CREATE TABLE t (a int)")).isNull();
        assertThat(MigrationTools.sessionMarker("/* driftd:allow-sessions */")).isNull();
        assertThat(MigrationTools.sessionMarker("/* driftd:allow-session")).isNull();
        assertThat(MigrationTools.sessionMarker("")).isNull();
        assertThat(MigrationTools.sessionMarker(null)).isNull();
    }

    @Test
    void historyTablesOfFlywayAndLiquibaseAreRecognised() {
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE \"public\".\"flyway_schema_history\" (\n"
                + " \"installed_rank\" INT NOT NULL)")).isTrue();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE `shop`.`flyway_schema_history` (`installed_rank` INT)"))
                .isTrue();
        assertThat(MigrationTools.isHistoryTableDdl("ALTER TABLE \"public\".\"flyway_schema_history\" ADD CONSTRAINT"
                + " \"flyway_schema_history_pk\" PRIMARY KEY (\"installed_rank\")")).isTrue();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE INDEX \"flyway_schema_history_s_idx\" ON"
                + " \"public\".\"flyway_schema_history\" (\"success\")")).isTrue();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL)"))
                .isTrue();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL)")).isTrue();
        assertThat(MigrationTools.isHistoryTableDdl("ALTER TABLE IF EXISTS ONLY databasechangelog ADD COLUMN x int"))
                .isTrue();
    }

    @Test
    void otherTablesAndObjectsAreNot() {
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE orders (id int)")).isFalse();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE flyway_schema_history_copy (id int)")).isFalse();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE TABLE databasechangelog.orders (id int)")).isFalse();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE INDEX databasechangelog ON orders (id)")).isFalse();
        assertThat(MigrationTools.isHistoryTableDdl("DROP SCHEMA flyway_schema_history")).isFalse();
        // dropping the history is not something a tool does in a migration run: it needs an approval
        assertThat(MigrationTools.isHistoryTableDdl("DROP TABLE IF EXISTS databasechangeloglock")).isFalse();
        assertThat(MigrationTools.isHistoryTableDdl("CREATE VIEW databasechangelog AS SELECT 1")).isFalse();
        assertThat(MigrationTools.isHistoryTableDdl("GRANT ALL ON databasechangelog TO app")).isFalse();
        // a table renamed into place is not the tool's own work
        assertThat(MigrationTools.isHistoryTableDdl("ALTER TABLE orders RENAME TO databasechangelog")).isFalse();
    }
}
