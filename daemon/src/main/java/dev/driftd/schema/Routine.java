package dev.driftd.schema;

/**
 * A function or procedure. {@code name} carries the identity signature ({@code add(integer, integer)})
 * so overloads are distinct; {@code baseName} is the bare name; {@code definition} is the complete,
 * normalized CREATE statement the server reports.
 */
public record Routine(String schema, String name, String baseName, boolean procedure, String definition,
                      String comment) implements SchemaObject {
    public Routine {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("baseName", baseName).string("comment", comment).string("definition", definition).string("name", name)
                .bool("procedure", procedure).string("schema", schema);
    }
}
