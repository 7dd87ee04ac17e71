package dev.driftd.schema;

import java.util.List;
import java.util.Map;

/**
 * A table. Columns, constraints, indexes, triggers and policies are separate objects keyed under
 * it. {@code options} holds dialect table options under stable lower-case keys (MySQL
 * {@code engine}, {@code charset}, {@code collation}, {@code row_format}, {@code partitioning};
 * PostgreSQL {@code persistence}, storage parameters as {@code with.<name>}); the AUTO_INCREMENT
 * counter is data and never appears.
 */
public record Table(String schema, String name, TableKind tableKind, String partitionKey, TableRef partitionOf,
                    String partitionBound, List<TableRef> inherits, Map<String, String> options,
                    boolean rowSecurity, boolean forceRowSecurity, String comment) implements SchemaObject {
    public Table {
        tableKind = tableKind == null ? TableKind.TABLE : tableKind;
        partitionKey = Lists.emptyToNull(partitionKey);
        partitionBound = Lists.emptyToNull(partitionBound);
        inherits = Lists.copy(inherits);
        options = Lists.copy(options);
        comment = Lists.emptyToNull(comment);
    }

    /** A plain table with no options, for tests and simple inspectors. */
    public static Table plain(String schema, String name) {
        return new Table(schema, name, TableKind.TABLE, null, null, null, List.of(), Map.of(), false, false, null);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.TABLE, schema, name);
    }

    public TableRef ref() {
        return new TableRef(schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).bool("forceRowSecurity", forceRowSecurity).objects("inherits", inherits)
                .string("name", name).map("options", options).string("partitionBound", partitionBound)
                .string("partitionKey", partitionKey).object("partitionOf", partitionOf).bool("rowSecurity", rowSecurity)
                .string("schema", schema).enumName("tableKind", tableKind);
    }
}
