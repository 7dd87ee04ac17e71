package dev.driftd.fleet;

import dev.driftd.config.FleetConfig;
import dev.driftd.config.GoldenConfig;
import dev.driftd.config.OverlayConfig;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.engine.EngineException;
import dev.driftd.schema.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each member of a fleet is expected to look like: golden, or, for a member that matches
 * overlays, golden's script plus those overlays built in a scratch database ({@link ScratchGolden}).
 * A build is kept per fleet, golden fingerprint and overlay text: members sharing overlays share
 * one build, and a sweep whose golden did not change builds nothing. A new golden fingerprint
 * forgets the fleet's older builds. A failed build is not kept (the next caller tries again).
 */
public final class ExpectedSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(ExpectedSchemas.class);

    private final ScratchGolden scratch;
    /** Raw (not yet filtered by ignore rules) expected schemas by fleet|golden|overlays key. */
    private final Map<String, CompletableFuture<Snapshot>> built = new ConcurrentHashMap<>();

    public ExpectedSchemas(Engine engine) {
        this.scratch = new ScratchGolden(engine);
    }

    /**
     * The schema {@code member} is compared against, through the fleet's ignore rules: {@code golden}
     * itself when it matches no overlay. Throws EngineException (one line, naming the overlay and
     * its failing statement) when the overlay cannot be built.
     */
    public Snapshot of(FleetConfig fleet, String member, Snapshot golden) {
        List<OverlayConfig> overlays = fleet.overlaysOf(member);
        if (overlays.isEmpty() || golden == null) {
            return golden;
        }
        return fleet.ignore().apply(raw(fleet, overlays, golden.fingerprint()));
    }

    /** The expected schema before ignore rules ({@code rawGolden} when the member has no overlay). */
    public Snapshot rawOf(FleetConfig fleet, String member, Snapshot golden, Snapshot rawGolden) {
        List<OverlayConfig> overlays = fleet.overlaysOf(member);
        if (overlays.isEmpty() || golden == null) {
            return rawGolden;
        }
        return raw(fleet, overlays, golden.fingerprint());
    }

    private Snapshot raw(FleetConfig fleet, List<OverlayConfig> overlays, String goldenFingerprint) {
        if (!(fleet.golden() instanceof GoldenConfig.Sql sql)) {
            // the loader refuses this; a fleet built in code could still try
            throw new EngineException("fleet " + fleet.name() + ": overlays need a sql golden");
        }
        String prefix = fleet.name() + "|" + goldenFingerprint + "|";
        String key = prefix + digest(overlays);
        // a new golden: the builds on the old one are of no use any more
        built.keySet().removeIf(k -> k.startsWith(fleet.name() + "|") && !k.startsWith(prefix));
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> known = built.putIfAbsent(key, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            long t0 = System.nanoTime();
            Snapshot s = scratch.snapshot(sql, overlays, new InspectOptions(fleet.timeout()));
            LOG.info("fleet {}: built the expected schema of {} on golden {} in {} ms", fleet.name(),
                    overlays.stream().map(OverlayConfig::describe).toList(), goldenFingerprint.substring(0, 12),
                    (System.nanoTime() - t0) / 1_000_000);
            mine.complete(s);
            return s;
        } catch (RuntimeException e) {
            built.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The overlays as built: where each was written and its current text. */
    private static String digest(List<OverlayConfig> overlays) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (OverlayConfig o : overlays) {
                md.update(o.origin().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(o.script().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new EngineException("cannot read " + overlays.stream().filter(o -> o.file() != null)
                    .map(o -> o.file().toString()).findFirst().orElse("an overlay file") + ": "
                    + e.getClass().getSimpleName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
