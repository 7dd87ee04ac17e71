package dev.driftd.fleet;

import dev.driftd.schema.Snapshot;

/** The golden schema one sweep compares against, or why it could not be had ({@code snapshot} null). */
public record Golden(Snapshot snapshot, String source, String error) {
    public static Golden of(Snapshot snapshot, String source) {
        return new Golden(snapshot, source, null);
    }

    public static Golden failed(String source, String error) {
        return new Golden(null, source, error);
    }

    public boolean resolved() {
        return snapshot != null;
    }

    public String fingerprint() {
        return snapshot == null ? null : snapshot.fingerprint();
    }
}
