package dev.driftd.metrics;

/** How the exposition writes a value, for tests that expect an exact sample line. */
final class TextExpositionTestSupport {
    private TextExpositionTestSupport() {
    }

    static String value(double v) {
        StringBuilder out = new StringBuilder();
        TextExposition.value(out, v);
        return out.toString();
    }
}
