package dev.driftd.waiver;

import java.time.Instant;
import java.util.List;

/**
 * Accepted drift of one member: these exact changes, accepted by {@code owner} for {@code reason}
 * until {@code expires}. {@code source} is {@code api} (made through the API, kept in the store,
 * removable there) or {@code config} (declared in the YAML, read-only through the API).
 * {@code createdBy} is the token name that made it ({@code config} for the configuration's).
 */
public record Waiver(String id, String fleet, String member, String owner, String reason, String createdBy,
                     Instant created, Instant expires, List<WaivedChange> changes, String source) {
    public static final String API = "api";
    public static final String CONFIG = "config";

    public Waiver {
        changes = List.copyOf(changes);
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expires);
    }

    public boolean fromConfig() {
        return CONFIG.equals(source);
    }
}
