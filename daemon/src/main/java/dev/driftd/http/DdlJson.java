package dev.driftd.http;

import dev.driftd.events.MemberRef;
import dev.driftd.store.DdlRecord;

import java.util.List;

/** Answer shapes of reported DDL: the event endpoint's answer and the statements shown with members and diffs. */
final class DdlJson {
    private DdlJson() {
    }

    /**
     * The 202 answer to a report token: how many members the event was attributed to (0: no fleet
     * watches that database), not which, so a proxy's token cannot be used to learn member names.
     */
    record Accepted(String status, int members) {
    }

    /** The 202 answer to an admin token: the count and which members. */
    record AcceptedMatched(String status, int members, List<MemberRef> matched) {
    }

    static Object accepted(List<MemberRef> matched, boolean names) {
        return names ? new AcceptedMatched("accepted", matched.size(), List.copyOf(matched))
                : new Accepted("accepted", matched.size());
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
