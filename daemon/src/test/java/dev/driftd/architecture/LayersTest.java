package dev.driftd.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The daemon's packages form the layers drawn in docs/architecture.md (and summed up in the
 * README's "Architecture" section): each layer uses only the layers below it, and no two
 * packages depend on each other, whether directly or around a longer loop. A change that needs
 * an arrow upward belongs in a lower package, or behind an interface the lower one owns.
 */
class LayersTest {
    private static final String MODEL = "Model";
    private static final String UTIL = "Utilities";
    private static final String DIFF = "Diff and policy";
    private static final String DIALECT = "Dialects";
    private static final String ENGINE = "Engine";
    private static final String STORE = "Store";
    private static final String CONFIG = "Configuration";
    private static final String SERVICES = "Services";
    private static final String METRICS = "Metrics";
    private static final String HTTP = "HTTP";
    private static final String DAEMON = "Daemon assembly";
    private static final String ENTRY = "Entry points";

    /** Every layer's packages, bottom up; the diagram in docs/architecture.md lists the same. */
    private static final String[][] LAYERS = {
            {MODEL, "dev.driftd.schema.."},
            {UTIL, "dev.driftd.util..", "dev.driftd.logging.."},
            {DIFF, "dev.driftd.diff..", "dev.driftd.plan..", "dev.driftd.policy..", "dev.driftd.waiver.."},
            {DIALECT, "dev.driftd.dialect..", "dev.driftd.sql.."},
            {ENGINE, "dev.driftd.engine..", "dev.driftd.selfcheck.."},
            {STORE, "dev.driftd.store.."},
            {CONFIG, "dev.driftd.config.."},
            {SERVICES, "dev.driftd.fleet..", "dev.driftd.sweep..", "dev.driftd.reconcile..", "dev.driftd.events..",
                    "dev.driftd.cluster.."},
            {METRICS, "dev.driftd.metrics.."},
            {HTTP, "dev.driftd.http.."},
            {DAEMON, "dev.driftd.daemon.."},
            {ENTRY, "dev.driftd.cli..", "dev.driftd.demo.."},
    };

    private static final JavaClasses classes = ProductionClasses.get();

    @Test
    void noPackageCycles() {
        slices().matching("dev.driftd.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            layers = layers.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        layers = layers
                .whereLayer(MODEL).mayNotAccessAnyLayer()
                .whereLayer(UTIL).mayNotAccessAnyLayer()
                .whereLayer(DIFF).mayOnlyAccessLayers(MODEL, UTIL)
                .whereLayer(DIALECT).mayOnlyAccessLayers(MODEL, UTIL, DIFF)
                .whereLayer(ENGINE).mayOnlyAccessLayers(MODEL, UTIL, DIFF, DIALECT)
                // the store keeps rows of the model; it knows no fleet, configuration or dialect
                .whereLayer(STORE).mayOnlyAccessLayers(MODEL, UTIL, DIFF)
                // configuration values name where databases are (DbTarget, JdbcUrl), never how to read them;
                // the store below may own the settings it is opened with
                .whereLayer(CONFIG).mayOnlyAccessLayers(MODEL, UTIL, DIFF, DIALECT, STORE)
                .whereLayer(SERVICES).mayOnlyAccessLayers(MODEL, UTIL, DIFF, DIALECT, ENGINE, STORE, CONFIG)
                .whereLayer(METRICS).mayOnlyAccessLayers(MODEL, UTIL, DIFF, DIALECT, ENGINE, STORE, CONFIG, SERVICES)
                .whereLayer(HTTP).mayOnlyAccessLayers(MODEL, UTIL, DIFF, DIALECT, ENGINE, STORE, CONFIG, SERVICES,
                        METRICS)
                .whereLayer(DAEMON).mayOnlyAccessLayers(MODEL, UTIL, DIFF, DIALECT, ENGINE, STORE, CONFIG, SERVICES,
                        METRICS, HTTP);
        layers.check(classes);
    }

    /** A new package must be placed in a layer (here and in docs/architecture.md), or the rule above misses it. */
    @Test
    void everyPackageIsInALayer() {
        String[] all = Arrays.stream(LAYERS).flatMap(l -> Stream.of(l).skip(1)).toArray(String[]::new);
        classes().should().resideInAnyPackage(all).check(classes);
    }
}
