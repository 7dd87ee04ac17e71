package dev.driftd.fleet;

import dev.driftd.testing.Stores;
import dev.driftd.config.FleetConfig;
import dev.driftd.config.StoreConfig;
import dev.driftd.engine.Engine;
import dev.driftd.store.Store;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.sweep.Sweep;

import java.nio.file.Path;

/** A store in a temp directory, the real engine, and a sweep that records its events. */
public final class SweepFixture implements AutoCloseable {
    public final Engine engine = new Engine();
    public final RecordingEvents events = new RecordingEvents();
    public final Store store;
    public final Sweep sweep;

    public SweepFixture(Path dir) {
        store = Stores.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("driftd"), null, null,
                StoreConfig.DEFAULT_RETENTION));
        sweep = new Sweep(engine, new Discovery(engine), new GoldenResolver(engine, store), store, events);
    }

    /** A runner whose sweeps are run by the test calling {@link FleetRunner#runSweep()}. */
    public FleetRunner runner(FleetConfig fleet) {
        FleetRunner r = new FleetRunner(fleet, sweep, store, engine, (name, shard) -> {
        });
        r.restore();
        return r;
    }

    public static MemberStatus member(FleetStatus status, String name) {
        return status.members().stream().filter(m -> m.member().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name + " in " + status.members()));
    }

    @Override
    public void close() {
        store.close();
    }
}
