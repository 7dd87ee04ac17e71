package dev.driftd.http;

import dev.driftd.events.DdlMatch;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code driftd_ddl_events_received_total{outcome,reason}}: every request to POST
 * /api/v1/events/ddl, by what became of it. Every series exists at 0 from the start, so
 * {@code increase()} and alerts see the first rejected or unmatched event.
 * <ul>
 *   <li>{@code matched}: {@code server_identity} (the server said it is a member's), {@code host_port};</li>
 *   <li>{@code unmatched} (202, attributed to nobody): {@code unknown_server}, {@code unknown_database};</li>
 *   <li>{@code rejected}: {@code unauthorized} (401), {@code forbidden} (403, wrong role),
 *       {@code bad_request} (400), {@code queue_full} (429), {@code failed} (500).</li>
 * </ul>
 */
public final class DdlEventCounts {
    public static final String NAME = "driftd.ddl.events.received";
    public static final String MATCHED = "matched";
    public static final String UNMATCHED = "unmatched";
    public static final String REJECTED = "rejected";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String BAD_REQUEST = "bad_request";
    public static final String QUEUE_FULL = "queue_full";
    public static final String FAILED = "failed";

    private static final Map<String, List<String>> SERIES = Map.of(
            MATCHED, List.of(DdlMatch.SERVER_IDENTITY, DdlMatch.HOST_PORT),
            UNMATCHED, List.of(DdlMatch.UNKNOWN_SERVER, DdlMatch.UNKNOWN_DATABASE),
            REJECTED, List.of(UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, QUEUE_FULL, FAILED));

    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();

    /** @param registry where the series go; null for none (tests that do not scrape) */
    public DdlEventCounts(MeterRegistry registry) {
        SERIES.forEach((outcome, reasons) -> {
            for (String reason : reasons) {
                AtomicLong n = new AtomicLong();
                counts.put(outcome + "|" + reason, n);
                if (registry != null) {
                    FunctionCounter.builder(NAME, n, AtomicLong::get).tag("outcome", outcome).tag("reason", reason)
                            .description("DDL events sent by the JDBC proxy, by outcome: matched to a member,"
                                    + " taken but matched to none, or rejected")
                            .register(registry);
                }
            }
        });
    }

    void count(String outcome, String reason) {
        AtomicLong n = counts.get(outcome + "|" + reason);
        if (n == null) {
            throw new IllegalArgumentException("no series outcome=" + outcome + ", reason=" + reason);
        }
        n.incrementAndGet();
    }

    void count(DdlMatch match) {
        count(match.matched() ? MATCHED : UNMATCHED, match.reason());
    }

    /** The count of one series since start. */
    public long get(String outcome, String reason) {
        AtomicLong n = counts.get(outcome + "|" + reason);
        return n == null ? 0 : n.get();
    }
}
