package dev.driftd.http;

import dev.driftd.config.Role;

/**
 * Who made a request, as the router authenticated it: the token's name and role (never its
 * secret). Handlers take it from the router instead of reading the Authorization header again;
 * plans, rollouts, waivers and the audit log record its name.
 */
public record Caller(String name, Role role) {
    /** The caller of a route that needs no token (probes, the console's files, an open /metrics). */
    public static final Caller ANONYMOUS = new Caller(null, null);

    static Caller of(ApiToken token) {
        return new Caller(token.name(), token.role());
    }

    public boolean anonymous() {
        return name == null;
    }
}
