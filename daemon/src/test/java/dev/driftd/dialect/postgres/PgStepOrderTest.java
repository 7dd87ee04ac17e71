package dev.driftd.dialect.postgres;

import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordering rule alone, over plain statement texts: a statement moves only after what it
 * waits for, and a cycle among the edges keeps the phase order, reported, rather than releasing
 * a CREATE after the statements on its own object.
 */
class PgStepOrderTest {
    private static final ObjectKey A = ObjectKey.of(ObjectKind.TABLE, "public", "a");
    private static final ObjectKey B = ObjectKey.of(ObjectKind.TABLE, "public", "b");
    private static final ObjectKey F = ObjectKey.of(ObjectKind.FUNCTION, "public", "f()");

    private static final Map<String, PgStepOrder.Subject> SUBJECTS = Map.of(
            "CREATE FUNCTION f", new PgStepOrder.Subject(F, null),
            "CREATE TABLE a", new PgStepOrder.Subject(A, null),
            "CREATE TABLE b", new PgStepOrder.Subject(B, null));

    @Test
    void aCreateMovesJustPastWhatItNeeds() {
        List<String> warnings = new ArrayList<>();
        List<String> out = PgStepOrder.order(List.of("CREATE FUNCTION f", "CREATE TABLE a", "CREATE TABLE b",
                        "ALTER TABLE b ADD PRIMARY KEY"), SUBJECTS::get,
                key -> key.equals(F) ? Set.of(B) : Set.of(), key -> Set.of(), warnings::add);
        assertThat(out).containsExactly("CREATE TABLE a", "CREATE TABLE b", "CREATE FUNCTION f",
                "ALTER TABLE b ADD PRIMARY KEY");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCycleKeepsThePhaseOrderAndSaysSo() {
        List<String> steps = List.of("CREATE TABLE a", "CREATE TABLE b", "ALTER TABLE a ADD PRIMARY KEY",
                "ALTER TABLE b ADD PRIMARY KEY");
        List<String> warnings = new ArrayList<>();
        List<String> out = PgStepOrder.order(steps, SUBJECTS::get,
                key -> key.equals(A) ? Set.of(B) : key.equals(B) ? Set.of(A) : Set.of(), key -> Set.of(), warnings::add);
        assertThat(out).containsExactlyElementsOf(steps);
        assertThat(warnings).singleElement().asString()
                .contains("form a cycle among 2 statements").contains("create table public.a").contains("kept in phase order");
    }
}
