package dev.driftd.proxy;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Flyway and Liquibase (from Maven Central) migrating real PostgreSQL and MariaDB databases
 * through the proxy (DataSource mode and, for Liquibase, URL mode), under guard=block and warn:
 * the connection-level approval lets a whole run through and attributes it to the tool, the
 * tools' own history tables need no approval, and a refusal in the middle of a MariaDB migration
 * says what already ran.
 */
class MigrationToolsTest {
    @TempDir
    Path dir;
    private TestServers.Server server;
    private String db;
    private DdlReceiver receiver;

    @AfterEach
    void tearDown() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    private void use(TestServers.Server s, String prefix) throws Exception {
        server = s;
        assumeTrue(server != null, "no server for " + prefix);
        db = server.createDatabase(prefix);
        receiver = new DdlReceiver();
    }

    private DriftdDataSource dataSource(String guard) {
        DriftdDataSource ds = new DriftdDataSource();
        ds.setUrl(server.url(db));
        ds.setEndpoint(receiver.endpoint());
        ds.setGuard(guard);
        ds.setApplication("shop");
        return ds;
    }

    private Path scripts(String... versionAndSql) throws Exception {
        Path location = Files.createDirectories(dir.resolve("flyway"));
        for (int i = 0; i < versionAndSql.length; i += 2) {
            Files.writeString(location.resolve("V" + versionAndSql[i] + "__step.sql"), versionAndSql[i + 1]);
        }
        return location;
    }

    private static final String V1 = "CREATE TABLE items (id int primary key, name varchar(40));\n"
            + "CREATE INDEX items_name ON items (name);\n";
    private static final String V2 = "ALTER TABLE items ADD COLUMN price int;\n"
            + "CREATE VIEW priced AS SELECT id, price FROM items;\n";

    /**
     * Flyway parses initSql and callback scripts into statements and drops a comment that stands
     * alone, so the marker goes in front of a statement: as the afterConnect callback Flyway 13
     * recommends, or as the (deprecated) initSql.
     */
    private void migrateWithFlyway(String guard, boolean asCallback, Path location) throws Exception {
        String approval = "/* driftd:allow-session flyway */ SELECT 1";
        if (asCallback) {
            Files.writeString(location.resolve("afterConnect.sql"), approval + ";\n");
            Flyway.configure().dataSource(dataSource(guard)).locations("filesystem:" + location)
                    .connectRetries(0).load().migrate();
        } else {
            Flyway.configure().dataSource(dataSource(guard)).locations("filesystem:" + location)
                    .initSql(approval).connectRetries(0).load().migrate();
        }
    }

    private static List<String> statements(List<DdlReceiver.Received> events) {
        return events.stream().map(e -> e.text("statement")).collect(Collectors.toList());
    }

