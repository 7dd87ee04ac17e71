package dev.driftd.schema;

/**
 * A PostgreSQL aggregate. As for a {@link Routine}, {@code name} carries the identity arguments
 * ({@code total(integer)}) and {@code baseName} the bare name; {@code definition} is what follows
 * the name in {@code CREATE AGGREGATE}: the argument list and the options that are not at their
 * default ({@code (integer) (SFUNC = int4pl, STYPE = integer)}), built from {@code pg_aggregate}.
 */
public record Aggregate(String schema, String name, String baseName, String definition, String comment)
        implements SchemaObject {
    public Aggregate {
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.AGGREGATE, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("baseName", baseName).string("comment", comment).string("definition", definition).string("name", name)
                .string("schema", schema);
    }
}
