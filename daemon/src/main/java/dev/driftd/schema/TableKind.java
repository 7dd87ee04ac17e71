package dev.driftd.schema;

public enum TableKind {
    /** An ordinary table (a PostgreSQL partition is one too, with {@code partitionOf} set). */
    TABLE,
    /** A PostgreSQL partitioned parent, which holds no rows itself. */
    PARTITIONED
}
