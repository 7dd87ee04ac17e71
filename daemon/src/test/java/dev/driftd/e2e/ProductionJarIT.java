package dev.driftd.e2e;

import dev.driftd.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded {@code target/driftd.jar} carries what production runs and not the demo: no
 * embedded-PostgreSQL library, no PostgreSQL binary archive (both are in the demo module's
 * driftd-demo.jar), and {@code driftd demo} says where the demo went. A failsafe test: it needs the
 * package phase.
 */
class ProductionJarIT {
    @Test
    void theJarCarriesNoEmbeddedPostgres() throws Exception {
        assertThat(CliProcessIT.JAR).as("the shaded jar (mvn package) must exist for this test").exists();
        try (ZipFile jar = new ZipFile(CliProcessIT.JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            // the jar is the daemon's: a broken shade (an empty jar) would pass the checks below
            assertThat(names).contains("dev/driftd/cli/Main.class", "org/postgresql/Driver.class");
            assertThat(names).noneMatch(n -> n.startsWith("io/zonky/")).noneMatch(n -> n.endsWith(".txz"))
                    .noneMatch(n -> n.startsWith("dev/driftd/demo/"));
        }
    }

    @Test
    void demoAnswersWithOneLineAndExitTwo() throws Exception {
        Path dir = Files.createTempDirectory("driftd-jar-");
        try {
            CliProcessIT.Run r = CliProcessIT.driftd(dir, null, "demo");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).singleElement().asString()
                    .isEqualTo("driftd: the demo is not in the production jar: from a source checkout run "
                            + "'mvn -q package -DskipTests && java -jar demo/target/driftd-demo.jar'");
        } finally {
            TempDirs.delete(dir);
        }
    }
}
