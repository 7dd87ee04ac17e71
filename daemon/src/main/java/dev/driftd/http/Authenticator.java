package dev.driftd.http;

import dev.driftd.config.Role;
import dev.driftd.config.ServerConfig;
import dev.driftd.config.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the token a request presents. Secrets are kept only as SHA-256 digests and compared in
 * constant time against every token (no early exit), so neither timing nor a heap dump of this
 * object gives a secret away. Immutable: a reloaded configuration gets a new one.
 */
public final class Authenticator {
    private record Entry(ApiToken token, byte[] digest) {
    }

    private final List<Entry> entries;
    private final byte[] metricsDigest;

    /** @param metricsSecret the token /metrics asks for; null when /metrics is open */
    public Authenticator(List<ApiToken> tokens, String metricsSecret) {
        this.entries = tokens.stream()
                .map(t -> new Entry(new ApiToken(t.name(), t.role(), "-"), digest(t.secret())))
                .toList();
        this.metricsDigest = metricsSecret == null ? null : digest(metricsSecret);
    }

    /** The tokens of a {@code server:} section. */
    public static Authenticator of(ServerConfig server) {
        List<ApiToken> tokens = server.tokens().stream()
                .map(t -> new ApiToken(t.name(), t.role(), t.secret().reveal()))
                .toList();
        return new Authenticator(tokens, Secret.reveal(server.metricsToken()));
    }

    public boolean hasTokens() {
        return !entries.isEmpty();
    }

    /** True when role {@code has} may call an endpoint that needs {@code needed}: admin may do everything. */
    public static boolean allows(Role has, Role needed) {
        return has == Role.ADMIN || has == needed;
    }

    /** The token (its secret blanked) named by an {@code Authorization: Bearer ...} header; empty when none matches. */
    public Optional<ApiToken> authenticate(String authorization) {
        byte[] presented = presented(authorization);
        if (presented == null) {
            return Optional.empty();
        }
        ApiToken found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), presented) && found == null) {
                found = e.token();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Null when /metrics is open; else whether the header carries the metrics token. */
    public Boolean metricsTokenMatches(String authorization) {
        if (metricsDigest == null) {
            return null;
        }
        byte[] presented = presented(authorization);
        return presented != null && MessageDigest.isEqual(metricsDigest, presented);
    }

    private static byte[] presented(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return digest(value.substring(7).trim());
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
