package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The normalized schema of one scope at one moment: immutable, objects in canonical order, with a
 * SHA-256 fingerprint of the canonical serialization. Equal fingerprint means no drift. The server
 * version and scope name are recorded but are not part of the fingerprint, so a tenant on another
 * server or under another name fingerprints the same when its contents are the same.
 *
 * <p>A fingerprint is only comparable with fingerprints of the same {@link #MODEL} version (see
 * docs/fingerprints.md): a snapshot read back (store, file) is always re-fingerprinted from its
 * objects under the current model, and one written by a newer model is refused.
 */
public final class Snapshot implements JsonWritable {
    /**
     * The version of the canonical form fingerprints hash. Bump it with any change that alters a
     * fingerprint (a field added to a model record, a normalization, the digest); the pinned golden
     * files under src/test/resources/fingerprints/ fail until it is bumped and they are renewed.
     */
    public static final int MODEL = 1;

    private final Flavor flavor;
    private final String serverVersion;
    private final Scope scope;
    private final SortedMap<ObjectKey, SchemaObject> objects;
    private final Set<ObjectKind> notInspected;
    private final List<Dependency> dependencies;
    private volatile Map<ObjectKey, Set<ObjectKey>> dependencyIndex;
    private volatile String fingerprint;

    public Snapshot(Flavor flavor, String serverVersion, Scope scope, List<SchemaObject> objects,
                    Set<ObjectKind> notInspected) {
        this(flavor, serverVersion, scope, objects, notInspected, null);
    }

    /**
     * @param dependencies the server's edges between objects of this snapshot (see {@link Dependency});
     *                     null when the inspector read none. Edges naming an object not in the
     *                     snapshot are kept out.
     */
    @JsonCreator
    public Snapshot(@JsonProperty("flavor") Flavor flavor,
                    @JsonProperty("serverVersion") String serverVersion,
                    @JsonProperty("scope") Scope scope,
                    @JsonProperty("objects") List<SchemaObject> objects,
                    @JsonProperty("notInspected") Set<ObjectKind> notInspected,
                    @JsonProperty("dependencies") Collection<Dependency> dependencies,
                    @JsonProperty("model") Integer model) {
        this(flavor, serverVersion, scope, objects, notInspected, dependencies);
        if (model != null && model > MODEL) {
            throw new IllegalArgumentException("snapshot written by a newer driftd (fingerprint model " + model
                    + ", this one knows " + MODEL + "); upgrade driftd to read it");
        }
    }

