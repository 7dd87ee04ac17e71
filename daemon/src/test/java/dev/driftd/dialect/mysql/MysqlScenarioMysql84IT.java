package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.stream.Stream;

/**
 * The scenario suite on MySQL 8.4 proper (Testcontainers; skipped where no Docker engine answers,
 * as on the build machines, which have MariaDB only). Convergence is checked by fingerprint; the
 * mysqldump comparison needs a client of the server's own family and is left to the MariaDB run.
 */
@Testcontainers(disabledWithoutDocker = true)
class MysqlScenarioMysql84IT {
    @Container
    private static final MySQLContainer<?> MYSQL = new MySQLContainer<>("mysql:8.4").withUsername("root");

    private static ScenarioHarness harness;

    @BeforeAll
    static void harness() {
        harness = new ScenarioHarness(new ScenarioServer(MYSQL.getHost(), MYSQL.getFirstMappedPort(), "root",
                MYSQL.getPassword(), false, "mysql:8.4 container"));
    }

    @AfterAll
    static void dropGoldens() {
        if (harness != null) {
            harness.close();
        }
    }

    static Stream<Arguments> scenarios() {
        return DriftScenarios.forFlavor(Flavor.MYSQL).stream().map(s -> Arguments.of(Named.of(s.name(), s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesOnMysql84(DriftScenario scenario) {
        DriftScenarios.assertPlan(scenario, Flavor.MYSQL, harness.run(scenario, false));
    }
}
