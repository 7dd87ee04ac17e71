package dev.driftd.proxy.tools;

import com.fasterxml.jackson.databind.JsonNode;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Flyway and Liquibase given only a jdbc:driftd: URL, as their CLI and Maven plugins are: with
 * this module on the classpath they find the proxy's driver and the real database's plugin, run
 * their migrations on real PostgreSQL and MariaDB under guard=block and warn, and the events say
 * which tool (and, for Flyway with the callback, which migration) ran each statement.
 */
class UrlModeTest {
    @TempDir
    Path dir;
    private LocalServer server;
    private String db;
    private EventSink sink;

    @AfterEach
    void tearDown() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    private void use(LocalServer s, String prefix) throws Exception {
        server = s;
        assumeTrue(server != null, "no local server for " + prefix);
        db = server.createDatabase(prefix);
        sink = new EventSink();
    }

    private String url(String extra) {
        return server.proxied(db, "driftd.endpoint=" + sink.endpoint() + "&driftd.application=shop&" + extra);
    }

    private Path flywayScripts() throws Exception {
        Path location = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(location.resolve("V1__items.sql"),
                "CREATE TABLE items (id int primary key, name varchar(40));\nCREATE INDEX items_name ON items (name);\n");
        Files.writeString(location.resolve("V2__price.sql"), "ALTER TABLE items ADD COLUMN price int;\n");
        return location;
    }

    private static JsonNode event(List<JsonNode> events, String statement) {
        return events.stream().filter(e -> e.get("statement").asText().equals(statement)).findFirst()
                .orElseThrow(() -> new AssertionError("no event for " + statement + " in " + statements(events)));
    }

    private static List<String> statements(List<JsonNode> events) {
        return events.stream().map(e -> e.get("statement").asText()).collect(Collectors.toList());
    }

    /** Flyway by URL under block, the callback named by class as in flyway.conf: approved and attributed per migration. */
    private void flywayByUrlUnderBlock() throws Exception {
        Flyway.configure().dataSource(url("driftd.guard=block"), null, null)
                .locations("filesystem:" + flywayScripts())
                .callbacks("dev.driftd.proxy.tools.DriftdFlywayCallback")
                .connectRetries(0).load().migrate();
        List<JsonNode> events = sink.drain(1_000);
        assertThat(event(events, "CREATE TABLE items (id int primary key, name varchar(40))").get("application").asText())
                .isEqualTo("shop [flyway 1]");
        assertThat(event(events, "CREATE INDEX items_name ON items (name)").get("application").asText())
                .isEqualTo("shop [flyway 1]");
        assertThat(event(events, "ALTER TABLE items ADD COLUMN price int").get("application").asText())
                .isEqualTo("shop [flyway 2]");
        assertThat(events).allSatisfy(e -> assertThat(e.get("approved").asBoolean()).isTrue());
        assertThat(statements(events)).anyMatch(s -> s.contains("flyway_schema_history"));
        assertThat(server.count(db, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(2);
    }

    @Test
    void flywayByUrlUnderBlockPostgres() throws Exception {
        use(LocalServer.postgres(), "p22b_url_fw_pg");
        flywayByUrlUnderBlock();
    }

    @Test
    void flywayByUrlUnderBlockMariadb() throws Exception {
        use(LocalServer.mariadb(), "p22b_url_fw_my");
        flywayByUrlUnderBlock();
    }

    /** Without the callback, under warn: the URL still works; the migration's DDL runs unapproved and says so. */
    @Test
    void flywayByUrlUnderWarnWithoutCallbackPostgres() throws Exception {
        use(LocalServer.postgres(), "p22b_url_fw_warn");
        Flyway.configure().dataSource(url("driftd.guard=warn"), null, null)
                .locations("filesystem:" + flywayScripts()).connectRetries(0).load().migrate();
        List<JsonNode> events = sink.drain(1_000);
        JsonNode create = event(events, "CREATE TABLE items (id int primary key, name varchar(40))");
        assertThat(create.get("approved").asBoolean()).isFalse();
        assertThat(create.get("application").asText()).isEqualTo("shop");
        assertThat(create.get("guard").asText()).isEqualTo("warn");
        assertThat(server.count(db, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(2);
    }

    private void liquibaseByUrl(String guard) throws Exception {
        Files.writeString(dir.resolve("changelog.sql"), "--liquibase formatted sql\n\n"
                + "--changeset p22b:1\nCREATE TABLE items (id int primary key, name varchar(40));\n\n"
                + "--changeset p22b:2\nALTER TABLE items ADD COLUMN price int;\n");
        String url = url("driftd.guard=" + guard + "&driftd.approve=liquibase");
        Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(dir)), () ->
                new CommandScope("update").addArgumentValue("url", url)
                        .addArgumentValue("changelogFile", "changelog.sql").execute());
        List<JsonNode> events = sink.drain(1_000);
        assertThat(event(events, "CREATE TABLE items (id int primary key, name varchar(40))").get("application").asText())
                .isEqualTo("shop [liquibase]");
        assertThat(event(events, "ALTER TABLE items ADD COLUMN price int").get("approved").asBoolean()).isTrue();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("approved").asBoolean()).isTrue();
            assertThat(e.get("guard").asText()).isEqualTo(guard);
        });
        assertThat(server.count(db, "SELECT count(*) FROM DATABASECHANGELOG")).isEqualTo(2);
    }

    @Test
    void liquibaseByUrlUnderBlockPostgres() throws Exception {
        use(LocalServer.postgres(), "p22b_url_lb_pg");
        liquibaseByUrl("block");
    }

    @Test
    void liquibaseByUrlUnderBlockMariadb() throws Exception {
        use(LocalServer.mariadb(), "p22b_url_lb_my");
        liquibaseByUrl("block");
    }

    @Test
    void liquibaseByUrlUnderWarnMariadb() throws Exception {
        use(LocalServer.mariadb(), "p22b_url_lb_myw");
        liquibaseByUrl("warn");
    }
}
