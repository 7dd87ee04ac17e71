package dev.driftd.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole daemon configuration, immutable. {@code source} names the file it came from;
 * {@code warnings} are things to log at start (a literal secret in the file) that do not stop it.
 * {@link #toString()} is safe to log: secrets print as {@code ***}.
 */
public record Config(String source, ServerConfig server, StoreConfig store, List<FleetConfig> fleets,
                     List<String> warnings) {
    public Config {
        fleets = List.copyOf(fleets);
        warnings = List.copyOf(warnings);
    }

    public Optional<FleetConfig> fleet(String name) {
        return fleets.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
