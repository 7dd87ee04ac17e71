package dev.driftd.dialect;

import dev.driftd.schema.Snapshot;

/**
 * A snapshot and the catalog marker read in the same transaction. While a later
 * {@link Dialect#catalogMarker} returns the same marker, the catalogs behind the snapshot have not
 * changed and it need not be read again. {@code marker} is null when the dialect has none.
 */
public record MarkedSnapshot(Snapshot snapshot, String marker) {
}
