package dev.driftd.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's scratch stores, as a JUnit extension ({@code @RegisterExtension}): every store made by
 * {@link #of} (an H2 file in a directory of its own, or a scratch PostgreSQL database) is removed
 * after the test, so the store tests need no directory field and no clean-up method of their own.
 */
public final class ScratchStores implements AfterEachCallback {
    private final List<ScratchStore> stores = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    /** A new scratch store of {@code kind} ({@code h2} or {@code postgres}). */
    public ScratchStore of(String kind) {
        try {
            Path dir = Files.createTempDirectory("driftd-store-");
            dirs.add(dir);
            ScratchStore store = ScratchStore.of(kind, dir);
            stores.add(store);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stores.forEach(ScratchStore::close);
        stores.clear();
        dirs.forEach(TempDirs::delete);
        dirs.clear();
    }
}
