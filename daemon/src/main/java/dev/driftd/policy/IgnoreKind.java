package dev.driftd.policy;

import dev.driftd.schema.ObjectKind;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds an ignore rule names, as people write them, and the model kinds each covers. {@code any}
 * is only for field rules ({@code {kind: any, pattern: "*", field: comment}}).
 */
public enum IgnoreKind {
    SCHEMA(ObjectKind.SCHEMA),
    TABLE(ObjectKind.TABLE),
    COLUMN(ObjectKind.COLUMN, ObjectKind.COLUMN_STATISTICS),
    INDEX(ObjectKind.INDEX),
    CONSTRAINT(ObjectKind.PRIMARY_KEY, ObjectKind.UNIQUE_CONSTRAINT, ObjectKind.CHECK_CONSTRAINT,
            ObjectKind.EXCLUSION_CONSTRAINT, ObjectKind.FOREIGN_KEY),
    ROUTINE(ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.AGGREGATE),
    TRIGGER(ObjectKind.TRIGGER),
    VIEW(ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW),
    SEQUENCE(ObjectKind.SEQUENCE),
    TYPE(ObjectKind.ENUM_TYPE, ObjectKind.DOMAIN, ObjectKind.COMPOSITE_TYPE),
    PRIVILEGE(ObjectKind.PRIVILEGE),
    EXTENSION(ObjectKind.EXTENSION),
    EVENT(ObjectKind.EVENT),
    POLICY(ObjectKind.POLICY),
    ANY();

    private final Set<ObjectKind> covers;

    IgnoreKind(ObjectKind... kinds) {
        this.covers = kinds.length == 0 ? EnumSet.allOf(ObjectKind.class) : EnumSet.of(kinds[0], kinds);
    }

    public boolean covers(ObjectKind kind) {
        return covers.contains(kind);
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code word}; IllegalArgumentException listing the known ones. */
    public static IgnoreKind parse(String word) {
        for (IgnoreKind k : values()) {
            if (k.word().equals(word == null ? "" : word.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + word + "' (expected one of "
                + Stream.of(values()).map(IgnoreKind::word).collect(Collectors.joining(", ")) + ")");
    }
}
