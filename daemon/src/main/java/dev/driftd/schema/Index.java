package dev.driftd.schema;

import java.util.List;
import java.util.Map;

/**
 * A secondary index, including MySQL UNIQUE/FULLTEXT/SPATIAL keys and PostgreSQL unique indexes
 * that are not constraints. Indexes that back a primary key, unique or exclusion constraint are
 * part of the constraint, not separate objects. {@code table} may name a materialized view.
 */
public record Index(String schema, String table, String name, boolean unique, String method, List<IndexPart> parts,
                    List<String> include, String predicate, boolean nullsNotDistinct, Map<String, String> options,
                    String comment) implements SchemaObject {
    public Index {
        parts = Lists.copy(parts);
        include = Lists.copy(include);
        predicate = Lists.emptyToNull(predicate);
        options = Lists.copy(options);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.INDEX, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).strings("include", include).string("method", method).string("name", name)
                .bool("nullsNotDistinct", nullsNotDistinct).map("options", options).objects("parts", parts)
                .string("predicate", predicate).string("schema", schema).string("table", table).bool("unique", unique);
    }
}
