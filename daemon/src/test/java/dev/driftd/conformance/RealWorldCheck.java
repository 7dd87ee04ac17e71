package dev.driftd.conformance;

/** The checks every real-world schema file must pass, in the order they run (see {@link RealWorldChecks}). */
enum RealWorldCheck {
    SECOND_LOAD("second-load"),
    FORWARD("forward"),
    REVERSE("reverse"),
    WIPE_TO_EMPTY("to-empty"),
    BUILD_FROM_EMPTY("from-empty"),
    DUMP_RESTORE("dump-restore"),
    SPLITTER_LOAD("splitter-load");

    private final String id;

    RealWorldCheck(String id) {
        this.id = id;
    }

    /** The name used on the command line, in output lines and in the expected-failures list. */
    String id() {
        return id;
    }

    static RealWorldCheck byId(String id) {
        for (RealWorldCheck c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown real-world check '" + id + "'");
    }
}
