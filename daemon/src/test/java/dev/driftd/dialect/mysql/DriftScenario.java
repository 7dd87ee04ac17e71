package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One drift scenario: SQL both databases get (the base schema), SQL only golden gets (what the
 * target then lacks), SQL only the target gets (its drift), the changes the differ must report
 * ({@code "missing column t.c"}), text the plan must contain, and the flavors it runs on.
 */
final class DriftScenario {
    final String name;
    final List<String> base = new ArrayList<>();
    final List<String> goldenOnly = new ArrayList<>();
    final List<String> targetOnly = new ArrayList<>();
    final List<String> expectedChanges = new ArrayList<>();
    final List<String> planContains = new ArrayList<>();
    final List<String> planLacks = new ArrayList<>();
    final Set<Flavor> flavors = EnumSet.of(Flavor.MARIADB, Flavor.MYSQL);
    boolean expectDestructive;

    private DriftScenario(String name, List<String> base) {
        this.name = name;
        this.base.addAll(base);
    }

    static DriftScenario of(String name) {
        return new DriftScenario(name, ScenarioSchemas.SHOP);
    }

    static DriftScenario bare(String name) {
        return new DriftScenario(name, List.of());
    }

    DriftScenario base(String... sql) {
        base.addAll(Arrays.asList(sql));
        return this;
    }

    DriftScenario golden(String... sql) {
        goldenOnly.addAll(Arrays.asList(sql));
        return this;
    }

    DriftScenario target(String... sql) {
        targetOnly.addAll(Arrays.asList(sql));
        return this;
    }

    DriftScenario expect(String... changes) {
        expectedChanges.addAll(Arrays.asList(changes));
        return this;
    }

    DriftScenario planContains(String... fragments) {
        planContains.addAll(Arrays.asList(fragments));
        return this;
    }

    DriftScenario planLacks(String... fragments) {
        planLacks.addAll(Arrays.asList(fragments));
        return this;
    }

    DriftScenario destructive() {
        expectDestructive = true;
        return this;
    }

    DriftScenario only(Flavor flavor) {
        flavors.retainAll(Set.of(flavor));
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
