package dev.driftd.dialect.postgres;

import dev.driftd.schema.EnumType;
import dev.driftd.schema.Snapshot;

/**
 * Whether a column type names one of a snapshot's enum types. PostgreSQL has no cast from one enum
 * to another, so a column leaving an enum type converts through text ({@code col::text::new}).
 */
final class PgEnumCasts {
    private PgEnumCasts() {
    }

    /** {@code type} as a column shows it: bare or schema-qualified, maybe quoted, maybe an array. */
    static boolean isEnum(Snapshot snapshot, String type) {
        String base = type.replace("[]", "").replace("\"", "");
        int dot = base.lastIndexOf('.');
        String name = dot < 0 ? base : base.substring(dot + 1);
        String schema = dot < 0 ? null : base.substring(0, dot);
        for (EnumType e : snapshot.all(EnumType.class)) {
            if (e.name().equals(name) && (schema == null || schema.equals(e.schema())
                    || schema.equals(snapshot.getScope() == null ? e.schema() : snapshot.getScope().actualSchema(e.schema())))) {
                return true;
            }
        }
        return false;
    }
}
