package dev.driftd.schema;

/**
 * Every kind of object a snapshot can hold. The declaration order is the canonical order of a
 * snapshot and the order in which creates are planned (drops go the other way).
 */
public enum ObjectKind {
    SCHEMA,
    EXTENSION,
    COLLATION,
    TEXT_SEARCH_DICTIONARY,
    TEXT_SEARCH_CONFIGURATION,
    ENUM_TYPE,
    DOMAIN,
    COMPOSITE_TYPE,
    SEQUENCE,
    FUNCTION,
    AGGREGATE,
    TABLE,
    COLUMN,
    /** A column's own {@code SET STATISTICS} target (PostgreSQL). */
    COLUMN_STATISTICS,
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
    /** Rules on tables other than a view's own ({@code CREATE RULE}, PostgreSQL). */
    RULE,
    EVENT,
    POLICY,
    /** Privileges granted on an object to a role other than its owner (PostgreSQL). */
    PRIVILEGE,

    // Kinds a server holds that the model does not (yet) compare. They never name an object of a
    // snapshot; an inspector that finds one lists its kind in Snapshot.notInspected, so a diff
    // says what it did not compare instead of reporting "in sync" for it.
    TEXT_SEARCH_PARSER,
    TEXT_SEARCH_TEMPLATE,
    OPERATOR,
    OPERATOR_CLASS,
    OPERATOR_FAMILY,
    CAST,
    CONVERSION,
    /** {@code CREATE TYPE ... AS RANGE} (with its multirange). */
    RANGE_TYPE,
    /** Base and shell types ({@code CREATE TYPE name (INPUT = ...)}). */
    BASE_TYPE,
    /** {@code CREATE STATISTICS}. */
    EXTENDED_STATISTICS,
    FOREIGN_TABLE,
    FOREIGN_DATA_WRAPPER,
    FOREIGN_SERVER,
    USER_MAPPING,
    EVENT_TRIGGER,
    PUBLICATION,
    LANGUAGE,
    TRANSFORM,
    ACCESS_METHOD,
    /** {@code ALTER DEFAULT PRIVILEGES}. */
    DEFAULT_PRIVILEGE,
    /** MariaDB {@code CREATE PACKAGE} / {@code PACKAGE BODY} (sql_mode=ORACLE). */
    PACKAGE;

    /** Lower-case, space-separated, as people write it ("foreign key"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Objects that live inside a table and are named relative to it. */
    public boolean isTablePart() {
        return switch (this) {
            case COLUMN, COLUMN_STATISTICS, PRIMARY_KEY, UNIQUE_CONSTRAINT, CHECK_CONSTRAINT, EXCLUSION_CONSTRAINT,
                 INDEX, FOREIGN_KEY, TRIGGER, RULE, POLICY -> true;
            default -> false;
        };
    }
}
