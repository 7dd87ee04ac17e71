package dev.driftd.schema;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTest {
    private static final Column BASE = new Column("s", "t", "c", 1, "integer", true, "1", null, "a + 1", "STORED",
            null, null, false, null, false, null);

    @Test
    void positionIsTheOnlyComponentIgnored() throws Exception {
        assertTrue(BASE.equalsIgnoringPosition(BASE.withPosition(7)));
        RecordComponent[] components = Column.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals("position")) {
                continue;
            }
            Object[] values = values(BASE, components);
            values[i] = changed(components[i].getType(), values[i]);
            // the canonical constructor: Column has a shorter one too (no NOT NULL constraint details)
            Column other = Column.class.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
            // a component added to Column without a line in equalsIgnoringPosition fails here
            assertFalse(BASE.equalsIgnoringPosition(other), components[i].getName());
            assertFalse(other.equalsIgnoringPosition(BASE), components[i].getName());
        }
    }

    private static Object[] values(Column c, RecordComponent[] components) throws Exception {
        Object[] out = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            out[i] = components[i].getAccessor().invoke(c);
        }
        return out;
    }

    private static Object changed(Class<?> type, Object value) {
        if (type == boolean.class) {
            return !(Boolean) value;
        }
        if (type == String.class) {
            return value == null ? "x" : value + "x";
        }
        throw new AssertionError("no changed value for a component of type " + type);
    }
}
