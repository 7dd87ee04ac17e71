package dev.driftd.schema;

import java.util.List;

/** A PostgreSQL enum type; label order is significant. */
public record EnumType(String schema, String name, List<String> labels, String comment) implements SchemaObject {
    public EnumType {
        labels = Lists.copy(labels);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.ENUM_TYPE, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).strings("labels", labels).string("name", name).string("schema", schema);
    }
}