    /**
     * @param dependencies the server's edges between objects of this snapshot (see {@link Dependency});
     *                     null when the inspector read none. Edges naming an object not in the
     *                     snapshot are kept out.
     */
    public Snapshot(Flavor flavor, String serverVersion, Scope scope, List<SchemaObject> objects,
                    Set<ObjectKind> notInspected, Collection<Dependency> dependencies) {
        this.flavor = flavor;
        this.serverVersion = serverVersion;
        this.scope = scope;
        this.objects = Collections.unmodifiableSortedMap(new TreeMap<>(SortedObjects.of(objects)));
        this.notInspected = notInspected == null || notInspected.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(notInspected));
        if (dependencies == null || dependencies.isEmpty()) {
            this.dependencies = List.of();
        } else {
            TreeSet<Dependency> kept = new TreeSet<>();
            for (Dependency d : dependencies) {
                if (this.objects.containsKey(d.object()) && this.objects.containsKey(d.dependsOn())
                        && !d.object().equals(d.dependsOn())) {
                    kept.add(d);
                }
            }
            this.dependencies = List.copyOf(kept);
        }
    }

    public Flavor getFlavor() {
        return flavor;
    }

    public String getServerVersion() {
        return serverVersion;
    }

    public Scope getScope() {
        return scope;
    }

    /** Kinds this flavor has but the inspector did not read: reported, never silently "no drift". */
    public Set<ObjectKind> getNotInspected() {
        return notInspected;
    }

    /** The server's dependency edges between objects of this snapshot, sorted; not fingerprinted. */
    @JsonProperty("dependencies")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Dependency> getDependencies() {
        return dependencies;
    }

    /** What {@code key} needs to exist first, by the server's edges; empty when none are known. */
    public Set<ObjectKey> dependenciesOf(ObjectKey key) {
        Map<ObjectKey, Set<ObjectKey>> index = dependencyIndex;
        if (index == null) {
            index = new HashMap<>();
            for (Dependency d : dependencies) {
                index.computeIfAbsent(d.object(), k -> new TreeSet<>()).add(d.dependsOn());
            }
            dependencyIndex = index;
        }
        return index.getOrDefault(key, Set.of());
    }

    @JsonProperty("objects")
    public List<SchemaObject> objects() {
        return List.copyOf(objects.values());
    }

    public Map<ObjectKey, SchemaObject> byKey() {
        return objects;
    }

    public SchemaObject get(ObjectKey key) {
        return objects.get(key);
    }

    public boolean contains(ObjectKey key) {
        return objects.containsKey(key);
    }

    public <T extends SchemaObject> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SchemaObject o : objects.values()) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }

    public List<SchemaObject> ofKind(ObjectKind kind) {
        return objects.values().stream().filter(o -> o.kind() == kind).toList();
    }

    /** The parts (columns, constraints, indexes, triggers, policies) of a table or view, in canonical order. */
    public List<SchemaObject> partsOf(String schema, String table) {
        List<SchemaObject> out = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            if (kind.isTablePart()) {
                out.addAll(partsOf(kind, schema, table));
            }
        }
        return out;
    }

    /**
     * Parts of one kind of a table: a range of the sorted map (keys order by kind, schema, table,
     * name), so reading every table's parts stays linear in the snapshot size.
     */
    private java.util.Collection<SchemaObject> partsOf(ObjectKind kind, String schema, String table) {
        return objects.subMap(ObjectKey.part(kind, schema, table, ""),
                ObjectKey.part(kind, schema, table + '\u0000', "")).values();
    }

    /** Columns of a table in their position order. */
    public List<Column> columnsOf(String schema, String table) {
        List<Column> columns = new ArrayList<>();
        for (SchemaObject o : partsOf(ObjectKind.COLUMN, schema, table)) {
            columns.add((Column) o);
        }
        columns.sort(Comparator.comparingInt(Column::position));
        return columns;
    }

    /** The fingerprint model this driftd writes ({@link #MODEL}); a snapshot read back is re-fingerprinted under it. */
    @JsonProperty("model")
    public int model() {
        return MODEL;
    }

    /**
     * Read-only for Jackson: a fingerprint in JSON read back (store, file) is never trusted, the
     * objects are hashed again under the current model (docs/fingerprints.md). Without this Jackson
     * would write the stored value into the private field behind this getter.
     */
    @JsonProperty(value = "fingerprint", access = JsonProperty.Access.READ_ONLY)
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = digest(null);
            fingerprint = f;
        }
        return f;
    }

    /** The exact bytes {@link #fingerprint()} hashes, for the tests that pin them. */
    byte[] canonicalBytes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        digest(bytes);
        return bytes.toByteArray();
    }

    /** SHA-256 of every object's canonical bytes in key order; {@code copy}, when given, receives the same bytes. */
    private String digest(OutputStream copy) {
        CanonicalDigest digest = new CanonicalDigest(copy);
        Map<String, List<String>> orders = flavor != null && flavor.columnOrderIsSchema() ? columnOrders() : Map.of();
        for (SchemaObject o : objects.values()) {
            hash(digest, o, orders);
        }
        return digest.hex();
    }

    /** Fingerprint of one object; a table's includes its parts, so a variant of a table is one hash. */
    public String objectFingerprint(ObjectKey key) {
        SchemaObject o = objects.get(key);
        if (o == null) {
            throw new IllegalArgumentException("no " + key + " in this snapshot");
        }
        CanonicalDigest digest = new CanonicalDigest();
        Map<String, List<String>> orders = flavor != null && flavor.columnOrderIsSchema() && o instanceof Table
                ? Map.of(relation(key.schema(), key.name()), columnsOf(key.schema(), key.name()).stream()
                        .map(Column::name).toList())
                : Map.of();
        hash(digest, o, orders);
        if (o instanceof Table || o instanceof View) {
            for (SchemaObject part : partsOf(key.schema(), key.name())) {
                hash(digest, part, orders);
            }
        }
        return digest.hex();
    }

    /** Per-object fingerprints of every top-level object, keyed by display name. */
    public Map<String, String> objectFingerprints() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ObjectKey key : objects.keySet()) {
            if (!key.kind().isTablePart()) {
                out.put(key.display(), objectFingerprint(key));
            }
        }
        return out;
    }

    /** Each object's canonical bytes, then (MySQL family) its table's column order, then a separator. */
    private static void hash(CanonicalDigest digest, SchemaObject o, Map<String, List<String>> orders) {
        digest.add(o);
        if (o instanceof Table t) {
            List<String> order = orders.get(relation(t.schema(), t.name()));
            if (order != null) {
                digest.addColumnOrder(order);
            }
        }
        digest.end();
    }

    /** Column names per table in position order, built in one pass. */
    private Map<String, List<String>> columnOrders() {
        Map<String, List<Column>> byTable = new HashMap<>();
        for (SchemaObject o : objects.values()) {
            if (o instanceof Column c) {
                byTable.computeIfAbsent(relation(c.schema(), c.table()), k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        byTable.forEach((k, cols) -> {
            cols.sort(Comparator.comparingInt(Column::position));
            out.put(k, cols.stream().map(Column::name).toList());
        });
        return out;
    }

    private static String relation(String schema, String name) {
        return schema + '\u0000' + name;
    }

    /** Fingerprint first, so a reader of a long file sees it at once; then the objects in canonical order. */
    @Override
    public void writeFields(JsonFields f) {
        f.string("fingerprint", fingerprint()).number("model", MODEL).enumName("flavor", flavor).string("serverVersion", serverVersion)
                .object("scope", scope).enumNames("notInspected", notInspected).objects("objects", objects.values());
        if (!dependencies.isEmpty()) {
            f.objects("dependencies", dependencies);
        }
    }

    /** The snapshot's indented JSON ({@code driftd snapshot}), streamed: tens of megabytes are never one string. */
    public void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator g = ModelJson.FACTORY.createGenerator(out)) {
            writeIndented(g);
        }
    }

    /** As {@link #writeJson(OutputStream)}, to a character stream. */
    public void writeJson(Writer out) throws IOException {
        try (JsonGenerator g = ModelJson.FACTORY.createGenerator(out)) {
            writeIndented(g);
        }
    }

    private void writeIndented(JsonGenerator g) throws IOException {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        ModelJson.write(g, this, false);
    }

    @Override
    public String toString() {
        return "Snapshot[" + flavor + " " + (scope == null ? "" : scope.describe()) + ", " + objects.size()
                + " objects, " + fingerprint() + "]";
    }
}
