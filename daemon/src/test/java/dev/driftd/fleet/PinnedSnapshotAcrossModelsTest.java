package dev.driftd.fleet;

import dev.driftd.testing.Stores;
import dev.driftd.config.GoldenConfig;
import dev.driftd.config.StoreConfig;
import dev.driftd.engine.Engine;
import dev.driftd.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade rule of docs/fingerprints.md, through the real store: a row written by an older
 * fingerprint model keeps its old key (so {@code golden: {snapshot: OLD}} still resolves), and the
 * golden it resolves to carries the fingerprint of the current model, computed from its objects.
 */
class PinnedSnapshotAcrossModelsTest {
    /** The PostgreSQL fixture's fingerprint under model 1 (PinnedFingerprintsTest pins the same literal). */
    static final String CURRENT = "7d93e576b7d056c00b1cce5ca57721918743b9caa53824dfd187bb95a95baa01";
    /** What an older model called the same schema: another digest of other bytes. */
    static final String OLD = "0123abcd" + "5".repeat(56);

    @TempDir
    Path dir;

    @Test
    void aPinnedSnapshotOfAnOlderModelResolvesUnderItsOldKeyWithTheCurrentFingerprint() throws Exception {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/fingerprints/model-1/postgres-small.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(CURRENT, OLD).replace("  \"model\" : 1,\n", ""); // a body as an older driftd stored it
        }
        assertThat(body).doesNotContain(CURRENT).doesNotContain("\"model\"");
        StoreConfig config = new StoreConfig("jdbc:h2:file:" + dir.resolve("driftd"), null, null,
                StoreConfig.DEFAULT_RETENTION);
        try (Store store = Stores.open(config)) {
            try (Connection c = DriverManager.getConnection(config.url());
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO driftd_snapshot (fingerprint, flavor, created, body) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, OLD);
                ins.setString(2, "POSTGRES");
                ins.setObject(3, OffsetDateTime.now());
                ins.setString(4, body);
                assertThat(ins.executeUpdate()).isEqualTo(1);
            }
            GoldenResolver resolver = new GoldenResolver(new Engine(), store);
            Golden g = resolver.resolve(TestFleets.fleet("t21a_pin")
                    .golden(new GoldenConfig.Snapshot(OLD.substring(0, 8)))
                    .member("m", "jdbc:postgresql://127.0.0.1:1/unused").build(), Map.of(), Map.of());
            assertThat(g.error()).isNull();
            assertThat(g.fingerprint()).isEqualTo(CURRENT);
            assertThat(g.snapshot().byKey()).hasSize(23);
        }
    }
}
