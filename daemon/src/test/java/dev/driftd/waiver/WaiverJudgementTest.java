package dev.driftd.waiver;

import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.diff.Severity;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding a waiver to exact changes and weighing a member's diff against waivers. */
class WaiverJudgementTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static Snapshot snapshot(SchemaObject... objects) {
        return new Snapshot(Flavor.POSTGRES, "test", Scope.database("db", List.of("public")), List.of(objects), Set.of());
    }

    /** Table t (a integer) plus the given extra columns, each "name:type". */
    private static Snapshot withColumns(String... columns) {
        List<SchemaObject> out = new ArrayList<>();
        out.add(Table.plain("public", "t"));
        out.add(Column.of("public", "t", "a", 1, "integer"));
        for (int i = 0; i < columns.length; i++) {
            String[] nt = columns[i].split(":");
            out.add(Column.of("public", "t", nt[0], i + 2, nt[1]));
        }
        return snapshot(out.toArray(SchemaObject[]::new));
    }

    private static Diff diff(String... memberColumns) {
        return Differ.compare(withColumns(), withColumns(memberColumns));
    }

    private static Change change(Diff d, String object) {
        return d.changes().stream().filter(c -> c.object().equals(object)).findFirst().orElseThrow();
    }

    private static Waiver waiver(String id, Instant expires, Change... changes) {
        return new Waiver(id, "shop", "m", "ops", "hotfix", "alice", NOW.minusSeconds(60), expires,
                java.util.Arrays.stream(changes).map(WaivedChange::of).toList(), Waiver.API);
    }

    @Test
    void waivedChangesDoNotCountAndTheMemberIsInSyncWhenAllAreWaived() {
        Diff d = diff("b:text");
        Waiver w = waiver("w-1", NOW.plusSeconds(3600), change(d, "public.t.b"));
        WaiverJudgement j = WaiverJudgement.of(d.changes(), List.of(w));
        assertThat(j.drifted()).isFalse();
        assertThat(j.waived()).isEqualTo(1);
        assertThat(j.soonestExpiry()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(j.changes()).singleElement().satisfies(c -> {
            assertThat(c.disposition()).isEqualTo("waived");
            assertThat(c.waiver()).isEqualTo("w-1");
        });
        assertThat(j.unwaived().values()).allMatch(n -> n == 0);
    }

    @Test
    void aNewChangeBeyondTheWaiverKeepsTheMemberDriftedCountingOnlyIt() {
        Diff before = diff("b:text");
        Waiver w = waiver("w-1", NOW.plusSeconds(3600), change(before, "public.t.b"));
        Diff after = diff("b:text", "c:integer");
        WaiverJudgement j = WaiverJudgement.of(after.changes(), List.of(w));
        assertThat(j.drifted()).isTrue();
        assertThat(j.waived()).isEqualTo(1);
        assertThat(j.unwaived().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(j.changes()).extracting(c -> c.change().object() + "=" + c.disposition())
                .containsExactlyInAnyOrder("public.t.b=waived", "public.t.c=drift");
    }

    @Test
    void theSameObjectDriftingFurtherIsNotCoveredAnyMore() {
        Diff before = diff("b:text");
        Waiver w = waiver("w-1", NOW.plusSeconds(3600), change(before, "public.t.b"));
        Diff further = diff("b:bigint");
        assertThat(ChangeFingerprint.of(change(further, "public.t.b")))
                .isNotEqualTo(ChangeFingerprint.of(change(before, "public.t.b")));
        WaiverJudgement j = WaiverJudgement.of(further.changes(), List.of(w));
        assertThat(j.drifted()).isTrue();
        assertThat(j.waived()).isZero();
        assertThat(j.soonestExpiry()).isNull();
    }

    @Test
    void fingerprintsAreStableAcrossSnapshotsAndTheSoonestCoveringWaiverIsNamed() {
        Diff one = diff("b:text");
        Diff two = diff("b:text");
        assertThat(ChangeFingerprint.of(change(one, "public.t.b"))).isEqualTo(ChangeFingerprint.of(change(two, "public.t.b")))
                .hasSize(16).matches("[0-9a-f]{16}");
        Waiver later = waiver("w-later", NOW.plusSeconds(7200), change(one, "public.t.b"));
        Waiver sooner = waiver("w-sooner", NOW.plusSeconds(60), change(one, "public.t.b"));
        WaiverJudgement j = WaiverJudgement.of(two.changes(), List.of(later, sooner));
        assertThat(j.changes().get(0).waiver()).isEqualTo("w-sooner");
        assertThat(j.soonestExpiry()).isEqualTo(NOW.plusSeconds(60));
        assertThat(j.unwaived()).containsEntry(Severity.DESTRUCTIVE, 0);
    }

    @Test
    void kindsAreMatchedHoweverTheyAreWritten() {
        WaivedChange c = new WaivedChange("FOREIGN_KEY", "public.t.fk", "0123456789abcdef");
        assertThat(c.kind()).isEqualTo("foreign key");
        assertThat(c.display()).isEqualTo("foreign key public.t.fk");
    }
}
