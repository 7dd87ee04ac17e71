package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL domain over a base type. {@code checkComments} holds the comments on its checks, by
 * check name ({@code COMMENT ON CONSTRAINT c ON DOMAIN d}); they are apart from the checks so a
 * comment alone differing is cosmetic and never re-validates a check.
 */
public record Domain(String schema, String name, String baseType, boolean notNull, String defaultExpression,
                     String collation, List<NamedCheck> checks,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> checkComments,
                     String comment) implements SchemaObject {
    public Domain {
        checks = Lists.copy(checks);
        checkComments = Lists.copy(checkComments);
        comment = Lists.emptyToNull(comment);
    }

    /** A domain whose checks carry no comments. */
    public Domain(String schema, String name, String baseType, boolean notNull, String defaultExpression,
                  String collation, List<NamedCheck> checks, String comment) {
        this(schema, name, baseType, notNull, defaultExpression, collation, checks, Map.of(), comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.DOMAIN, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("baseType", baseType).map("checkComments", checkComments.isEmpty() ? null : checkComments)
                .objects("checks", checks).string("collation", collation).string("comment", comment)
                .string("defaultExpression", defaultExpression).string("name", name).bool("notNull", notNull)
                .string("schema", schema);
    }
}
