package dev.driftd.diff;

import java.util.Locale;

/**
 * What a change shown in a member's diff means for the member: {@code drift} (it counts),
 * {@code ignored} (an ignore rule hides it; shown only when asked for everything),
 * {@code waived} (accepted for a time) or {@code overlay} (declared for this member: part of
 * what it is expected to have, shown only when asked for everything).
 */
public enum Disposition {
    DRIFT, IGNORED, WAIVED, OVERLAY;

    /** As the API writes it: {@code drift}, {@code ignored}, {@code waived}, {@code overlay}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
