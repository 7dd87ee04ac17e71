package dev.driftd.dialect;

/**
 * The catalog marker of every schema of one database, read with one query (schema-per-tenant
 * fleets): a schema's marker moves with every change to what {@link Dialect#inspect} reads for
 * that schema, and stays put when only other schemas changed. Compared only with markers from the
 * same method, never with {@link Dialect#catalogMarker}'s.
 */
public interface SchemaMarkers {
    /** The schema's marker; null when the database has no such schema. */
    String of(String schema);

    /**
     * True when this answer was taken over from the previous one because the database-wide marker
     * had not moved (no per-schema query ran).
     */
    boolean carriedOver();
}
