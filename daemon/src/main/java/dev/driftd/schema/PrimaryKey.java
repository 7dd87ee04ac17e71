package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A primary key. {@code deferrable} / {@code initiallyDeferred} (PostgreSQL {@code DEFERRABLE
 * [INITIALLY DEFERRED]}) are written in the JSON only when set, so the fingerprint of a key without
 * them is what it was before they were modelled. {@code withoutOverlaps}: PostgreSQL 18's
 * {@code WITHOUT OVERLAPS} on the last column (a temporal key), likewise written only when set.
 * {@code indexComment}: the comment on the key's index (PostgreSQL {@code COMMENT ON INDEX t_pkey},
 * apart from the key's own), written only when set.
 */
public record PrimaryKey(String schema, String table, String name, List<String> columns,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deferrable,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean initiallyDeferred,
                         String comment,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withoutOverlaps,
                         String indexComment) implements SchemaObject {
    public PrimaryKey {
        columns = Lists.copy(columns);
        comment = Lists.emptyToNull(comment);
        indexComment = Lists.emptyToNull(indexComment);
    }

    /** A key whose index carries no comment. */
    public PrimaryKey(String schema, String table, String name, List<String> columns, boolean deferrable,
                      boolean initiallyDeferred, String comment, boolean withoutOverlaps) {
        this(schema, table, name, columns, deferrable, initiallyDeferred, comment, withoutOverlaps, null);
    }

    /** A key checked at once (not deferrable): every MySQL/MariaDB key, and most PostgreSQL ones. */
    public PrimaryKey(String schema, String table, String name, List<String> columns, String comment) {
        this(schema, table, name, columns, false, false, comment, false);
    }

    /** A key without WITHOUT OVERLAPS. */
    public PrimaryKey(String schema, String table, String name, List<String> columns, boolean deferrable,
                      boolean initiallyDeferred, String comment) {
        this(schema, table, name, columns, deferrable, initiallyDeferred, comment, false);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.PRIMARY_KEY, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.strings("columns", columns).string("comment", comment);
        if (deferrable) {
            f.bool("deferrable", true);
        }
        f.string("indexComment", indexComment);
        if (initiallyDeferred) {
            f.bool("initiallyDeferred", true);
        }
        f.string("name", name).string("schema", schema).string("table", table);
        if (withoutOverlaps) {
            f.bool("withoutOverlaps", true);
        }
    }
}
