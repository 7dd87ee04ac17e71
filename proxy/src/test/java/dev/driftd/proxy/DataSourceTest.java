package dev.driftd.proxy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The proxy behind HikariCP, in the three ways docs/proxy.md shows. */
class DataSourceTest {
    private TestServers.Server server;
    private String db;
    private DdlReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL: set DRIFTD_TEST_PG_URL or start one on 127.0.0.1:5432");
        db = server.createDatabase("proxy_ds");
        receiver = new DdlReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    private void ddlThrough(HikariDataSource pool, String table) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (a int)");
        }
    }

    @Test
    void hikariWithAJdbcDriftdUrl() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.proxied(db, "driftd.endpoint=" + receiver.endpoint() + "&driftd.application=pool"));
        config.setDriverClassName(DriftdDriver.class.getName());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ddlThrough(pool, "via_url");
        }
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e.text("statement")).isEqualTo("CREATE TABLE via_url (a int)");
        assertThat(e.text("application")).isEqualTo("pool");
    }

    @Test
    void hikariWithTheDataSourceClass() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(DriftdDataSource.class.getName());
        config.addDataSourceProperty("url", server.url(db)); // a plain URL is proxied too
        config.addDataSourceProperty("endpoint", receiver.endpoint());
        config.addDataSourceProperty("guard", "block");
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> ddlThrough(pool, "refused")).hasMessageContaining("driftd guard refused");
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("/* driftd:allow */ CREATE TABLE via_datasource (a int)");
            }
        }
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e.text("statement")).isEqualTo("/* driftd:allow */ CREATE TABLE via_datasource (a int)");
        assertThat(e.text("guard")).isEqualTo("block");
    }

    @Test
    void wrappingAnExistingPool() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url(db));
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DriftdDataSource proxied = DriftdDataSource.wrap(pool);
            proxied.setEndpoint(receiver.endpoint());
            try (Connection c = proxied.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE via_wrap (a int)");
            }
            assertThat(proxied.isWrapperFor(HikariDataSource.class)).isTrue();
            assertThat(proxied.unwrap(HikariDataSource.class)).isSameAs(pool);
        }
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e.text("statement")).isEqualTo("CREATE TABLE via_wrap (a int)");
        assertThat(e.text("database")).isEqualTo(db);
        assertThat(e.body().get("serverPort").asInt()).isEqualTo(5432); // read from the pool's connection URL
    }
}
