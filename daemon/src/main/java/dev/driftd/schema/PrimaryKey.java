package dev.driftd.schema;

import java.util.List;

public record PrimaryKey(String schema, String table, String name, List<String> columns, String comment)
        implements SchemaObject {
    public PrimaryKey {
        columns = Lists.copy(columns);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.PRIMARY_KEY, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.strings("columns", columns).string("comment", comment).string("name", name).string("schema", schema)
                .string("table", table);
    }
}
