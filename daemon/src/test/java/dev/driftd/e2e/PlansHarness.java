package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon with three admin tokens (alice, bob, carol) and a read token, for the plan and
 * approval flows: two-person approval needs two admins besides the plan's maker.
 */
final class PlansHarness extends E2eDaemon {
    static final String ALICE = "alice-secret-0f3b9a71";
    static final String BOB = "bob-secret-71c2d004";
    static final String CAROL = "carol-secret-9e8a6b12";
    static final String READER = "reader-secret-4d5e6f70";

    PlansHarness(String fleets) throws Exception {
        super("""
                - {name: alice, role: admin, secret: "%s"}
                - {name: bob, role: admin, secret: "%s"}
                - {name: carol, role: admin, secret: "%s"}
                - {name: reader, role: read, secret: "%s"}
                """.formatted(ALICE, BOB, CAROL, READER), ALICE, Map.of(), fleets);
    }

    JsonNode ok(String method, String path, String token, String body, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, token, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** Polls a started rollout until it is no longer running (at most two minutes); its last answer. */
    JsonNode awaitRollout(String fleet, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode r = ok("GET", "/api/v1/fleets/" + fleet + "/rollouts/" + id, READER, null, 200);
            if (!r.path("state").asText().equals("running")) {
                return r;
            }
            assertThat(System.nanoTime()).as("rollout " + id + " still running: " + r).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
