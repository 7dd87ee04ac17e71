package dev.driftd.schema;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fingerprints are stored, pinned in configs ({@code golden: {snapshot: …}}) and bind plans and
 * rollouts, so they must never change by accident. Each fixture under
 * {@code src/test/resources/fingerprints/model-N/} is a small real snapshot ({@code driftd snapshot}
 * of the {@code .sql} beside it), the exact canonical bytes its fingerprint hashes, and, here, the
 * literal fingerprint. The literal is checked against the JDK's own SHA-256 of the pinned bytes,
 * not against production code, so a changed digest, separator, field, order or normalization of
 * the canonical form fails here. When such a change is intended: bump {@link Snapshot#MODEL}, add
 * {@code model-N+1} fixtures (run with {@code -Ddriftd.renewFingerprints=true} to write the
 * canonical files, then paste the printed literals), and follow docs/fingerprints.md.
 */
class PinnedFingerprintsTest {
    enum Fixture {
        POSTGRES_SMALL("postgres-small", "7d93e576b7d056c00b1cce5ca57721918743b9caa53824dfd187bb95a95baa01"),
        MARIADB_SMALL("mariadb-small", "1e7fe9c3c8437568a9bb5bdbd6392823e2e4b80b6bc59b92fb34ddbb796d6b5d");

        final String name;
        final String fingerprint;

        Fixture(String name, String fingerprint) {
            this.name = name;
            this.fingerprint = fingerprint;
        }

        String resource(String suffix) {
            return "/fingerprints/model-" + Snapshot.MODEL + "/" + name + suffix;
        }
    }

    private static final boolean RENEW = Boolean.getBoolean("driftd.renewFingerprints");

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void theFingerprintIsTheLiteral(Fixture f) throws Exception {
        Snapshot s = read(f);
        if (RENEW) {
            Path out = Path.of("src/test/resources").resolve(f.resource(".canonical").substring(1));
            Files.write(out, s.canonicalBytes());
            throw new AssertionError("renewed " + out + "; its fingerprint is " + s.fingerprint()
                    + " (paste it into " + f + ", then run again without -Ddriftd.renewFingerprints)");
        }
        assertEquals(f.fingerprint, s.fingerprint(), f.name + ": fingerprint changed: if on purpose, "
                + "bump Snapshot.MODEL and add model-" + (Snapshot.MODEL + 1) + " fixtures (docs/fingerprints.md)");
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void theCanonicalBytesAreThePinnedFile(Fixture f) throws Exception {
        String pinned = new String(bytes(f.resource(".canonical")), StandardCharsets.UTF_8);
        // as strings, so a failure shows which object's canonical JSON moved
        assertEquals(pinned, new String(read(f).canonicalBytes(), StandardCharsets.UTF_8), f.name);
    }

    /** The oracle is the JDK, not CanonicalDigest: swapping the digest or its framing fails above, not here. */
    @ParameterizedTest
    @EnumSource(Fixture.class)
    void theLiteralIsSha256OfThePinnedBytes(Fixture f) throws Exception {
        byte[] canonical = bytes(f.resource(".canonical"));
        assertThat(canonical.length).as("a real snapshot, not an empty file").isGreaterThan(1000);
        assertThat(new String(canonical, StandardCharsets.UTF_8)).endsWith("\n").doesNotContain("\r");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        assertEquals(f.fingerprint, sha256);
        assertThat(f.fingerprint).matches("[0-9a-f]{64}");
    }

    /** The snapshot JSON ({@code driftd snapshot}, the store's body) is pinned too: it reads back and writes the same bytes. */
    @ParameterizedTest
    @EnumSource(Fixture.class)
    void theSnapshotJsonWritesBackByteForByte(Fixture f) throws Exception {
        String file = new String(bytes(f.resource(".json")), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        read(f).writeJson(out);
        assertEquals(file, out + "\n", f.name); // driftd snapshot ends the output with a newline
    }

    @Test
    void postgresColumnPositionIsNotFingerprinted() throws Exception {
        String json = new String(bytes(Fixture.POSTGRES_SMALL.resource(".json")), StandardCharsets.UTF_8);
        Snapshot moved = Canonical.MAPPER.readValue(json.replace("\"position\" : 1,", "\"position\" : 7,"),
                Snapshot.class);
        assertThat(moved.columnsOf("public", "customers").get(0).position()).isNotEqualTo(1);
        assertEquals(Fixture.POSTGRES_SMALL.fingerprint, moved.fingerprint());
    }

    @Test
    void mysqlColumnOrderIsFingerprinted() throws Exception {
        String json = new String(bytes(Fixture.MARIADB_SMALL.resource(".json")), StandardCharsets.UTF_8);
        // customers.created moves from third to first: same columns, another order
        Snapshot reordered = Canonical.MAPPER.readValue(json
                .replace("\"position\" : 3,\n    \"schema\" : \"\",\n    \"table\" : \"customers\"",
                        "\"position\" : 0,\n    \"schema\" : \"\",\n    \"table\" : \"customers\""), Snapshot.class);
        assertThat(reordered.columnsOf("", "customers").get(0).name()).isEqualTo("created");
        assertThat(reordered.fingerprint()).isNotEqualTo(Fixture.MARIADB_SMALL.fingerprint);
    }

    /** Flavor, server version and scope are recorded, not hashed: a MySQL member with MariaDB's schema agrees. */
    @Test
    void flavorServerAndScopeAreNotFingerprinted() throws Exception {
        String json = new String(bytes(Fixture.MARIADB_SMALL.resource(".json")), StandardCharsets.UTF_8);
        Snapshot asMysql = Canonical.MAPPER.readValue(json.replace("\"MARIADB\"", "\"MYSQL\"")
                .replace("10.11.19-MariaDB-0+deb12u1", "8.0.40").replace("\"shop\"", "\"tenant_42\""), Snapshot.class);
        assertThat(asMysql.getFlavor()).isEqualTo(Flavor.MYSQL);
        assertEquals(Fixture.MARIADB_SMALL.fingerprint, asMysql.fingerprint());
    }

    /** The rule of docs/fingerprints.md: a stored fingerprint is a name, never trusted; reading re-fingerprints. */
    @Test
    void aStoredFingerprintIsRecomputedOnRead() throws Exception {
        String json = new String(bytes(Fixture.POSTGRES_SMALL.resource(".json")), StandardCharsets.UTF_8);
        Snapshot s = Canonical.MAPPER.readValue(json.replace(Fixture.POSTGRES_SMALL.fingerprint, "0".repeat(64)),
                Snapshot.class);
        assertEquals(Fixture.POSTGRES_SMALL.fingerprint, s.fingerprint());
    }

    @Test
    void aSnapshotWithoutModelIsModelOne() throws Exception {
        String json = new String(bytes(Fixture.POSTGRES_SMALL.resource(".json")), StandardCharsets.UTF_8);
        String before = json.replace("  \"model\" : 1,\n", "");
        assertThat(before).isNotEqualTo(json);
        assertEquals(Fixture.POSTGRES_SMALL.fingerprint, Canonical.MAPPER.readValue(before, Snapshot.class).fingerprint());
        assertThat(Snapshot.MODEL).as("fixtures exist for the current model").isEqualTo(1);
    }

    @Test
    void aSnapshotOfANewerModelIsRefused() throws Exception {
        String json = new String(bytes(Fixture.POSTGRES_SMALL.resource(".json")), StandardCharsets.UTF_8);
        String newer = json.replace("\"model\" : 1,", "\"model\" : " + (Snapshot.MODEL + 1) + ",");
        assertThatThrownBy(() -> Canonical.MAPPER.readValue(newer, Snapshot.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("snapshot written by a newer driftd (fingerprint model " + (Snapshot.MODEL + 1)
                        + ", this one knows " + Snapshot.MODEL + ")");
    }

    private static Snapshot read(Fixture f) throws IOException {
        return Canonical.MAPPER.readValue(bytes(f.resource(".json")), Snapshot.class);
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = PinnedFingerprintsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            return in.readAllBytes();
        }
    }
}
