package dev.driftd.http;

import dev.driftd.config.Role;

import java.util.Objects;

/** A named bearer token. {@link #toString()} never shows the secret, so a token can be logged. */
public record ApiToken(String name, Role role, String secret) {
    public ApiToken {
        Objects.requireNonNull(name, "token name");
        Objects.requireNonNull(role, "token role");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("token '" + name + "' has an empty secret");
        }
    }

    @Override
    public String toString() {
        return "ApiToken[name=" + name + ", role=" + role.label() + "]";
    }
}
