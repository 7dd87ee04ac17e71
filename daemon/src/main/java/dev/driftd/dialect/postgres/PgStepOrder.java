package dev.driftd.dialect.postgres;

import dev.driftd.schema.ObjectKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Moves statements of a phase-ordered plan only as far as the server's dependency edges require:
 * a statement that creates an object runs after the statements that create what it depends on
 * (golden's edges), and a statement that drops an object runs after the drops of what depends on
 * it (the target's edges). The phases get the common case right; this fixes the cases where one
 * kind needs another kind of a later phase, such as a function returning {@code SETOF t}, created
 * in the function phase before the table phase creates {@code t}, or dropped after {@code t}.
 *
 * <p>A stable topological sort (Kahn's algorithm, lowest original position first): statements
 * without constraints keep their order, and one that must wait moves just past what it waits for.
 * A cycle, which the server's graph cannot hold but a mix of create and drop edges might, keeps
 * the whole plan in phase order and is reported: only statements that create or drop an object
 * are moved, so breaking a cycle by releasing one of them could land it after statements on its
 * own object.
 */
final class PgStepOrder {
    private PgStepOrder() {
    }

    /** What one statement does to one object, for ordering; null fields when it does neither. */
    record Subject(ObjectKey creates, ObjectKey drops) {
        static final Subject NONE = new Subject(null, null);
    }

    /**
     * @param steps         in phase order
     * @param subject       what each step creates or drops
     * @param goldenNeeds   what an object of golden depends on
     * @param targetNeeds   what an object of the target depends on
     * @param onCycle       told, in one line, when the edges form a cycle and the phase order is kept
     */
    static <T> List<T> order(List<T> steps, Function<T, Subject> subject,
                             Function<ObjectKey, Set<ObjectKey>> goldenNeeds,
                             Function<ObjectKey, Set<ObjectKey>> targetNeeds, Consumer<String> onCycle) {
        int n = steps.size();
        Map<ObjectKey, List<Integer>> creators = new HashMap<>();
        Map<ObjectKey, List<Integer>> droppers = new HashMap<>();
        Subject[] subjects = new Subject[n];
        for (int i = 0; i < n; i++) {
            Subject s = subject.apply(steps.get(i));
            subjects[i] = s == null ? Subject.NONE : s;
            if (subjects[i].creates() != null) {
                creators.computeIfAbsent(subjects[i].creates(), k -> new ArrayList<>()).add(i);
            }
            if (subjects[i].drops() != null) {
                droppers.computeIfAbsent(subjects[i].drops(), k -> new ArrayList<>()).add(i);
            }
        }
        if (creators.isEmpty() && droppers.isEmpty()) {
            return steps;
        }
        List<List<Integer>> after = new ArrayList<>(n); // after.get(i): steps that wait for step i
        int[] waitsFor = new int[n];
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            ObjectKey created = subjects[i].creates();
            if (created != null) {
                for (ObjectKey need : goldenNeeds.apply(created)) {
                    for (int j : creators.getOrDefault(need, List.of())) {
                        if (j != i) {
                            after.get(j).add(i);
                            waitsFor[i]++;
                        }
                    }
                }
            }
            ObjectKey dropped = subjects[i].drops();
            if (dropped != null) {
                // step i drops what `dropped` needs: those drops wait for this one
                for (ObjectKey need : targetNeeds.apply(dropped)) {
                    for (int j : droppers.getOrDefault(need, List.of())) {
                        if (j != i) {
                            after.get(i).add(j);
                            waitsFor[j]++;
                        }
                    }
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (waitsFor[i] == 0) {
                ready.add(i);
            }
        }
        List<T> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            done[i] = true;
            out.add(steps.get(i));
            for (int j : after.get(i)) {
                if (--waitsFor[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (out.size() < n) {
            // Releasing a waiting statement anywhere in the cycle could put it after statements on
            // its own object (a CREATE TABLE after its ALTER TABLE ... ADD CONSTRAINT): keep the
            // phase order, which never does that, and say which statements were in the cycle.
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < n && waiting.size() < 5; i++) {
                if (!done[i]) {
                    Subject s = subjects[i];
                    waiting.add((s.creates() != null ? "create " + s.creates().display() : s.drops() != null
                            ? "drop " + s.drops().display() : "statement " + (i + 1)));
                }
            }
            onCycle.accept("the server's dependency edges form a cycle among " + (n - out.size())
                    + " statements (" + String.join(", ", waiting) + (n - out.size() > waiting.size() ? ", ..." : "")
                    + "): kept in phase order");
            return steps;
        }
        return out;
    }
}
