package dev.driftd.dialect;

import dev.driftd.testing.RequiredServers;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The discovery and scratch abilities each dialect brings, on the real servers: what a listing
 * shows (and never shows), and that scratch databases and schemas come and go as asked.
 */
class DialectAbilitiesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void postgresScratchDatabasesAreListedUntilDropped() throws SQLException {
        TestServer pg = TestDatabases.postgres();
        RequiredServers.assumeAvailable(pg != null, "no PostgreSQL server");
        scratchDatabasesAreListedUntilDropped(pg, "template0", "template1");
    }

    @Test
    void mysqlFamilyScratchDatabasesAreListedUntilDropped() throws SQLException {
        TestServer my = TestDatabases.mysql();
        RequiredServers.assumeAvailable(my != null, "no MySQL-family server");
        scratchDatabasesAreListedUntilDropped(my, "mysql", "information_schema", "performance_schema", "sys");
    }

    private void scratchDatabasesAreListedUntilDropped(TestServer server, String... system) throws SQLException {
        String name = "driftd_ability_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase home = server.createDatabase("ability_home")) {
            Dialect dialect = Dialects.standard().forUrl(home.url()).orElseThrow();
            try (Connection admin = dialect.connect(home.target(), InspectOptions.DEFAULT, false)) {
                admin.setAutoCommit(true);
                DatabaseListing listing = dialect.databaseListing();
                dialect.scratchSpace().createDatabase(admin, name);
                try {
                    assertThat(listing.databases(admin, TIMEOUT)).contains(name, home.name()).doesNotContain(system);
                } finally {
                    dialect.scratchSpace().dropDatabase(admin, name);
                }
                assertThat(listing.databases(admin, TIMEOUT)).doesNotContain(name).contains(home.name());
                // dropping what is already gone is not an error: a cleanup may run twice
                dialect.scratchSpace().dropDatabase(admin, name);
            }
        }
    }

    @Test
    void postgresScratchSchemaHoldsTheScriptsObjectsUntilDropped() throws SQLException {
        TestServer pg = TestDatabases.postgres();
        RequiredServers.assumeAvailable(pg != null, "no PostgreSQL server");
        String schema = "Scratch " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase db = pg.createDatabase("ability_schema")) {
            Dialect dialect = Dialects.standard().forUrl(db.url()).orElseThrow();
            ScratchSpace space = dialect.scratchSpace();
            try (Connection admin = dialect.connect(db.target(), InspectOptions.DEFAULT, false);
                 Statement st = admin.createStatement()) {
                admin.setAutoCommit(true);
                space.createSchema(admin, schema);
                space.enterSchema(admin, schema);
                st.execute("CREATE TABLE items (id int)");
                try (ResultSet rs = st.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = 'items'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(schema);
                }
                assertThat(dialect.databaseListing().schemas(admin, TIMEOUT)).contains(schema, "public")
                        .doesNotContain("pg_catalog", "information_schema", "pg_toast");
                space.dropSchema(admin, schema);
                assertThat(dialect.databaseListing().schemas(admin, TIMEOUT)).doesNotContain(schema);
                try (ResultSet rs = st.executeQuery("SHOW search_path")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).doesNotContain("Scratch");
                }
            }
        }
    }

    @Test
    void mysqlFamilyHasNoScratchSchemasAndListsDatabasesAsSchemas() throws SQLException {
        TestServer my = TestDatabases.mysql();
        RequiredServers.assumeAvailable(my != null, "no MySQL-family server");
        try (TestDatabase db = my.createDatabase("ability_schema")) {
            Dialect dialect = Dialects.standard().forUrl(db.url()).orElseThrow();
            try (Connection admin = dialect.connect(db.target(), InspectOptions.DEFAULT, false)) {
                assertThatThrownBy(() -> dialect.scratchSpace().createSchema(admin, "x"))
                        .isInstanceOf(SQLFeatureNotSupportedException.class);
                // a schema is a database here (the server is shared, so its list is not compared whole)
                assertThat(dialect.databaseListing().schemas(admin, TIMEOUT)).contains(db.name())
                        .doesNotContain("mysql", "information_schema", "performance_schema", "sys");
            }
        }
    }
}