    private void flywayRunsApprovedUnderBlock(boolean asCallback) throws Exception {
        Path location = scripts("1", V1, "2", V2);
        migrateWithFlyway("block", asCallback, location);
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        List<String> texts = statements(events);
        assertThat(texts).anyMatch(t -> t.toLowerCase().contains("create table") && t.contains("flyway_schema_history"));
        assertThat(texts).contains("CREATE TABLE items (id int primary key, name varchar(40))",
                "CREATE INDEX items_name ON items (name)", "ALTER TABLE items ADD COLUMN price int",
                "CREATE VIEW priced AS SELECT id, price FROM items");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.body().get("approved").asBoolean()).as(e.text("statement")).isTrue();
            assertThat(e.text("guard")).isEqualTo("block");
        });
        // the migration's own statements carry the tool the session approval named
        assertThat(events).filteredOn(e -> e.text("statement").contains("items"))
                .allSatisfy(e -> assertThat(e.text("application")).isEqualTo("shop [flyway]"));
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(2);
    }

    @Test
    void flywayUnderBlockWithSessionApprovalPostgres() throws Exception {
        use(TestServers.postgres(), "p22b_fw_pg");
        flywayRunsApprovedUnderBlock(true);
    }

    @Test
    void flywayUnderBlockWithSessionApprovalMariadb() throws Exception {
        use(TestServers.mysql(), "p22b_fw_my");
        flywayRunsApprovedUnderBlock(false);
    }

    /**
     * Without the session approval, under block: Flyway's history table is created (recognised),
     * the first statement of V1 carries its own marker and runs, the second is refused. MariaDB has
     * committed the first already, so the error must say the migration is half-applied and name it.
     */
    @Test
    void refusalInTheMiddleOfAMariadbMigrationNamesWhatRan() throws Exception {
        use(TestServers.mysql(), "p22b_fw_half");
        Path location = scripts("1", "/* driftd:allow */ CREATE TABLE first_one (a int);\n"
                + "CREATE TABLE second_one (a int);\n");
        assertThatThrownBy(() -> Flyway.configure().dataSource(dataSource("block"))
                .locations("filesystem:" + location).connectRetries(0).load().migrate())
                .isInstanceOf(FlywayException.class)
                .satisfies(e -> assertThat(messages(e))
                        .contains("driftd guard refused DDL (driftd.guard=block): CREATE TABLE second_one (a int)")
                        .contains("already ran and committed")
                        .contains("half-applied")
                        .contains("CREATE TABLE first_one (a int)"));
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'first_one'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'second_one'")).isZero();
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        assertThat(events).filteredOn(e -> e.text("statement").contains("flyway_schema_history"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.body().get("approved").asBoolean()).isTrue());
    }

    /** Under warn without approval: everything runs; only the history table's DDL counts as approved. */
    @Test
    void flywayUnderWarnWithoutApprovalPostgres() throws Exception {
        use(TestServers.postgres(), "p22b_fw_warn");
        Path location = scripts("1", V1);
        Flyway.configure().dataSource(dataSource("warn")).locations("filesystem:" + location)
                .connectRetries(0).load().migrate();
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        assertThat(events).filteredOn(e -> e.text("statement").contains("flyway_schema_history")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.body().get("approved").asBoolean()).isTrue());
        assertThat(events).filteredOn(e -> e.text("statement").contains(" items")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.body().get("approved").asBoolean()).isFalse();
                    assertThat(e.text("application")).isEqualTo("shop");
                });
    }

    private String changelog() throws Exception {
        Path file = dir.resolve("changelog.sql");
        Files.writeString(file, "--liquibase formatted sql\n\n"
                + "--changeset p22b:1\nCREATE TABLE items (id int primary key, name varchar(40));\n\n"
                + "--changeset p22b:2\nALTER TABLE items ADD COLUMN price int;\n");
        return "changelog.sql";
    }

    private void liquibaseUpdate(Connection c) throws Exception {
        String changelog = changelog();
        try (Liquibase lb = new Liquibase(changelog, new DirectoryResourceAccessor(dir),
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)))) {
            lb.update("");
        }
    }

    private void liquibaseApprovedByUrlUnderBlock() throws Exception {
        try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + receiver.endpoint()
                + "&driftd.guard=block&driftd.application=shop&driftd.approve=liquibase"))) {
            liquibaseUpdate(c);
        }
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        List<String> texts = statements(events);
        assertThat(texts).anyMatch(t -> t.toLowerCase().contains("databasechangeloglock"));
        assertThat(texts).anyMatch(t -> t.toLowerCase().contains("create table") && t.toLowerCase().contains("databasechangelog "));
        assertThat(texts).contains("CREATE TABLE items (id int primary key, name varchar(40))",
                "ALTER TABLE items ADD COLUMN price int");
        assertThat(events).allSatisfy(e -> assertThat(e.body().get("approved").asBoolean()).isTrue());
        assertThat(events).filteredOn(e -> e.text("statement").contains("items"))
                .allSatisfy(e -> assertThat(e.text("application")).isEqualTo("shop [liquibase]"));
        assertThat(count("SELECT count(*) FROM DATABASECHANGELOG")).isEqualTo(2);
    }

    @Test
    void liquibaseApprovedByUrlSettingUnderBlockPostgres() throws Exception {
        use(TestServers.postgres(), "p22b_lb_pg");
        liquibaseApprovedByUrlSettingUnderBlock();
    }

    private void liquibaseApprovedByUrlSettingUnderBlock() throws Exception {
        liquibaseApprovedByUrlUnderBlock();
    }

    @Test
    void liquibaseApprovedByUrlSettingUnderBlockMariadb() throws Exception {
        use(TestServers.mysql(), "p22b_lb_my");
        liquibaseApprovedByUrlSettingUnderBlock();
    }

    /** Liquibase without approval under block: its own tables are created, the first changeset is refused. */
    @Test
    void liquibaseWithoutApprovalUnderBlockKeepsItsTablesButNotTheChange() throws Exception {
        use(TestServers.postgres(), "p22b_lb_block");
        try (Connection c = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + receiver.endpoint()
                + "&driftd.guard=block"))) {
            assertThatThrownBy(() -> liquibaseUpdate(c))
                    .satisfies(e -> assertThat(messages(e)).contains("driftd guard refused DDL (driftd.guard=block): "
                            + "CREATE TABLE items"));
        }
        assertThat(count("SELECT count(*) FROM DATABASECHANGELOGLOCK")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'items'")).isZero();
    }

    /** Liquibase in DataSource mode under warn, approved by the session marker a tool can run first. */
    @Test
    void liquibaseDataSourceUnderWarnApprovedByMarkerMariadb() throws Exception {
        use(TestServers.mysql(), "p22b_lb_warn");
        try (Connection c = dataSource("warn").getConnection(); Statement s = c.createStatement()) {
            assertThat(s.execute("/* driftd:allow-session liquibase */")).isFalse(); // taken by the proxy, not sent
            assertThat(c.getClientInfo("driftd.approve")).isEqualTo("liquibase");
            liquibaseUpdate(c);
        }
        List<DdlReceiver.Received> events = receiver.drain(1_000);
        assertThat(statements(events)).contains("CREATE TABLE items (id int primary key, name varchar(40))",
                "ALTER TABLE items ADD COLUMN price int");
        assertThat(events).allSatisfy(e -> assertThat(e.body().get("approved").asBoolean()).isTrue());
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" / ");
        }
        return b.toString();
    }

    private long count(String sql) throws SQLException {
        try (Connection raw = DriverManager.getConnection(server.url(db)); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
