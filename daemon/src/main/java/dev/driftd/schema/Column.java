package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A column. {@code type} is the normalized type with length/precision ({@code varchar(40)},
 * {@code numeric(10,2)}, {@code int unsigned}); {@code defaultExpression} is normalized per flavor
 * (no cast decoration, literals in one quoting style). {@code identity} is {@code ALWAYS} or
 * {@code BY DEFAULT} for PostgreSQL identity columns; {@code generatedKind} is {@code STORED}
 * or {@code VIRTUAL} when {@code generated} holds an expression. {@code position} is the 1-based
 * rank among live columns: schema in the MySQL family, only reported in PostgreSQL.
 *
 * <p>PostgreSQL 18 keeps a column's NOT NULL as a named constraint: {@code notNullName} is its name
 * when it is not the one the server picks itself ({@code <table>_<column>_not_null}), so a plain
 * NOT NULL reads as on earlier versions; {@code notNullNotValid} / {@code notNullNoInherit} are
 * {@code NOT VALID} and {@code NO INHERIT}. All three are only set on a NOT NULL column and are
 * written to JSON only when set, so fingerprints of columns without them are unchanged.
 */
public record Column(String schema, String table, String name, int position, String type, boolean nullable,
                     String defaultExpression, String identity, String generated, String generatedKind,
                     String charset, String collation, boolean autoIncrement, String onUpdate,
                     boolean invisible, String comment, String notNullName,
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notNullNotValid,
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notNullNoInherit) implements SchemaObject {
    public Column {
        defaultExpression = Lists.emptyToNull(defaultExpression);
        identity = Lists.emptyToNull(identity);
        generated = Lists.emptyToNull(generated);
        generatedKind = generated == null ? null : Lists.emptyToNull(generatedKind);
        charset = Lists.emptyToNull(charset);
        collation = Lists.emptyToNull(collation);
        onUpdate = Lists.emptyToNull(onUpdate);
        comment = Lists.emptyToNull(comment);
        notNullName = Lists.emptyToNull(notNullName);
    }

    /** A column whose NOT NULL, if any, is a plain one (every server before PostgreSQL 18, most columns on it). */
    public Column(String schema, String table, String name, int position, String type, boolean nullable,
                  String defaultExpression, String identity, String generated, String generatedKind,
                  String charset, String collation, boolean autoIncrement, String onUpdate,
                  boolean invisible, String comment) {
        this(schema, table, name, position, type, nullable, defaultExpression, identity, generated, generatedKind,
                charset, collation, autoIncrement, onUpdate, invisible, comment, null, false, false);
    }

    /** True when the NOT NULL constraint is more than plain: named, NOT VALID or NO INHERIT. */
    public boolean hasNotNullConstraintDetails() {
        return notNullName != null || notNullNotValid || notNullNoInherit;
    }

    /** A nullable column with only a type, for tests. */
    public static Column of(String schema, String table, String name, int position, String type) {
        return new Column(schema, table, name, position, type, true, null, null, null, null, null, null,
                false, null, false, null);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.part(ObjectKind.COLUMN, schema, table, name);
    }

    /** Equal in everything but position: the differ's test for most columns, without allocating. */
    public boolean equalsIgnoringPosition(Column o) {
        return nullable == o.nullable && autoIncrement == o.autoIncrement && invisible == o.invisible
                && name.equals(o.name) && java.util.Objects.equals(type, o.type)
                && java.util.Objects.equals(table, o.table) && java.util.Objects.equals(schema, o.schema)
                && java.util.Objects.equals(defaultExpression, o.defaultExpression)
                && java.util.Objects.equals(identity, o.identity) && java.util.Objects.equals(generated, o.generated)
                && java.util.Objects.equals(generatedKind, o.generatedKind)
                && java.util.Objects.equals(charset, o.charset) && java.util.Objects.equals(collation, o.collation)
                && java.util.Objects.equals(onUpdate, o.onUpdate) && java.util.Objects.equals(comment, o.comment)
                && java.util.Objects.equals(notNullName, o.notNullName) && notNullNotValid == o.notNullNotValid
                && notNullNoInherit == o.notNullNoInherit;
    }

    public Column withPosition(int newPosition) {
        return new Column(schema, table, name, newPosition, type, nullable, defaultExpression, identity, generated,
                generatedKind, charset, collation, autoIncrement, onUpdate, invisible, comment, notNullName,
                notNullNotValid, notNullNoInherit);
    }

    /** Position is reported but, in the canonical form, left out: it is not part of a column's identity. */
    @Override
    public void writeFields(JsonFields f) {
        f.bool("autoIncrement", autoIncrement).string("charset", charset).string("collation", collation)
                .string("comment", comment).string("defaultExpression", defaultExpression).string("generated", generated)
                .string("generatedKind", generatedKind).string("identity", identity).bool("invisible", invisible)
                .string("name", name).string("notNullName", notNullName);
        if (notNullNoInherit) {
            f.bool("notNullNoInherit", true);
        }
        if (notNullNotValid) {
            f.bool("notNullNotValid", true);
        }
        f.bool("nullable", nullable).string("onUpdate", onUpdate);
        if (!f.canonical()) {
            f.number("position", position);
        }
        f.string("schema", schema).string("table", table).string("type", type);
    }
}
