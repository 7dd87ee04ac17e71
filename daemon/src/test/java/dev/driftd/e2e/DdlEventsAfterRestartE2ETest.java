package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 8: after a restart, DDL events for a discovered member are matched at once, from
 * the members the store remembers, not ignored until the first sweep discovers them again.
 */
class DdlEventsAfterRestartE2ETest {
    static final String[] SCHEMA = {"CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL)"};

    @Test
    void discoveredMembersRestoredFromTheStoreMatchEventsBeforeTheFirstSweep() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String run = "hr" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (TestDatabase golden = pg.createDatabase(run + "_golden").execute(SCHEMA);
             TestDatabase t1 = pg.createDatabase(run + "_t1").execute(SCHEMA)) {
            String fleets = """
                    - name: pg
                      schedule: "%s"
                      golden: {url: "%s"}
                      timeout: 10s
                      discover:
                        - {url: "%s", databases: "%s_t.*"}
                    """.formatted(DaemonHarness.NEVER, golden.url(), pg.url("postgres"), run);
            String event = """
                    {"statement": "ALTER TABLE customers ADD COLUMN note text", "flavor": "postgresql",
                     "serverHost": "127.0.0.1", "serverPort": %d, "database": "%s", "schema": "public",
                     "time": "2026-11-26T05:00:00Z"}""".formatted(pg.port(), t1.name());
            try (EventDaemon d = new EventDaemon(fleets)) {
                assertThat(matched(d, event)).as("not discovered yet").isEmpty();
                d.sweep("pg");
                String swept = EventDaemon.member(d.getJson("/api/v1/fleets/pg"), t1.name()).path("lastSnapshot").asText();
                assertThat(matched(d, event).path(0).path("member").asText()).isEqualTo(t1.name());
                // the event's own snapshot must finish before the restart, or the shutdown cuts it short
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                        !EventDaemon.member(d.getJson("/api/v1/fleets/pg"), t1.name()).path("lastSnapshot").asText()
                                .equals(swept));

                d.restart(); // no sweep runs after this (the schedule is far in the future)
                JsonNode f = d.getJson("/api/v1/fleets/pg");
                assertThat(EventDaemon.member(f, t1.name()).path("state").asText()).isEqualTo("in_sync");
                JsonNode after = matched(d, event);
                assertThat(after).hasSize(1);
                assertThat(after.path(0).path("member").asText()).isEqualTo(t1.name());
                assertThat(d.metric("driftd_ddl_events_total{fleet=\"pg\",member=\"" + t1.name() + "\"}"))
                        .isEqualTo(1.0);
            }
        }
    }

    private static JsonNode matched(EventDaemon d, String event) throws Exception {
        HttpResponse<String> r = d.postEvent(EventDaemon.ADMIN, event);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return EventDaemon.JSON.readTree(r.body()).path("matched");
    }
}
