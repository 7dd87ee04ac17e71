package dev.driftd.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.events.MemberRef;
import dev.driftd.store.DdlRecord;

import java.time.Instant;
import java.util.List;

/** JSON of reported DDL: the event endpoint's answer and the statements shown with members and diffs. */
final class DdlJson {
    private DdlJson() {
    }

    /**
     * The 202 answer: how many members the event was attributed to (0: no fleet watches that
     * database) and, for an admin token only, which.
     */
    static ObjectNode accepted(List<MemberRef> matched, boolean names) {
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("status", "accepted");
        n.put("members", matched.size());
        if (!names) {
            return n;
        }
        ArrayNode arr = n.putArray("matched");
        for (MemberRef r : matched) {
            arr.addObject().put("fleet", r.fleet()).put("member", r.member());
        }
        return n;
    }

    static ObjectNode statement(DdlRecord r) {
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("statement", r.statement());
        n.put("truncated", r.truncated());
        n.put("command", r.command());
        n.put("application", r.application());
        n.put("user", r.user());
        n.put("clientHost", r.clientHost());
        n.put("executed", iso(r.executed()));
        n.put("received", iso(r.received()));
        n.put("approved", r.approved());
        n.put("guard", r.guard());
        if (r.driftEventId() == null) {
            n.putNull("driftEvent");
        } else {
            n.put("driftEvent", r.driftEventId());
        }
        return n;
    }

    static ArrayNode statements(List<DdlRecord> records) {
        ArrayNode arr = ApiResponse.MAPPER.createArrayNode();
        records.forEach(r -> arr.add(statement(r)));
        return arr;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
