package dev.driftd.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract checker itself: it must catch each kind of drift, or the e2e tests' checks prove nothing. */
class OpenApiContractTest {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROBLEM = "application/problem+json; charset=utf-8";

    @Test
    void aConformingAnswerPasses() {
        OpenApiContract.check("GET", URI.create("http://h/api/v1/whoami"), 200, JSON,
                "{\"name\": \"viewer\", \"role\": \"read\"}");
        OpenApiContract.check("GET", URI.create("http://h/api/v1/fleets/f/members/a%2Fb/diff?all=true"), 409, PROBLEM,
                "{\"type\": \"urn:driftd:problem:no-snapshot\", \"title\": \"no snapshot\", \"status\": 409,"
                        + " \"detail\": \"run a sweep first\", \"instance\": \"/api/v1/fleets/f/members/a/b/diff\"}");
    }

    @Test
    void aFieldInTheOldCaseIsCaughtWithTheRouteAndStatusNamed() {
        assertThatThrownBy(() -> OpenApiContract.check("POST", URI.create("http://h/api/v1/fleets/f/sweep?wait=true"),
                200, JSON, "{\"fleet\": \"f\", \"started\": null, \"finished\": null, \"members\": 1, \"in_sync\": 1,"
                        + " \"drifted\": 0, \"unreachable\": 0, \"goldenError\": null, \"reused\": 0}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/v1/fleets/{fleet}/sweep -> 200")
                .hasMessageContaining("in_sync");
    }

    @Test
    void anUndeclaredStatusOrContentTypeIsCaught() {
        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://h/api/v1/whoami"), 418, JSON, "{}"))
                .hasMessageContaining("GET /api/v1/whoami -> 418: status not declared");
        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://h/api/v1/whoami"), 401, JSON,
                "{\"error\": \"unauthorized\", \"detail\": \"\"}"))
                .hasMessageContaining("content type");
    }

    @Test
    void unknownPathsAndMethodsMustBeProblems() {
        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://h/api/v2/nope"), 200, JSON, "{}"))
                .hasMessageContaining("no route in openapi.yaml");
        assertThatThrownBy(() -> OpenApiContract.check("PUT", URI.create("http://h/api/v1/fleets"), 405, JSON,
                "{\"error\": \"method not allowed\"}"))
                .hasMessageContaining("not application/problem+json");
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertThat(OpenApiContract.template("/api/v1/events/ddl")).isEqualTo("/api/v1/events/ddl");
        assertThat(OpenApiContract.template("/api/v1/fleets/x/rollouts")).isEqualTo("/api/v1/fleets/{fleet}/rollouts");
        assertThat(OpenApiContract.template("/nowhere")).isNull();
    }
}
