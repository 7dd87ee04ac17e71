package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written field lists ({@link JsonWritable#writeFields}) against Jackson's own bean
 * serialization of the same records, which is what fingerprints were defined by: byte for byte, for
 * every kind of object, with every component set and with every component empty. A component added
 * to a record without a line in its writer, or a line out of alphabetical order, fails here.
 */
class ModelJsonTest {
    /** How the model was serialized before the hand-written writers: Jackson's bean serializer. */
    @JsonIgnoreProperties({"position"})
    private abstract static class WithoutPosition {
    }

    /** The server's own CREATE text is reported and stored, but not canonical: not fingerprinted, not compared. */
    @JsonIgnoreProperties({"source", "charset"})
    private abstract static class WithoutUncomparedText {
    }

    private static ObjectMapper beanMapper(boolean canonical) {
        JsonMapper.Builder b = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        if (canonical) {
            b.addMixIn(Column.class, WithoutPosition.class);
            b.addMixIn(Routine.class, WithoutUncomparedText.class).addMixIn(Trigger.class, WithoutUncomparedText.class)
                    .addMixIn(View.class, WithoutUncomparedText.class).addMixIn(Event.class, WithoutUncomparedText.class);
        }
        return b.build();
    }

    @Test
    void everyKindWritesWhatJacksonBeanSerializationWrote() throws Exception {
        ObjectMapper beanCanonical = beanMapper(true);
        ObjectMapper beanFull = beanMapper(false);
        for (SchemaObject o : samples()) {
            String what = o.getClass().getSimpleName() + " " + o;
            assertEquals(beanCanonical.writeValueAsString(o), Canonical.CANONICAL.writeValueAsString(o), what);
            assertEquals(beanFull.writeValueAsString(o), Canonical.MAPPER.writeValueAsString(o), what);
            assertEquals(beanFull.writerWithDefaultPrettyPrinter().writeValueAsString(o),
                    Canonical.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o), what);
            // and Jackson reads it back into the same record
            assertEquals(o, Canonical.MAPPER.readValue(Canonical.MAPPER.writeValueAsString(o), SchemaObject.class), what);
        }
    }

    @Test
    void fingerprintsHashTheSameBytesAsBeforeTheWriters() throws Exception {
        ObjectMapper beanCanonical = beanMapper(true);
        for (SchemaObject o : samples()) {
            CanonicalDigest digest = new CanonicalDigest();
            digest.add(o);
            assertEquals(sha256(beanCanonical.writeValueAsBytes(o)), digest.hex(), o.toString());
        }
    }

    @Test
    void mysqlFingerprintsHashEachTablesColumnOrderAsBefore() throws Exception {
        ObjectMapper beanCanonical = beanMapper(true);
        List<SchemaObject> objects = List.of(Table.plain("", "t"), Column.of("", "t", "b", 1, "int"),
                Column.of("", "t", "a", 2, "text"), Table.plain("", "u"), Column.of("", "u", "x", 1, "int"));
        Snapshot snapshot = new Snapshot(Flavor.MYSQL, "8.0", Scope.mysqlDatabase("shop"), objects, Set.of());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (SchemaObject o : snapshot.byKey().values()) {
            expected.write(beanCanonical.writeValueAsBytes(o));
            if (o instanceof Table t) {
                String order = t.name().equals("t") ? "[\"b\",\"a\"]" : "[\"x\"]";
                expected.write(("{\"columnOrder\":" + order + "}").getBytes(StandardCharsets.UTF_8));
            }
            expected.write('\n');
        }
        assertEquals(sha256(expected.toByteArray()), snapshot.fingerprint());
    }

    @Test
    void fullSamplesSetEveryComponent() throws Exception {
        for (SchemaObject o : samples().subList(0, SchemaObject.class.getPermittedSubclasses().length)) {
            String json = Canonical.MAPPER.writeValueAsString(o);
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                assertTrue(json.contains("\"" + c.getName() + "\":"), o.getClass().getSimpleName() + "." + c.getName());
            }
        }
    }

    @JsonPropertyOrder({"fingerprint", "model", "flavor", "serverVersion", "scope", "notInspected", "objects"})
    private abstract static class SnapshotOrder {
    }

    @Test
    void snapshotJsonIsWhatJacksonWroteAndReadsBack() throws Exception {
        List<SchemaObject> objects = samples().subList(0, SchemaObject.class.getPermittedSubclasses().length);
        Snapshot snapshot = new Snapshot(Flavor.POSTGRES, "15.2", Scope.database("db", List.of("a", "b")), objects,
                Set.of(ObjectKind.EVENT, ObjectKind.POLICY));
        String before = beanMapper(false).addMixIn(Snapshot.class, SnapshotOrder.class)
                .writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(snapshot);
        StringWriter chars = new StringWriter();
        snapshot.writeJson(chars);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        snapshot.writeJson(bytes);
        assertEquals(before, chars.toString());
        assertEquals(before, bytes.toString(StandardCharsets.UTF_8));
        assertEquals(beanMapper(false).addMixIn(Snapshot.class, SnapshotOrder.class).writeValueAsString(snapshot),
                Canonical.MAPPER.writeValueAsString(snapshot));
        Snapshot read = Canonical.MAPPER.readValue(before, Snapshot.class);
        assertEquals(snapshot.fingerprint(), read.fingerprint());
        assertEquals(snapshot.byKey(), read.byKey());
        assertEquals(snapshot.getNotInspected(), read.getNotInspected());
        assertEquals(snapshot.getScope(), read.getScope());
    }

    private static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(CanonicalDigest.sha256().digest(bytes));
    }

    /** Every permitted kind with every component set, then every kind with every component empty. */
    private static List<SchemaObject> samples() throws Exception {
        List<SchemaObject> full = new ArrayList<>();
        List<SchemaObject> empty = new ArrayList<>();
        for (Class<?> kind : SchemaObject.class.getPermittedSubclasses()) {
            full.add((SchemaObject) instance(kind, true));
            empty.add((SchemaObject) instance(kind, false));
        }
        full.addAll(empty);
        return full;
    }

    private static Object instance(Class<?> record, boolean full) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType(), full);
        }
        return record.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(String name, Type type, boolean full) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == boolean.class) {
            return full;
        }
        if (raw == int.class || raw == long.class) {
            return raw == int.class ? (Object) (full ? 7 : 0) : (Object) (full ? -9_000_000_000L : 0L);
        }
        if (!full && name.equals("objectType")) {
            return "TABLE"; // a privilege's key needs it
        }
        if (!full) {
            return null;
        }
        if (raw == String.class) {
            return name + " \"quoted\" é";
        }
        if (raw == Integer.class) {
            return 3;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(value(name + "1", element, true), value(name + "2", element, true));
        }
        if (raw == Map.class) {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("zeta", "1");
            map.put("alpha", "2");
            return map;
        }
        if (raw.isRecord()) {
            return instance(raw, true);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }
}
