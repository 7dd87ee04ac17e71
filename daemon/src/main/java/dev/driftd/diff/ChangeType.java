package dev.driftd.diff;

/** How a target differs from golden, seen from the target. */
public enum ChangeType {
    /** In golden, not in the target: the plan creates it. */
    MISSING,
    /** In the target, not in golden: the plan drops it. */
    EXTRA,
    /** In both, not equal: the plan alters or re-creates it. */
    CHANGED
}
