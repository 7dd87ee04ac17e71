package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A foreign key. Actions are the SQL words ({@code NO ACTION}, {@code CASCADE}, {@code SET NULL},
 * {@code SET DEFAULT}, {@code RESTRICT}); {@code match} is {@code SIMPLE}, {@code FULL} or
 * {@code PARTIAL}. {@code notValid}: PostgreSQL {@code NOT VALID} (checked for new rows only);
 * written to JSON only when set, so validated keys keep their fingerprints. PostgreSQL 18:
 * {@code period} ({@code PERIOD} on the last column of both sides, a temporal key) and
 * {@code notEnforced} ({@code NOT ENFORCED}), likewise written only when set.
 */
public record ForeignKey(String schema, String table, String name, List<String> columns, TableRef references,
                         List<String> referencedColumns, String onUpdate, String onDelete, String match,
                         boolean deferrable, boolean initiallyDeferred,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid, String comment,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean period,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notEnforced)
        implements SchemaObject {
    public ForeignKey {
        columns = Lists.copy(columns);
        referencedColumns = Lists.copy(referencedColumns);
        onUpdate = onUpdate == null ? "NO ACTION" : onUpdate;
        onDelete = onDelete == null ? "NO ACTION" : onDelete;
        match = match == null ? "SIMPLE" : match;
        comment = Lists.emptyToNull(comment);
    }

    /** A validated foreign key. */
    public ForeignKey(String schema, String table, String name, List<String> columns, TableRef references,
                      List<String> referencedColumns, String onUpdate, String onDelete, String match,
                      boolean deferrable, boolean initiallyDeferred, String comment) {
        this(schema, table, name, columns, references, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, false, comment, false, false);
    }

    /** An enforced key without PERIOD, validated or NOT VALID. */
    public ForeignKey(String schema, String table, String name, List<String> columns, TableRef references,
                      List<String> referencedColumns, String onUpdate, String onDelete, String match,
                      boolean deferrable, boolean initiallyDeferred, boolean notValid, String comment) {
        this(schema, table, name, columns, references, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, notValid, comment, false, false);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.FOREIGN_KEY, schema, table, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.strings("columns", columns).string("comment", comment).bool("deferrable", deferrable)
                .bool("initiallyDeferred", initiallyDeferred).string("match", match).string("name", name);
        if (notEnforced) {
            f.bool("notEnforced", true);
        }
        if (notValid) {
            f.bool("notValid", true);
        }
        f.string("onDelete", onDelete).string("onUpdate", onUpdate);
        if (period) {
            f.bool("period", true);
        }
        f.strings("referencedColumns", referencedColumns)
                .object("references", references).string("schema", schema).string("table", table);
    }
}
