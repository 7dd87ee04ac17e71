package dev.driftd.diff;

import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Scope;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DifferTest {
    private static Snapshot snapshot(Flavor flavor, SchemaObject... objects) {
        return new Snapshot(flavor, "test", Scope.database("db", List.of("public")), List.of(objects), Set.of());
    }

    private static List<SchemaObject> table(String name, String... columns) {
        List<SchemaObject> out = new ArrayList<>();
        out.add(Table.plain("public", name));
        for (int i = 0; i < columns.length; i++) {
            out.add(Column.of("public", name, columns[i], i + 1, "integer"));
        }
        return out;
    }

    @Test
    void equalSchemasGiveNoChangesAndEqualFingerprints() {
        Snapshot a = snapshot(Flavor.POSTGRES, table("t", "a", "b").toArray(SchemaObject[]::new));
        Snapshot b = snapshot(Flavor.POSTGRES, table("t", "a", "b").toArray(SchemaObject[]::new));
        Diff diff = Differ.compare(a, b);
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.inSync()).isTrue();
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
    }

    @Test
    void missingTableIsOneBreakingChangeWithoutItsColumns() {
        Snapshot golden = snapshot(Flavor.POSTGRES, table("t", "a", "b").toArray(SchemaObject[]::new));
        Snapshot target = snapshot(Flavor.POSTGRES);
        Diff diff = Differ.compare(golden, target);
        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ObjectKind.TABLE);
            assertThat(c.type()).isEqualTo(ChangeType.MISSING);
            assertThat(c.severity()).isEqualTo(Severity.BREAKING);
        });
    }

    @Test
    void extraColumnIsDestructiveAndExtraIndexAdditive() {
        List<SchemaObject> g = table("t", "a");
        List<SchemaObject> t = table("t", "a", "b");
        t.add(new Index("public", "t", "t_b_idx", false, "btree", List.of(IndexPart.column("b")), List.of(), null,
                false, Map.of(), null));
        Diff diff = Differ.compare(snapshot(Flavor.POSTGRES, g.toArray(SchemaObject[]::new)),
                snapshot(Flavor.POSTGRES, t.toArray(SchemaObject[]::new)));
        assertThat(diff.countsBySeverity()).containsEntry(Severity.DESTRUCTIVE, 1).containsEntry(Severity.ADDITIVE, 1);
    }

    @Test
    void changedTypeIsReportedFieldByField() {
        Snapshot golden = snapshot(Flavor.POSTGRES, Table.plain("public", "t"), Column.of("public", "t", "a", 1, "bigint"));
        Snapshot target = snapshot(Flavor.POSTGRES, Table.plain("public", "t"), Column.of("public", "t", "a", 1, "integer"));
        Change c = Differ.compare(golden, target).changes().get(0);
        assertThat(c.type()).isEqualTo(ChangeType.CHANGED);
        assertThat(c.fields()).extracting(FieldChange::field).containsExactly("type");
        assertThat(c.describe()).contains("\"integer\" -> \"bigint\"");
    }

    @Test
    void columnOrderIsDriftOnlyInTheMysqlFamily() {
        for (Flavor flavor : List.of(Flavor.POSTGRES, Flavor.MARIADB)) {
            Snapshot golden = snapshot(flavor, table("t", "a", "b").toArray(SchemaObject[]::new));
            Snapshot target = snapshot(flavor, table("t", "b", "a").toArray(SchemaObject[]::new));
            Diff diff = Differ.compare(golden, target);
            assertThat(diff.changes()).singleElement().satisfies(c -> {
                assertThat(c.changes(ModelField.COLUMN_ORDER)).isTrue();
                assertThat(c.severity()).isEqualTo(Severity.COSMETIC);
            });
            assertThat(diff.inSync()).isEqualTo(flavor == Flavor.POSTGRES);
            assertThat(golden.fingerprint().equals(target.fingerprint())).isEqualTo(flavor == Flavor.POSTGRES);
        }
    }

    @Test
    void aMissingColumnDoesNotCountAsReordering() {
        Snapshot golden = snapshot(Flavor.MARIADB, table("t", "a", "b", "c").toArray(SchemaObject[]::new));
        Snapshot target = snapshot(Flavor.MARIADB, table("t", "a", "c").toArray(SchemaObject[]::new));
        assertThat(Differ.compare(golden, target).changes()).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(ObjectKind.COLUMN));
    }

    @Test
    void snapshotJsonRoundTripsToTheSameFingerprint() throws Exception {
        Snapshot s = snapshot(Flavor.MARIADB, table("t", "a", "b").toArray(SchemaObject[]::new));
        String json = dev.driftd.schema.Canonical.MAPPER.writeValueAsString(s);
        Snapshot back = dev.driftd.schema.Canonical.MAPPER.readValue(json, Snapshot.class);
        assertThat(back.fingerprint()).isEqualTo(s.fingerprint());
        assertThat(back.objects()).isEqualTo(s.objects());
    }
}
