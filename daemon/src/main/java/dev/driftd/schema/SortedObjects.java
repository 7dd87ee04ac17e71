package dev.driftd.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * A snapshot's objects sorted by key once: an immutable sorted map over an array, from which
 * {@code new TreeMap<>(sorted)} builds its tree in linear time. One array sort instead of a tree
 * insertion per object, which at 50,000 objects was most of a snapshot's model-building time.
 */
final class SortedObjects extends AbstractMap<ObjectKey, SchemaObject> implements SortedMap<ObjectKey, SchemaObject> {
    private final Map.Entry<ObjectKey, SchemaObject>[] entries;
    private final int from;
    private final int to;

    private SortedObjects(Map.Entry<ObjectKey, SchemaObject>[] entries, int from, int to) {
        this.entries = entries;
        this.from = from;
        this.to = to;
    }

    /** The objects by key; two objects with one key are an error. */
    @SuppressWarnings("unchecked")
    static SortedObjects of(List<SchemaObject> objects) {
        Map.Entry<ObjectKey, SchemaObject>[] entries = new Map.Entry[objects.size()];
        int i = 0;
        for (SchemaObject o : objects) {
            entries[i++] = new AbstractMap.SimpleImmutableEntry<>(o.key(), o);
        }
        Arrays.sort(entries, Map.Entry.comparingByKey());
        for (int k = 1; k < entries.length; k++) {
            if (entries[k - 1].getKey().compareTo(entries[k].getKey()) == 0) {
                throw new IllegalArgumentException("two objects with the key " + entries[k].getKey());
            }
        }
        return new SortedObjects(entries, 0, entries.length);
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public Set<Map.Entry<ObjectKey, SchemaObject>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<ObjectKey, SchemaObject>> iterator() {
                return Arrays.asList(entries).subList(from, to).iterator();
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }

    @Override
    public Comparator<? super ObjectKey> comparator() {
        return null; // natural order
    }

    @Override
    public SortedMap<ObjectKey, SchemaObject> subMap(ObjectKey fromKey, ObjectKey toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException(fromKey + " after " + toKey);
        }
        return new SortedObjects(entries, firstAtOrAfter(fromKey), firstAtOrAfter(toKey));
    }

    @Override
    public SortedMap<ObjectKey, SchemaObject> headMap(ObjectKey toKey) {
        return new SortedObjects(entries, from, firstAtOrAfter(toKey));
    }

    @Override
    public SortedMap<ObjectKey, SchemaObject> tailMap(ObjectKey fromKey) {
        return new SortedObjects(entries, firstAtOrAfter(fromKey), to);
    }

    @Override
    public ObjectKey firstKey() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return entries[from].getKey();
    }

    @Override
    public ObjectKey lastKey() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return entries[to - 1].getKey();
    }

    /** The index in this range of the first key not less than {@code key}. */
    private int firstAtOrAfter(ObjectKey key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].getKey().compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
