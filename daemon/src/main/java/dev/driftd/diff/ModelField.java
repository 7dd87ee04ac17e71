package dev.driftd.diff;

import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.CompositeType;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.Event;
import dev.driftd.schema.ExclusionConstraint;
import dev.driftd.schema.Extension;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Table;
import dev.driftd.schema.TextSearchConfiguration;
import dev.driftd.schema.TextSearchDictionary;
import dev.driftd.schema.UniqueConstraint;
import dev.driftd.schema.View;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A field a {@link Change} can report, named after the model record component it comes from. The
 * differ names changed fields by their canonical JSON names, which are the component names (checked by
 * {@code ModelJsonTest}); a planner asks about them through these constants rather than through strings,
 * and each constant checks, when its class loads, that every owner still has the component, so renaming
 * a component fails the first test that plans anything instead of silently skipping a statement.
 *
 * <p>{@code owners} are the model records the field belongs to; {@link #COLUMN_ORDER} is the one field
 * the differ reports that no component holds.
 */
public record ModelField(String name, Set<Class<? extends SchemaObject>> owners) {
    public static final ModelField COMMENT = everywhere("comment");
    public static final ModelField NOT_VALID = of("notValid", CheckConstraint.class, ForeignKey.class);

    public static final ModelField TABLE_KIND = of("tableKind", Table.class);
    public static final ModelField TABLE_PARTITION_KEY = of("partitionKey", Table.class);
    public static final ModelField TABLE_OPTIONS = of("options", Table.class);
    public static final ModelField TABLE_PARTITION_OF = of("partitionOf", Table.class);
    public static final ModelField TABLE_PARTITION_BOUND = of("partitionBound", Table.class);
    public static final ModelField TABLE_INHERITS = of("inherits", Table.class);
    public static final ModelField TABLE_ROW_SECURITY = of("rowSecurity", Table.class);
    public static final ModelField TABLE_FORCE_ROW_SECURITY = of("forceRowSecurity", Table.class);
    /** The order of the columns a table shares with golden: reported by the differ, held by no component. */
    public static final ModelField COLUMN_ORDER = new ModelField("columnOrder", Set.of(Table.class));

    public static final ModelField COLUMN_TYPE = of("type", Column.class);
    public static final ModelField COLUMN_COLLATION = of("collation", Column.class);
    public static final ModelField COLUMN_GENERATED = of("generated", Column.class);
    public static final ModelField COLUMN_GENERATED_KIND = of("generatedKind", Column.class);
    public static final ModelField COLUMN_IDENTITY = of("identity", Column.class);
    public static final ModelField COLUMN_DEFAULT = of("defaultExpression", Column.class);
    public static final ModelField COLUMN_NULLABLE = of("nullable", Column.class);
    public static final ModelField COLUMN_NOT_NULL_NAME = of("notNullName", Column.class);
    public static final ModelField COLUMN_NOT_NULL_NOT_VALID = of("notNullNotValid", Column.class);
    public static final ModelField COLUMN_NOT_NULL_NO_INHERIT = of("notNullNoInherit", Column.class);

    public static final ModelField EXTENSION_SCHEMA = of("schema", Extension.class);
    public static final ModelField EXTENSION_VERSION = of("version", Extension.class);
    public static final ModelField ENUM_LABELS = of("labels", EnumType.class);
    public static final ModelField DOMAIN_BASE_TYPE = of("baseType", Domain.class);
    public static final ModelField DOMAIN_COLLATION = of("collation", Domain.class);
    public static final ModelField DOMAIN_DEFAULT = of("defaultExpression", Domain.class);
    public static final ModelField DOMAIN_NOT_NULL = of("notNull", Domain.class);
    public static final ModelField DOMAIN_CHECKS = of("checks", Domain.class);
    public static final ModelField DOMAIN_CHECK_COMMENTS = of("checkComments", Domain.class);
    public static final ModelField COMPOSITE_ATTRIBUTES = of("attributes", CompositeType.class);
    /** The comment on the index behind a primary key, unique or exclusion constraint. */
    public static final ModelField INDEX_COMMENT = of("indexComment", PrimaryKey.class, UniqueConstraint.class,
            ExclusionConstraint.class);
    /** Comments on a view's columns or a composite type's attributes, by name. */
    public static final ModelField COLUMN_COMMENTS = of("columnComments", View.class, CompositeType.class);
    public static final ModelField SEQUENCE_OWNED_BY = of("ownedBy", Sequence.class);
    public static final ModelField DICTIONARY_TEMPLATE = of("template", TextSearchDictionary.class);
    public static final ModelField DICTIONARY_OPTIONS = of("options", TextSearchDictionary.class);
    public static final ModelField CONFIGURATION_PARSER = of("parser", TextSearchConfiguration.class);
    public static final ModelField EVENT_STATUS = of("status", Event.class);

    public ModelField {
        owners = Set.copyOf(owners);
    }

    /** The component {@code name} of each owner; fails when one of them has no such component. */
    @SafeVarargs
    public static ModelField of(String name, Class<? extends SchemaObject>... owners) {
        for (Class<? extends SchemaObject> owner : owners) {
            if (!hasComponent(owner, name)) {
                throw new IllegalStateException(owner.getSimpleName() + " has no component " + name);
            }
        }
        return new ModelField(name, Set.of(owners));
    }

    /** The component {@code name} of every model record that has one (a comment, on any kind that takes one). */
    @SuppressWarnings("unchecked")
    static ModelField everywhere(String name) {
        List<Class<? extends SchemaObject>> owners = Arrays.stream(SchemaObject.class.getPermittedSubclasses())
                .filter(c -> hasComponent(c, name)).<Class<? extends SchemaObject>>map(c -> (Class<? extends SchemaObject>) c).toList();
        if (owners.isEmpty()) {
            throw new IllegalStateException("no model record has a component " + name);
        }
        return new ModelField(name, Set.copyOf(owners));
    }

    private static boolean hasComponent(Class<?> owner, String name) {
        RecordComponent[] components = owner.getRecordComponents();
        return components != null && Arrays.stream(components).anyMatch(c -> c.getName().equals(name));
    }

    /** Whether {@code change} reports this field. */
    public boolean in(FieldChange change) {
        return change.field().equals(name);
    }

    /** Whether {@code change} is to a comment: an object's own, or those on its checks, columns or attributes. */
    public static boolean isComment(FieldChange change) {
        return COMMENT.in(change) || DOMAIN_CHECK_COMMENTS.in(change) || COLUMN_COMMENTS.in(change)
                || INDEX_COMMENT.in(change);
    }

    /** Whether this field belongs to {@code object}'s record. */
    public boolean belongsTo(SchemaObject object) {
        return object != null && owners.contains(object.getClass());
    }

    @Override
    public String toString() {
        return name;
    }
}
