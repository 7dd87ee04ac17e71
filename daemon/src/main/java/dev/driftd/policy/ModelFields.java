package dev.driftd.policy;

import dev.driftd.schema.SchemaObject;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field rules on the neutral model: a field is a component of a model record ({@code comment},
 * {@code options}, {@code collation}, ...), or one key of a map component ({@code options.engine},
 * {@code options.with.fillfactor}). Stripping a field rebuilds the record with it emptied, so the
 * fingerprint and the differ never see it.
 */
final class ModelFields {
    /** Components that name an object: ignoring them would merge objects, so they are refused. */
    private static final Set<String> IDENTITY = Set.of("schema", "table", "name");
    /** Fields people name that the model does not hold: never compared, so a rule on them matches nothing. */
    static final Set<String> NOT_SNAPSHOTTED = Set.of("owner");
    private static final Set<String> KNOWN = known();

    private ModelFields() {
    }

    private static Set<String> known() {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : SchemaObject.class.getPermittedSubclasses()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                out.add(rc.getName());
            }
        }
        out.removeAll(IDENTITY);
        return out;
    }

    static void check(String field) {
        String head = head(field);
        if (IDENTITY.contains(head)) {
            throw new IllegalArgumentException("field '" + field + "' names the object; ignore the object instead");
        }
        if (!KNOWN.contains(head) && !NOT_SNAPSHOTTED.contains(head)) {
            throw new IllegalArgumentException("unknown field '" + field + "' (expected owner or one of " + KNOWN + ")");
        }
        if (!head.equals(field) && !"options".equals(head)) {
            throw new IllegalArgumentException("field '" + field + "': only options has keys (options.engine)");
        }
    }

    private static String head(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
    }

    /** A model record's components, accessors and canonical constructor, looked up once per class. */
    private record Shape(RecordComponent[] components, java.lang.reflect.Method[] accessors,
                         Constructor<?> canonical, Map<String, Integer> index) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
                index.put(components[i].getName(), i);
            }
            try {
                return new Shape(components, accessors, type.getDeclaredConstructor(types), index);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    /** {@code o} without {@code field}; {@code o} itself when it has no such field or it is already empty. */
    static SchemaObject strip(SchemaObject o, String field) {
        Shape shape = SHAPES.get(o.getClass());
        String head = head(field);
        Integer at = shape.index().get(head);
        if (at == null) {
            return o;
        }
        String key = head.equals(field) ? null : field.substring(head.length() + 1).toLowerCase(java.util.Locale.ROOT);
        try {
            // read the one field first: most objects have nothing to strip, and are returned as they are
            Object value = shape.accessors()[at].invoke(o);
            Object emptied = key == null ? empty(shape.components()[at].getType()) : withoutKey(value, key);
            if (java.util.Objects.equals(value, emptied)) {
                return o;
            }
            Object[] args = new Object[shape.components().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = i == at ? emptied : shape.accessors()[i].invoke(o);
            }
            return (SchemaObject) shape.canonical().newInstance(args);
        } catch (IllegalAccessException | InvocationTargetException | InstantiationException e) {
            throw new IllegalStateException("cannot strip " + field + " from " + o.key() + ": " + e, e);
        }
    }

    private static Object empty(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null;
    }

    private static Object withoutKey(Object value, String key) {
        if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
            return value;
        }
        Map<Object, Object> out = new LinkedHashMap<>(map);
        out.remove(key);
        return out;
    }
}
