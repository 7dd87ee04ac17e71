package dev.driftd.config;

/** One bearer token of the admin API: a name for logs and audit, a role, the secret. */
public record TokenConfig(String name, Role role, Secret secret) {
}
