package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One drift scenario, read from its folder by {@link DriftScenarios}: the statements golden is built
 * from, the statements the target is built from (its drift included), the changes the differ must
 * report ({@code "missing column t.c"}), text the plan must or must not contain on every server, whether
 * the plan must be destructive, the flavors it runs on, and whether its script is also run through
 * the mysql client (DELIMITER blocks and all) as a person would.
 */
record DriftScenario(String name, Path folder, List<String> golden, List<String> target, List<String> expectedChanges,
                     List<String> planContains, List<String> planLacks, boolean expectDestructive, Set<Flavor> flavors,
                     boolean throughClientToo) {
    /** A scenario built in Java by a test with a schema of its own: both flavors, no plan fragments, no folder. */
    static DriftScenario inJava(String name, List<String> golden, List<String> target, boolean destructive,
                                String... changes) {
        return new DriftScenario(name, null, golden, target, List.of(changes), List.of(), List.of(), destructive,
                EnumSet.allOf(Flavor.class), false);
    }

    @Override
    public String toString() {
        return name;
    }
}
