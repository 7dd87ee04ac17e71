package dev.driftd.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.driftd.schema.Flavor;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point toward the neutral model (docs/architecture.md): each rule is a direction that must hold. */
class DependencyDirectionTest {
    private static final JavaClasses classes = ProductionClasses.get();

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

    /** A database kind is reached only through {@link dev.driftd.dialect.Dialect}: nothing else names one. */
    @Test
    void onlyDialectCodeNamesADialect() {
        noClasses().that().resideOutsideOfPackage("dev.driftd.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftd.dialect.postgres..",
                        "dev.driftd.dialect.mysql..")
                .check(classes);
    }

    /**
     * Behaviour that differs by database kind is asked of the dialect, never decided by testing a
     * snapshot's or plan's flavor: outside the dialects and the model, no class tells flavors apart.
     */
    @Test
    void onlyDialectCodeBranchesOnAFlavor() {
        noClasses().that().resideOutsideOfPackages("dev.driftd.dialect..", "dev.driftd.schema..")
                .should().callMethod(Flavor.class, "isMysqlFamily")
                .orShould().callMethod(Flavor.class, "ordinal")
                .orShould().accessField(Flavor.class, "POSTGRES")
                .orShould().accessField(Flavor.class, "MYSQL")
                .orShould().accessField(Flavor.class, "MARIADB")
                .check(classes);
    }
}
