package dev.driftd.schema;

import java.util.List;

/** A PostgreSQL composite type; attribute order is significant. */
public record CompositeType(String schema, String name, List<TypeAttribute> attributes, String comment)
        implements SchemaObject {
    public CompositeType {
        attributes = Lists.copy(attributes);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.COMPOSITE_TYPE, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.objects("attributes", attributes).string("comment", comment).string("name", name).string("schema", schema);
    }
}
