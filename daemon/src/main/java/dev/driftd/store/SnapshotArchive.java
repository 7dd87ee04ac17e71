package dev.driftd.store;

import dev.driftd.schema.Snapshot;

import java.util.List;
import java.util.Optional;

/** Stored snapshots by fingerprint, as a pinned {@code snapshot} golden reads them (the store implements it). */
public interface SnapshotArchive {
    Optional<Snapshot> snapshot(String fingerprint);

    /** Stored fingerprints starting with {@code prefix} (a few at most). */
    List<String> fingerprintsStartingWith(String prefix);
}
