package dev.driftd.selfcheck;

/** One kind's verdict: passed, or failed with a one-line reason that names the step. */
public record KindResult(String kind, boolean passed, String reason) {
    static KindResult pass(String kind) {
        return new KindResult(kind, true, null);
    }

    static KindResult fail(String kind, String reason) {
        return new KindResult(kind, false, reason);
    }
}
