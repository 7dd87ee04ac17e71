package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 22's promise as a team adopts it, end to end: real Flyway migrates a member through the JDBC
 * proxy under {@code driftd.guard=block}, approved once per connection by its afterConnect callback,
 * while the application reaches the server by another host name (and port) than the daemon's member
 * URL. The daemon matches the events by server identity, the member drifts within seconds, and the
 * attribution names the application and the tool.
 */
class MigrationToolIdentityE2ETest {
    static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path migrations;

    @Test
    void flywayUnderBlockOnPostgresIsMatchedByServerIdentity() throws Exception {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg.host().equals("127.0.0.1"), "the member must be known by its address: " + pg.host());
        String[] schema = {"CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2))"};
        run(pg, schema, "ALTER TABLE orders ADD COLUMN note text;", "pg");
    }

    @Test
    void flywayUnderBlockOnMariadbIsMatchedByServerIdentity() throws Exception {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        String[] schema = {"CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10,2))"};
        run(my, schema, "ALTER TABLE orders ADD COLUMN note TEXT;", "my");
    }

    private void run(TestServer server, String[] schema, String migration, String tag) throws Exception {
        assumeTrue(EventDaemon.PROXY_CLASSES != null, "proxy/target/classes not built (mvn -pl proxy compile)");
        Files.writeString(migrations.resolve("V1__add_note.sql"), migration + "\n");
        // Flyway drops a comment that stands alone, so the approval marker leads a statement
        Files.writeString(migrations.resolve("afterConnect.sql"), "/* driftd:allow-session flyway */ SELECT 1;\n");
        try (TestDatabase golden = server.createDatabase("mtid_" + tag + "_golden").execute(schema);
             TestDatabase t1 = server.createDatabase("mtid_" + tag + "_t1").execute(schema);
             TcpForwarder alias = new TcpForwarder(server.host(), server.port())) {
            String fleets = DaemonHarness.manualFleet("f", golden.url(), t1.url());
            try (EventDaemon d = new EventDaemon(fleets)) {
                d.sweep("f"); // learns the member's server identity
                assertThat(EventDaemon.member(d.getJson("/api/v1/fleets/f"), "t1").path("state").asText())
                        .isEqualTo("in_sync");
                String viaAlias = t1.url().replace("//" + server.host() + ":" + server.port() + "/",
                        "//localhost:" + alias.port() + "/");
                assertThat(viaAlias).as("the application's spelling differs from the daemon's")
                        .contains("//localhost:" + alias.port() + "/");

                MigrateResult result = Flyway.configure()
                        .dataSource(new ProxiedDataSource(d, viaAlias))
                        .locations("filesystem:" + migrations)
                        .baselineOnMigrate(true).baselineVersion("0") // an existing schema adopts Flyway
                        .connectRetries(0)
                        .load()
                        .migrate();
                assertThat(result.success).isTrue();
                assertThat(result.migrationsExecuted).isEqualTo(1);

                JsonNode fleet = d.await("/api/v1/fleets/f", SOON,
                        f -> EventDaemon.member(f, "t1").path("state").asText().equals("drifted"));
                assertThat(EventDaemon.member(fleet, "t1").path("lastDdl").path("application").asText())
                        .startsWith("billing [flyway");
                assertThat(d.metric("driftd_ddl_events_received_total{outcome=\"matched\",reason=\"server_identity\"}"))
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(d.metric("driftd_ddl_events_received_total{outcome=\"matched\",reason=\"host_port\"}"))
                        .isEqualTo(0.0);
                assertThat(d.metric("driftd_ddl_events_received_total{outcome=\"unmatched\",reason=\"unknown_server\"}"))
                        .isEqualTo(0.0);
            }
        }
    }

    /** Flyway's DataSource: every connection through the proxy driver, under guard=block. */
    private record ProxiedDataSource(EventDaemon daemon, String url) implements DataSource {
        @Override
        public Connection getConnection() throws java.sql.SQLException {
            try {
                return daemon.proxied(url, "billing", "block");
            } catch (java.sql.SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new java.sql.SQLException(e);
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws java.sql.SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
