package dev.driftd.selfcheck;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.mysql.MysqlDialect;
import dev.driftd.dialect.postgres.PostgresDialect;
import dev.driftd.engine.Engine;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL: with a CHECK normalizer that is not a fixpoint patched in, the self-check fails the
 * check constraint (naming the step and the differing object) and still passes its neighbours.
 */
class SelfCheckBrokenNormalizerTest {
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theBrokenKindFailsAndItsNeighboursPass() {
        Set<String> picked = Set.of("check constraint", "domain", "index");
        List<KindCase> cases = KindCases.forDialect("postgres").stream().filter(c -> picked.contains(c.kind())).toList();
        assertThat(cases).hasSize(3);
        Engine broken = new Engine(List.of(new BrokenCheckNormalizer(new PostgresDialect()), new MysqlDialect()));
        try (TestDatabase connectTo = TestDatabases.postgres().createDatabase("s16_sc")) {
            List<KindResult> seen = new ArrayList<>();
            SelfCheck.Report report = new SelfCheck(broken, connectTo.target(), InspectOptions.DEFAULT)
                    .run(cases, seen::add);
            assertThat(report.passed()).isFalse();
            assertThat(seen).isEqualTo(report.results());
            for (KindResult r : report.results()) {
                if (r.kind().equals("check constraint")) {
                    assertThat(r.passed()).isFalse();
                    assertThat(r.reason()).startsWith("create: did not converge")
                            .contains("check constraint").contains("sc_t_n_check");
                } else {
                    assertThat(r.passed()).as("%s: %s", r.kind(), r.reason()).isTrue();
                }
            }
        }
    }
}
