package dev.driftd.selfcheck;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-check on the embedded PostgreSQL the demo runs on (zonky's default, 14.x): a second
 * major version next to the local 15, with its own build (ICU, contrib) and settings.
 */
class SelfCheckEmbeddedPostgresTest {
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyKindPassesOnTheEmbeddedServer() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            DbTarget server = DbTarget.of("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres");
            SelfCheck.Report report = new SelfCheck(new Engine(), server, InspectOptions.DEFAULT).run(r -> { });
            List<String> failed = report.results().stream().filter(r -> !r.passed())
                    .map(r -> r.kind() + ": " + r.reason()).toList();
            assertThat(failed).isEmpty();
            assertThat(report.serverVersion()).startsWith("14.");
            assertThat(report.results()).hasSize(KindCases.forDialect("postgres").size());
            assertThat(report.passed()).isTrue();
        }
    }
}
