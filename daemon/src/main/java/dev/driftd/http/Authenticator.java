package dev.driftd.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the token a request presents. Secrets are kept only as SHA-256 digests and compared in
 * constant time against every token (no early exit), so neither timing nor a heap dump of this
 * class gives a secret away. Tokens can be replaced at run time (config reload).
 */
public final class Authenticator {
    private record Entry(ApiToken token, byte[] digest) {
    }

    private volatile List<Entry> entries = List.of();

    public Authenticator(List<ApiToken> tokens) {
        update(tokens);
    }

    public void update(List<ApiToken> tokens) {
        entries = tokens.stream()
                .map(t -> new Entry(new ApiToken(t.name(), t.role(), "-"), digest(t.secret())))
                .toList();
    }

    public boolean hasTokens() {
        return !entries.isEmpty();
    }

    /** The token (its secret blanked) named by an {@code Authorization: Bearer ...} header; empty when none matches. */
    public Optional<ApiToken> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = digest(value.substring(7).trim());
        ApiToken found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), presented) && found == null) {
                found = e.token();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
