package dev.driftd.schema;

/**
 * A function or procedure. {@code name} carries the identity signature ({@code add(integer, integer)})
 * so overloads are distinct; {@code baseName} is the bare name; {@code definition} is the complete,
 * normalized CREATE statement the server reports.
 * {@code source} is the server's own CREATE text (MySQL/MariaDB: SHOW CREATE without DEFINER), used to
 * re-create the object as the user wrote it; it is reported and stored but not canonical, so it is
 * neither fingerprinted nor compared (null when unknown: the definition is used instead).
 * {@code charset} is what a MySQL/MariaDB object was created under (see {@link CreationCharset}): reported,
 * stored and re-applied by the planner, never fingerprinted or compared (null when not known).
 */
public record Routine(String schema, String name, String baseName, boolean procedure, String definition,
                      String comment, String source, CreationCharset charset) implements SchemaObject {
    public Routine {
        comment = Lists.emptyToNull(comment);
    }

    public Routine(String schema, String name, String baseName, boolean procedure, String definition, String comment) {
        this(schema, name, baseName, procedure, definition, comment, null, null);
    }

    public Routine(String schema, String name, String baseName, boolean procedure, String definition, String comment,
                   String source) {
        this(schema, name, baseName, procedure, definition, comment, source, null);
    }

    /** The text to create it with: the server's own when known, else the normalized definition. */
    public String createText() {
        return source != null ? source : definition;
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("baseName", baseName);
        if (!f.canonical()) {
            f.object("charset", charset);
        }
        f.string("comment", comment).string("definition", definition).string("name", name)
                .bool("procedure", procedure).string("schema", schema);
        if (!f.canonical()) {
            f.string("source", source);
        }
    }
}
