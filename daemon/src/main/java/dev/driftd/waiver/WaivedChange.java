package dev.driftd.waiver;

import dev.driftd.diff.Change;

/**
 * One change a waiver accepts: the object as the diff answer names it ({@code kind} and
 * {@code object}, e.g. {@code index} and {@code public.orders.orders_big_idx}) and the
 * {@link ChangeFingerprint} of the difference as it was when the waiver was made.
 */
public record WaivedChange(String kind, String object, String fingerprint) {
    public WaivedChange {
        kind = kindLabel(kind);
    }

    /** The kind as a label ({@code foreign key}), however it was written ({@code FOREIGN_KEY}, {@code foreign key}). */
    public static String kindLabel(String kind) {
        return kind == null ? null : kind.strip().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public static WaivedChange of(Change c) {
        return new WaivedChange(c.kind().label(), c.object(), ChangeFingerprint.of(c));
    }

    /** True when {@code c} is this very difference: same object, same golden and member sides. */
    public boolean covers(Change c, String changeFingerprint) {
        return kind.equals(c.kind().label()) && object.equals(c.object()) && fingerprint.equals(changeFingerprint);
    }

    /** Same object, whatever its difference now. */
    public boolean names(Change c) {
        return kind.equals(c.kind().label()) && object.equals(c.object());
    }

    public String display() {
        return kind + " " + object;
    }
}
