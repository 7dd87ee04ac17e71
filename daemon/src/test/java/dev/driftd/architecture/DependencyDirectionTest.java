package dev.driftd.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point toward the neutral model (docs/architecture.md): each rule is a direction that must hold. */
class DependencyDirectionTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.driftd");
    }

    @Test
    void theModelKnowsNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.driftd.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftd.diff..", "dev.driftd.plan..",
                        "dev.driftd.dialect..", "dev.driftd.engine..", "dev.driftd.fleet..", "dev.driftd.cli..",
                        "java.sql..")
                .check(classes);
    }

    @Test
    void theDifferKnowsNoDialect() {
        noClasses().that().resideInAnyPackage("dev.driftd.diff..", "dev.driftd.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftd.dialect..", "dev.driftd.engine..",
                        "dev.driftd.fleet..", "dev.driftd.cli..", "java.sql..")
                .check(classes);
    }

    @Test
    void dialectsKnowNothingOfFleetsHttpOrScheduling() {
        noClasses().that().resideInAnyPackage("dev.driftd.dialect..", "dev.driftd.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftd.fleet..", "dev.driftd.sweep..",
                        "dev.driftd.store..", "dev.driftd.http..", "dev.driftd.metrics..", "dev.driftd.config..",
                        "dev.driftd.cli..", "org.quartz..", "io.netty..", "io.micrometer..")
                .check(classes);
    }

    @Test
    void dialectsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.driftd.dialect.postgres..")
                .should().dependOnClassesThat().resideInAPackage("dev.driftd.dialect.mysql..").check(classes);
        noClasses().that().resideInAPackage("dev.driftd.dialect.mysql..")
                .should().dependOnClassesThat().resideInAPackage("dev.driftd.dialect.postgres..").check(classes);
    }

    /**
     * The store keeps rows of the model (snapshots) and of the differ (severity counts) and knows
     * nothing that uses it: fleets map their member states to its rows, the daemon hands it a URL.
     * {@code engine.SqlErrors} and {@code dialect.DbTarget} (URL redaction) are tolerated only until
     * they move to {@code dev.driftd.util} (issue 17, part 3): then the two exceptions go.
     */
    @Test
    void theStoreDependsOnNothingAboveTheModel() {
        noClasses().that().resideInAPackage("dev.driftd.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftd.fleet..",
                                "dev.driftd.sweep..", "dev.driftd.config..", "dev.driftd.events..", "dev.driftd.http..",
                                "dev.driftd.daemon..", "dev.driftd.cluster..", "dev.driftd.reconcile..",
                                "dev.driftd.waiver..", "dev.driftd.cli..", "dev.driftd.demo..", "dev.driftd.metrics..",
                                "dev.driftd.policy..", "dev.driftd.selfcheck..", "dev.driftd.logging..",
                                "dev.driftd.plan..", "dev.driftd.sql..", "dev.driftd.engine..", "dev.driftd.dialect..")
                .check(classes);
    }
}
