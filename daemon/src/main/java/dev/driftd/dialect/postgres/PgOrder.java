package dev.driftd.dialect.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Dependency order for objects that read each other (views over views, tables over parent
 * tables): a depth-first topological sort that keeps the input order among independent items, so
 * the same input always gives the same output. A cycle (only possible through a false positive
 * of name matching) is broken at the item seen first.
 */
final class PgOrder {
    private PgOrder() {
    }

    /**
     * Items ordered so that every item comes after those it depends on.
     *
     * @param items     in a deterministic order
     * @param dependsOn {@code dependsOn.test(a, b)} is true when {@code a} needs {@code b} first
     */
    static <T> List<T> dependenciesFirst(Collection<T> items, BiPredicate<T, T> dependsOn) {
        List<T> input = new ArrayList<>(items);
        Map<T, List<T>> edges = new LinkedHashMap<>();
        for (T a : input) {
            List<T> needs = new ArrayList<>();
            for (T b : input) {
                if (a != b && !a.equals(b) && dependsOn.test(a, b)) {
                    needs.add(b);
                }
            }
            edges.put(a, needs);
        }
        Set<T> done = new LinkedHashSet<>();
        Set<T> visiting = new LinkedHashSet<>();
        for (T item : input) {
            visit(item, edges, done, visiting);
        }
        return new ArrayList<>(done);
    }

    /** The reverse: every item before those it depends on (the order drops need). */
    static <T> List<T> dependentsFirst(Collection<T> items, BiPredicate<T, T> dependsOn) {
        List<T> out = dependenciesFirst(items, dependsOn);
        java.util.Collections.reverse(out);
        return out;
    }

    private static <T> void visit(T item, Map<T, List<T>> edges, Set<T> done, Set<T> visiting) {
        if (done.contains(item) || visiting.contains(item)) {
            return;
        }
        visiting.add(item);
        for (T dep : edges.getOrDefault(item, List.of())) {
            visit(dep, edges, done, visiting);
        }
        visiting.remove(item);
        done.add(item);
    }
}
