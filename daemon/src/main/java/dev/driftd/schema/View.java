package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A view or materialized view. {@code definition} is the query as the server normalizes it, with
 * names of the scope unqualified; {@code options} holds e.g. {@code check_option},
 * {@code security_barrier}; {@code columns} the output column names in order; {@code columnComments}
 * the comments on those columns, by name (apart from {@code columns}, so a comment alone differing
 * is cosmetic).
 * {@code charset} is what a MySQL/MariaDB object was created under (see {@link CreationCharset}): reported,
 * stored and re-applied by the planner, never fingerprinted or compared (null when not known).
 */
public record View(String schema, String name, boolean materialized, String definition, List<String> columns,
                   Map<String, String> options, String comment,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> columnComments,
                   CreationCharset charset) implements SchemaObject {
    public View {
        columns = Lists.copy(columns);
        options = Lists.copy(options);
        comment = Lists.emptyToNull(comment);
        columnComments = Lists.copy(columnComments);
    }

    public View(String schema, String name, boolean materialized, String definition, List<String> columns,
                Map<String, String> options, String comment) {
        this(schema, name, materialized, definition, columns, options, comment, Map.of(), null);
    }

    /** A MySQL-family view: no column comments, the charset it was created under. */
    public View(String schema, String name, boolean materialized, String definition, List<String> columns,
                Map<String, String> options, String comment, CreationCharset charset) {
        this(schema, name, materialized, definition, columns, options, comment, Map.of(), charset);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        if (!f.canonical()) {
            f.object("charset", charset);
        }
        f.map("columnComments", columnComments.isEmpty() ? null : columnComments)
                .strings("columns", columns).string("comment", comment).string("definition", definition)
                .bool("materialized", materialized).string("name", name).map("options", options).string("schema", schema);
    }
}
