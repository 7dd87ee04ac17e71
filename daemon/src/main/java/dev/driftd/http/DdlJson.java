package dev.driftd.http;

import dev.driftd.events.MemberRef;
import dev.driftd.store.DdlRecord;

import java.util.List;

/** Answer shapes of reported DDL: the event endpoint's answer and the statements shown with members and diffs. */
final class DdlJson {
    private DdlJson() {
    }

    /**
     * The 202 answer: how many members the event was attributed to (0: no fleet watches that
     * database) and, for an admin token only, which ({@code matched} is null for a report token,
     * so a proxy's token cannot be used to learn member names).
     */
    record Accepted(String status, int members, List<MemberRef> matched) {
        static Accepted of(List<MemberRef> matched, boolean names) {
            return new Accepted("accepted", matched.size(), names ? List.copyOf(matched) : null);
        }
    }

    /** One reported statement; {@code driftEvent} is the drift event it was linked to, or null. */
    record Statement(String statement, boolean truncated, String command, String application, String user,
                     String clientHost, String executed, String received, boolean approved, String guard,
                     Long driftEvent) {
        static Statement of(DdlRecord r) {
            return new Statement(r.statement(), r.truncated(), r.command(), r.application(), r.user(), r.clientHost(),
                    FleetJson.iso(r.executed()), FleetJson.iso(r.received()), r.approved(), r.guard(),
                    r.driftEventId());
        }
    }

    static List<Statement> statements(List<DdlRecord> records) {
        return records.stream().map(Statement::of).toList();
    }
}
