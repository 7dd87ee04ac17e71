package dev.driftd.selfcheck;

import dev.driftd.dialect.Dialect;

/** Dialects with deliberate bugs, for tests outside this package. */
public final class TestDialects {
    private TestDialects() {
    }

    /** {@code real}, but every read appends {@code AND TRUE} to each CHECK expression (see {@link BrokenCheckNormalizer}). */
    public static Dialect brokenChecks(Dialect real) {
        return new BrokenCheckNormalizer(real);
    }
}
