package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL composite type; attribute order is significant. {@code columnComments} holds the
 * comments on its attributes ({@code COMMENT ON COLUMN type.attribute}), by name, apart from the
 * attributes so a comment alone differing is cosmetic.
 */
public record CompositeType(String schema, String name, List<TypeAttribute> attributes, String comment,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> columnComments)
        implements SchemaObject {
    public CompositeType {
        attributes = Lists.copy(attributes);
        comment = Lists.emptyToNull(comment);
        columnComments = Lists.copy(columnComments);
    }

    /** A composite type whose attributes carry no comments. */
    public CompositeType(String schema, String name, List<TypeAttribute> attributes, String comment) {
        this(schema, name, attributes, comment, Map.of());
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.COMPOSITE_TYPE, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.objects("attributes", attributes).map("columnComments", columnComments.isEmpty() ? null : columnComments)
                .string("comment", comment).string("name", name).string("schema", schema);
    }
}
