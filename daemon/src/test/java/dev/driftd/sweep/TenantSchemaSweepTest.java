package dev.driftd.sweep;

import dev.driftd.testing.Stores;
import dev.driftd.config.GoldenConfig;
import dev.driftd.config.StoreConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.testing.ForwardingDialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.dialect.SchemaMarkers;
import dev.driftd.dialect.mysql.MysqlDialect;
import dev.driftd.dialect.postgres.PostgresDialect;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.Discovery;
import dev.driftd.fleet.GoldenResolver;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.RecordingEvents;
import dev.driftd.fleet.SweepResult;
import dev.driftd.fleet.TestFleets;
import dev.driftd.schema.Snapshot;
import dev.driftd.store.Store;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants that are schemas of one database: an unchanged sweep opens one connection for all of
 * them (their markers in one query) and reads none; one tenant's DDL re-reads that tenant only.
 * Counted where the daemon reads: the dialect's connections and catalog reads.
 */
class TenantSchemaSweepTest {
    @TempDir
    Path dir;

    private static final String TENANT = "CREATE TABLE items (id int PRIMARY KEY, name varchar(40));"
            + " CREATE INDEX items_name ON items (name);";

    @Test
    void oneQueryForAnUnchangedDatabaseAndOneTenantsDdlReadsThatTenantOnly() throws Exception {
        Counting pg = new Counting(new PostgresDialect());
        Engine engine = new Engine(List.of(pg, new MysqlDialect()));
        try (TestDatabase db = TestDatabases.postgres().createDatabase("w20_tenants");
             Store store = Stores.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("driftd"), null, null,
                     StoreConfig.DEFAULT_RETENTION))) {
            TestFleets fleet = TestFleets.fleet("tenants").golden(new GoldenConfig.Member("golden"));
            for (String schema : List.of("golden", "acme", "globex", "initech")) {
                db.execute("CREATE SCHEMA " + schema + "; SET search_path = " + schema + "; " + TENANT);
                fleet.member(schema, db.url(), schema);
            }
            Sweep sweep = new Sweep(engine, new Discovery(engine), new GoldenResolver(engine, store), store,
                    new RecordingEvents());
            FleetRunner runner = new FleetRunner(fleet.build(), sweep, store, engine, (f, s) -> {
            });

            SweepResult first = runner.runSweep();
            assertThat(first.inSync()).isEqualTo(4);
            assertThat(pg.reads.get()).as("every tenant read once").isEqualTo(4);

            pg.reset();
            db.execute("INSERT INTO acme.items VALUES (1, 'data is not schema')");
            SweepResult unchanged = runner.runSweep();
            assertThat(unchanged.reused()).isEqualTo(4);
            assertThat(pg.reads.get()).as("no tenant read").isZero();
            assertThat(pg.connections.get()).as("one connection for the whole database").isEqualTo(1);
            assertThat(pg.markerQueries.get()).isEqualTo(1);

            pg.reset();
            db.execute("ALTER TABLE globex.items ADD COLUMN note text");
            SweepResult oneChanged = runner.runSweep();
            assertThat(oneChanged.reused()).as("all but the changed tenant").isEqualTo(3);
            assertThat(pg.readSchemas).containsOnlyKeys("globex");
            assertThat(pg.connections.get()).as("the markers' and globex's").isEqualTo(2);
            assertThat(member(runner.status(), "globex").state()).isEqualTo(MemberState.DRIFTED);
            assertThat(member(runner.status(), "acme").state()).isEqualTo(MemberState.IN_SYNC);

            pg.reset();
            db.execute("ALTER TABLE globex.items DROP COLUMN note");
            runner.runSweep();
            assertThat(pg.readSchemas).containsOnlyKeys("globex");
            assertThat(member(runner.status(), "globex").state()).as("fixed by hand, seen at once")
                    .isEqualTo(MemberState.IN_SYNC);

            pg.reset();
            runner.runSweep();
            assertThat(pg.reads.get()).as("nothing changed since the fix").isZero();
        }
    }

    /** The real PostgreSQL dialect, counting what the daemon asks of it. */
    private static final class Counting extends ForwardingDialect {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger markerQueries = new AtomicInteger();
        final Map<String, Integer> readSchemas = new ConcurrentHashMap<>();

        Counting(Dialect real) {
            super(real);
        }

        void reset() {
            connections.set(0);
            reads.set(0);
            markerQueries.set(0);
            readSchemas.clear();
        }

        private void read(String schema) {
            reads.incrementAndGet();
            readSchemas.merge(String.valueOf(schema), 1, Integer::sum);
        }

        @Override
        public Connection connect(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
            connections.incrementAndGet();
            return real.connect(target, options, readOnly);
        }

        @Override
        public Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException {
            read(schema);
            return real.inspect(connection, schema, options);
        }

        @Override
        public MarkedSnapshot inspectMarked(Connection connection, String schema, InspectOptions options)
                throws SQLException {
            read(schema);
            return real.inspectMarked(connection, schema, options);
        }

        @Override
        public Optional<String> catalogMarker(Connection connection) throws SQLException {
            markerQueries.incrementAndGet();
            return real.catalogMarker(connection);
        }

        @Override
        public Optional<String> catalogMarker(Connection connection, String schema) throws SQLException {
            markerQueries.incrementAndGet();
            return real.catalogMarker(connection, schema);
        }

        @Override
        public Optional<SchemaMarkers> schemaMarkers(Connection connection, SchemaMarkers previous)
                throws SQLException {
            markerQueries.incrementAndGet();
            return real.schemaMarkers(connection, previous);
        }
    }
}
