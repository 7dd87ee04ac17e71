package dev.driftd.dialect;

import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every member connection checks it reached the database its URL names, before anything is read or written. */
class ConnectionIdentityTest {
    private static final InspectOptions OPTIONS = new InspectOptions(Duration.ofSeconds(20));

    @Test
    void aPostgresUrlParameterThatRedirectsTheSessionIsRefused() {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase named = pg.createDatabase("h_urls_named").execute("CREATE TABLE mine (id INT)");
             TestDatabase other = pg.createDatabase("h_urls_other").execute("CREATE TABLE theirs (id INT)")) {
            // the path names one database, a driver parameter another: pgjdbc would follow the parameter
            DbTarget redirected = DbTarget.of(named.url() + "&PGDBNAME=" + other.name());
            Engine engine = new Engine();
            assertThatThrownBy(() -> engine.snapshot(redirected, OPTIONS))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("reached database '" + other.name() + "', not '" + named.name() + "'");
            assertThatThrownBy(() -> engine.apply(redirected, new dev.driftd.plan.Plan(null, null, null, true,
                    java.util.List.of(), java.util.List.of(), java.util.List.of()), true, OPTIONS))
                    .hasMessageContaining("reached database '" + other.name() + "'");
            assertThat(engine.snapshot(named.target(), OPTIONS).getScope().database()).isEqualTo(named.name());
        }
    }

    @Test
    void theMysqlIdentityQueryNamesTheSessionsDatabase() throws SQLException {
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        try (TestDatabase db = my.createDatabaseNamed("h_urls_t%31");
             TestDatabase lookalike = my.createDatabaseNamed("h_urls_t1")) {
            JdbcFamily family = JdbcFamily.of(db.url());
            try (Connection c = new Engine().dialectFor(db.url()).connect(db.target(), OPTIONS, true)) {
                family.checkReached(c, db.name());
                assertThatThrownBy(() -> family.checkReached(c, lookalike.name()))
                        .hasMessageContaining("reached database 'h_urls_t%31', not 'h_urls_t1'");
            }
        }
    }
}
