package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A UNIQUE constraint (PostgreSQL). A unique index that is not a constraint is an {@link Index};
 * MySQL unique keys are indexes. {@code withoutOverlaps}: PostgreSQL 18's {@code WITHOUT OVERLAPS}
 * on the last column, written to JSON only when set (earlier fingerprints unchanged).
 * {@code indexComment}: the comment on the constraint's index, written only when set.
 */
public record UniqueConstraint(String schema, String table, String name, List<String> columns,
                               boolean nullsNotDistinct, boolean deferrable, boolean initiallyDeferred,
                               String comment,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withoutOverlaps,
                               String indexComment)
        implements SchemaObject {
    public UniqueConstraint {
        columns = Lists.copy(columns);
        comment = Lists.emptyToNull(comment);
        indexComment = Lists.emptyToNull(indexComment);
    }

    /** A constraint whose index carries no comment. */
    public UniqueConstraint(String schema, String table, String name, List<String> columns, boolean nullsNotDistinct,
                            boolean deferrable, boolean initiallyDeferred, String comment, boolean withoutOverlaps) {
        this(schema, table, name, columns, nullsNotDistinct, deferrable, initiallyDeferred, comment, withoutOverlaps,
                null);
    }

    /** A constraint without WITHOUT OVERLAPS. */
    public UniqueConstraint(String schema, String table, String name, List<String> columns, boolean nullsNotDistinct,
                            boolean deferrable, boolean initiallyDeferred, String comment) {
        this(schema, table, name, columns, nullsNotDistinct, deferrable, initiallyDeferred, comment, false);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.UNIQUE_CONSTRAINT, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.strings("columns", columns).string("comment", comment).bool("deferrable", deferrable)
                .string("indexComment", indexComment).bool("initiallyDeferred", initiallyDeferred).string("name", name)
                .bool("nullsNotDistinct", nullsNotDistinct).string("schema", schema).string("table", table);
        if (withoutOverlaps) {
            f.bool("withoutOverlaps", true);
        }
    }
}
