package dev.driftd.schema;

/**
 * Every kind of object a snapshot can hold. The declaration order is the canonical order of a
 * snapshot and the order in which creates are planned (drops go the other way).
 */
public enum ObjectKind {
    SCHEMA,
    EXTENSION,
    ENUM_TYPE,
    DOMAIN,
    COMPOSITE_TYPE,
    SEQUENCE,
    FUNCTION,
    TABLE,
    COLUMN,
    PRIMARY_KEY,
    UNIQUE_CONSTRAINT,
    CHECK_CONSTRAINT,
    EXCLUSION_CONSTRAINT,
    INDEX,
    FOREIGN_KEY,
    VIEW,
    MATERIALIZED_VIEW,
    PROCEDURE,
    TRIGGER,
    EVENT,
    POLICY,
    /** Privileges granted on an object to a role other than its owner (PostgreSQL). */
    PRIVILEGE;

    /** Lower-case, space-separated, as people write it ("foreign key"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Objects that live inside a table and are named relative to it. */
    public boolean isTablePart() {
        return switch (this) {
            case COLUMN, PRIMARY_KEY, UNIQUE_CONSTRAINT, CHECK_CONSTRAINT, EXCLUSION_CONSTRAINT,
                 INDEX, FOREIGN_KEY, TRIGGER, POLICY -> true;
            default -> false;
        };
    }
}
