package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One object of a snapshot. Implementations are immutable records whose components are the
 * object's whole normalized state: two objects with equal components are the same schema.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SchemaDef.class, name = "schema"),
        @JsonSubTypes.Type(value = Extension.class, name = "extension"),
        @JsonSubTypes.Type(value = EnumType.class, name = "enum"),
        @JsonSubTypes.Type(value = Domain.class, name = "domain"),
        @JsonSubTypes.Type(value = CompositeType.class, name = "composite"),
        @JsonSubTypes.Type(value = Sequence.class, name = "sequence"),
        @JsonSubTypes.Type(value = Table.class, name = "table"),
        @JsonSubTypes.Type(value = Column.class, name = "column"),
        @JsonSubTypes.Type(value = PrimaryKey.class, name = "primaryKey"),
        @JsonSubTypes.Type(value = UniqueConstraint.class, name = "unique"),
        @JsonSubTypes.Type(value = CheckConstraint.class, name = "check"),
        @JsonSubTypes.Type(value = ExclusionConstraint.class, name = "exclusion"),
        @JsonSubTypes.Type(value = ForeignKey.class, name = "foreignKey"),
        @JsonSubTypes.Type(value = Index.class, name = "index"),
        @JsonSubTypes.Type(value = View.class, name = "view"),
        @JsonSubTypes.Type(value = Routine.class, name = "routine"),
        @JsonSubTypes.Type(value = Trigger.class, name = "trigger"),
        @JsonSubTypes.Type(value = Event.class, name = "event"),
        @JsonSubTypes.Type(value = Policy.class, name = "policy"),
        @JsonSubTypes.Type(value = Privilege.class, name = "privilege"),
        @JsonSubTypes.Type(value = Collation.class, name = "collation"),
        @JsonSubTypes.Type(value = TextSearchDictionary.class, name = "textSearchDictionary"),
        @JsonSubTypes.Type(value = TextSearchConfiguration.class, name = "textSearchConfiguration"),
        @JsonSubTypes.Type(value = Aggregate.class, name = "aggregate"),
        @JsonSubTypes.Type(value = ColumnStatistics.class, name = "columnStatistics"),
        @JsonSubTypes.Type(value = Rule.class, name = "rule"),
})
public sealed interface SchemaObject extends JsonWritable
        permits SchemaDef, Extension, EnumType, Domain, CompositeType, Sequence, Table, Column,
        PrimaryKey, UniqueConstraint, CheckConstraint, ExclusionConstraint, ForeignKey, Index,
        View, Routine, Trigger, Event, Policy, Privilege, Collation, TextSearchDictionary, TextSearchConfiguration,
        Aggregate, ColumnStatistics, Rule {

    @JsonIgnore
    ObjectKey key();

    @JsonIgnore
    default ObjectKind kind() {
        return key().kind();
    }

    /** The object's comment, or null. Comments are schema: a differing comment is drift. */
    String comment();
}
