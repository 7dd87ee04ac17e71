package dev.driftd.diff;

import java.util.Locale;

public enum Severity {
    /** A golden object is missing or narrowed in the target: applications may break. */
    BREAKING,
    /** Reconciling drops data (an extra table or column in the target). */
    DESTRUCTIVE,
    /** The target has an extra object that holds no data (an index, a view, a constraint). */
    ADDITIVE,
    /** Comments and column order. */
    COSMETIC;

    /** The Prometheus label value and JSON spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
