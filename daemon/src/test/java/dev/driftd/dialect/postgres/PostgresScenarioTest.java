package dev.driftd.dialect.postgres;

import dev.driftd.testing.ScenarioFolders;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL drift scenarios, one folder each under scenarios/postgres (every object kind added,
 * removed and changed, dependency chains, multi-schema and schema-per-tenant scopes; the layout is in
 * docs/conformance.md): each must report exactly its expected changes, plan exactly its
 * expected-plan.sql, converge (target fingerprint == golden's after applying the plan) and pass the
 * independent pg_dump comparison. {@code -Dupdate} rewrites the expected plans instead.
 */
class PostgresScenarioTest {
    /**
     * The major version expected-plan.sql is recorded on: the project's test server. Another major
     * (the pg-matrix check) compares with expected-plan.pgN.sql where a folder has one, since the
     * server's deparsing and some routes differ by version; convergence is checked on every version.
     */
    static final int RECORDED_MAJOR = 15;
    /** At least as many scenarios as the suite had when they moved out of Java into folders. */
    private static final int AT_LEAST = 124;
    /** The shop most scenarios start from, for tests that build a scenario in Java. */
    static final String SHOP = PgScenarioFiles.shared("shop.sql");

    private static final PgScenarioHarness HARNESS = new PgScenarioHarness();
    private static final int THREADS = 4;
    private static final Map<String, CompletableFuture<Void>> RUNS = new ConcurrentHashMap<>();
    private static ExecutorService pool;

    static List<PgScenario> scenarios() {
        return PgScenarioFiles.all();
    }

    /**
     * Scenarios spend their time waiting on the server (CREATE DATABASE, pg_dump), so they are all
     * started on a small pool up front; each parameterized case then reports its own outcome.
     */
    @BeforeAll
    static void startAll() {
        pool = Executors.newFixedThreadPool(THREADS);
        scenarios().forEach(s -> RUNS.put(s.name, CompletableFuture.runAsync(() -> runAndComparePlan(s), pool)));
    }

    @AfterAll
    static void stopAll() {
        pool.shutdownNow();
    }

    private static void runAndComparePlan(PgScenario s) {
        String script = HARNESS.run(s, true).script();
        int major = PgFixtureSql.major(TestDatabases.postgres());
        String file = major == RECORDED_MAJOR ? "expected-plan.sql" : "expected-plan.pg" + major + ".sql";
        if (major == RECORDED_MAJOR || ScenarioFolders.UPDATE || Files.exists(s.folder.resolve(file))) {
            ScenarioFolders.assertPlan(s.folder, file, script);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesAndDumpsEqual(PgScenario scenario) throws Throwable {
        try {
            RUNS.get(scenario.name).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Test
    void everyScenarioFolderIsFoundAndComplete() {
        List<PgScenario> all = scenarios();
        System.out.println("PostgreSQL scenarios: " + all.size() + " in " + ScenarioFolders.root(PgScenarioFiles.DIALECT));
        assertThat(all).hasSizeGreaterThanOrEqualTo(AT_LEAST);
        for (PgScenario s : all) {
            assertThat(s.expected).as("expected-diff.txt of %s (an in-sync scenario proves nothing here)", s.name)
                    .isNotEmpty();
            assertThat(s.golden.size() + s.drift.size()).as("golden.sql and target.sql of %s", s.name).isPositive();
        }
    }
}
