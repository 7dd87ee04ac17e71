package dev.driftd.fleet;

import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;

import java.util.List;

/**
 * A member's diff with what the fleet's policy set aside: {@code drift} is the comparison with
 * the member's expected schema (what counts), {@code ignored} the changes only the ignore rules
 * hide, {@code overlay} the differences from golden its overlays declare. The last two are empty
 * unless everything was asked for.
 */
public record MemberDiff(Diff drift, List<Change> ignored, List<Change> overlay) {
    public MemberDiff {
        ignored = List.copyOf(ignored);
        overlay = List.copyOf(overlay);
    }

    public static MemberDiff of(Diff drift) {
        return new MemberDiff(drift, List.of(), List.of());
    }
}
