package dev.driftd.conformance;

/**
 * What happened to one case. {@code outcome} is CONVERGED, FAILED, NOT_LOADABLE or SKIPPED (a
 * flag says it is for another server); {@code cause} groups failures in the report.
 */
record CaseResult(CorpusCase corpusCase, Outcome outcome, String cause, String detail) {
    enum Outcome { CONVERGED, FAILED, NOT_LOADABLE, SKIPPED }

    static CaseResult converged(CorpusCase c) {
        return new CaseResult(c, Outcome.CONVERGED, null, null);
    }

    static CaseResult failed(CorpusCase c, String cause, String detail) {
        return new CaseResult(c, Outcome.FAILED, cause, detail);
    }

    static CaseResult notLoadable(CorpusCase c, String detail) {
        return new CaseResult(c, Outcome.NOT_LOADABLE, "does not load on this server", detail);
    }

    static CaseResult skipped(CorpusCase c, String why) {
        return new CaseResult(c, Outcome.SKIPPED, why, null);
    }
}
