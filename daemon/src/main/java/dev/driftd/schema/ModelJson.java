package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes model values as JSON objects: a schema object's {@code @type} first, then its fields. The
 * same writer serves fingerprints (canonical) and every other JSON of the model (snapshot output,
 * API, store), through {@link #module}, so there is one definition of the model's JSON.
 */
final class ModelJson {
    /** Generators for writing without data binding; thread-safe. */
    static final JsonFactory FACTORY = new JsonFactory();

    /** {@code @type} names, from the annotation Jackson reads them from when deserializing. */
    private static final Map<Class<?>, String> TYPE_NAMES = typeNames();

    private ModelJson() {
    }

    static void write(JsonGenerator out, JsonWritable value, boolean canonical) throws IOException {
        out.writeStartObject();
        if (value instanceof SchemaObject) {
            out.writeStringField("@type", TYPE_NAMES.get(value.getClass()));
        }
        try {
            value.writeFields(new JsonFields(out, canonical));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.writeEndObject();
    }

    /** Jackson serializers for the model's values: canonical for fingerprints, else the full form. */
    static SimpleModule module(boolean canonical) {
        SimpleModule module = new SimpleModule(canonical ? "driftd-canonical" : "driftd-model");
        module.addSerializer(JsonWritable.class, new StdSerializer<>(JsonWritable.class) {
            @Override
            public void serialize(JsonWritable value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                write(gen, value, canonical);
            }

            @Override
            public void serializeWithType(JsonWritable value, JsonGenerator gen, SerializerProvider provider,
                                          TypeSerializer typeSer) throws IOException {
                write(gen, value, canonical); // writes @type itself
            }
        });
        return module;
    }

    private static Map<Class<?>, String> typeNames() {
        Map<Class<?>, String> names = new HashMap<>();
        for (JsonSubTypes.Type t : SchemaObject.class.getAnnotation(JsonSubTypes.class).value()) {
            names.put(t.value(), t.name());
        }
        return names;
    }
}
