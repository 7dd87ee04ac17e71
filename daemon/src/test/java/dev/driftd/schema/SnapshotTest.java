package dev.driftd.schema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotTest {
    private static List<SchemaObject> objects() {
        List<SchemaObject> out = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            out.add(Table.plain("app", "t" + t));
            for (int c = 0; c < 5; c++) {
                out.add(Column.of("app", "t" + t, "c" + c, c + 1, "int"));
            }
        }
        out.add(new SchemaDef("app", null));
        return out;
    }

    @Test
    void objectsAreInKeyOrderWhateverTheInputOrder() {
        List<SchemaObject> shuffled = objects();
        Collections.shuffle(shuffled, new Random(7));
        Snapshot a = new Snapshot(Flavor.POSTGRES, "15", Scope.database("db", List.of("app")), objects(), Set.of());
        Snapshot b = new Snapshot(Flavor.POSTGRES, "15", Scope.database("db", List.of("app")), shuffled, Set.of());
        assertEquals(a.fingerprint(), b.fingerprint());
        List<ObjectKey> keys = new ArrayList<>(b.byKey().keySet());
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0, keys.get(i - 1) + " before " + keys.get(i));
        }
        assertEquals(objects().size(), keys.size());
        assertEquals(5, b.columnsOf("app", "t3").size());
        assertEquals(Column.of("app", "t3", "c2", 3, "int"), b.get(ObjectKey.part(ObjectKind.COLUMN, "app", "t3", "c2")));
    }

    @Test
    void theSortedRunIsASortedMapLikeATreeMap() {
        List<SchemaObject> shuffled = objects();
        Collections.shuffle(shuffled, new Random(11));
        SortedObjects sorted = SortedObjects.of(shuffled);
        java.util.TreeMap<ObjectKey, SchemaObject> tree = new java.util.TreeMap<>();
        shuffled.forEach(o -> tree.put(o.key(), o));
        assertEquals(tree, sorted);
        assertEquals(tree.firstKey(), sorted.firstKey());
        assertEquals(tree.lastKey(), sorted.lastKey());
        ObjectKey t3 = Table.plain("app", "t3").key();
        ObjectKey t7 = Table.plain("app", "t7").key();
        assertEquals(tree.subMap(t3, t7), sorted.subMap(t3, t7));
        assertEquals(tree.headMap(t7), sorted.headMap(t7));
        assertEquals(tree.tailMap(t3), sorted.tailMap(t3));
        assertEquals(new ArrayList<>(tree.tailMap(t3).keySet()), new ArrayList<>(sorted.tailMap(t3).keySet()));
        assertTrue(sorted.subMap(t3, t3).isEmpty());
        assertThrows(java.util.NoSuchElementException.class, () -> sorted.subMap(t3, t3).firstKey());
    }

    @Test
    void twoObjectsWithOneKeyAreRefused() {
        List<SchemaObject> twice = objects();
        twice.add(Column.of("app", "t4", "c1", 9, "text"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Snapshot(Flavor.POSTGRES, "15", Scope.database("db", List.of("app")), twice, Set.of()));
        assertTrue(e.getMessage().contains("two objects with the key"), e.getMessage());
    }
}
