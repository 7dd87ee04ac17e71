package dev.driftd.testing;

import dev.driftd.config.StoreConfig;
import dev.driftd.store.Store;

/** Opens a store from its configuration, as the daemon does. */
public final class Stores {
    private Stores() {
    }

    public static Store open(StoreConfig c) {
        return Store.open(c.url(), c.user(), c.password() == null ? null : c.password().reveal());
    }
}
