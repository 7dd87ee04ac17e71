package dev.driftd.dialect.postgres;

import dev.driftd.diff.Change;
import dev.driftd.diff.Differ;
import dev.driftd.schema.Column;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rebuild-set decision on hand-built snapshots: what is dropped and re-created, closed over dependents. */
class PgRebuildSetTest {
    private static Snapshot snapshot(SchemaObject... objects) {
        return new Snapshot(Flavor.POSTGRES, "15.4", Scope.database("db", List.of("app")), List.of(objects), Set.of());
    }

    private static PgRebuildSet decide(Snapshot golden, Snapshot target, Set<ObjectKey> recreateEnums) {
        Map<ObjectKey, Change> changes = new TreeMap<>();
        for (Change c : Differ.compare(golden, target).changes()) {
            if (c.drift()) {
                changes.put(c.key(), c);
            }
        }
        return PgRebuildSet.decide(golden, target, changes, 15, recreateEnums);
    }

    private static View view(String name, String definition) {
        return new View("app", name, false, definition, List.of("n"), Map.of(), null, null);
    }

    @Test
    void aViewOverARetypedColumnAndTheViewsOverItAreDroppedAndCreatedAgain() {
        View v1 = view("v1", "SELECT t.n FROM app.t");
        View v2 = view("v2", "SELECT v1.n FROM app.v1");
        View unrelated = view("other", "SELECT 1 AS n");
        Snapshot golden = snapshot(Table.plain("app", "t"), Column.of("app", "t", "n", 1, "bigint"), v1, v2, unrelated);
        Snapshot target = snapshot(Table.plain("app", "t"), Column.of("app", "t", "n", 1, "integer"), v1, v2, unrelated);

        PgRebuildSet set = decide(golden, target, Set.of());

        assertThat(set.blockedColumns()).containsExactly(ObjectKey.part(ObjectKind.COLUMN, "app", "t", "n"));
        assertThat(set.drop()).containsExactlyInAnyOrder(v1.key(), v2.key());
        assertThat(set.create()).contains(v1.key(), v2.key()).doesNotContain(unrelated.key());
        assertThat(set.rebuildReason().get(v1.key())).isEqualTo("re-created around the change of column app.t.n");
        assertThat(set.rebuildReason().get(v2.key())).contains("reads view app.v1, which is dropped");
        assertThat(set.recreateTables()).isEmpty();
    }

    @Test
    void anEnumThatLosesALabelIsRecreatedAndItsColumnsConvertedThroughText() {
        EnumType before = new EnumType("app", "mood", List.of("sad", "ok", "happy"), null);
        EnumType after = new EnumType("app", "mood", List.of("sad", "happy"), null);
        Column c = Column.of("app", "t", "m", 1, "mood");
        PgRebuildSet set = decide(snapshot(Table.plain("app", "t"), c, after), snapshot(Table.plain("app", "t"), c, before),
                Set.of());

        assertThat(set.recreateEnums()).containsExactly(after.key());
        assertThat(set.enumColumns()).containsExactly(c.key());
        assertThat(set.blockedColumns()).containsExactly(c.key());
        assertThat(set.addedLabels()).isEmpty();
    }

    @Test
    void anEnumThatOnlyGainsLabelsGrowsInPlaceUnlessAskedToBeRecreated() {
        EnumType before = new EnumType("app", "mood", List.of("sad", "happy"), null);
        EnumType after = new EnumType("app", "mood", List.of("sad", "ok", "happy"), null);
        Snapshot golden = snapshot(after);
        Snapshot target = snapshot(before);

        assertThat(decide(golden, target, Set.of()).addedLabels()).containsEntry(after.key(), List.of("ok"));
        PgRebuildSet forced = decide(golden, target, Set.of(after.key()));
        assertThat(forced.addedLabels()).isEmpty();
        assertThat(forced.recreateEnums()).containsExactly(after.key());
    }

    @Test
    void theDecisionCannotBeChangedAfterwards() {
        View v1 = view("v1", "SELECT t.n FROM app.t");
        PgRebuildSet set = decide(snapshot(v1), snapshot(), Set.of());
        assertThat(set.create()).contains(v1.key());
        assertThatThrownBy(() -> set.create().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.drop().add(v1.key())).isInstanceOf(UnsupportedOperationException.class);
    }
}
