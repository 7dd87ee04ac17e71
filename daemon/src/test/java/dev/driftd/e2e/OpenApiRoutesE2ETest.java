package dev.driftd.e2e;

import dev.driftd.http.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.yaml describes exactly the routes the real daemon serves (plans, rollouts, waivers
 * and the console included), and the daemon serves that same file.
 */
class OpenApiRoutesE2ETest {
    @Test
    void everyServedRouteIsInTheContractAndViceVersa() throws Exception {
        try (PlansHarness d = new PlansHarness(DaemonHarness.manualFleet("shop",
                "jdbc:postgresql://127.0.0.1:5432/driftd_openapi_never?user=postgres",
                "jdbc:postgresql://127.0.0.1:5432/driftd_openapi_never?user=postgres"))) {
            assertThat(OpenApiContract.operations())
                    .as("operations in docs/openapi.yaml (left) against routes the daemon registered")
                    .containsExactlyInAnyOrderElementsOf(d.daemon.routes());

            HttpResponse<String> served = d.send("GET", "/api/v1/openapi.yaml", null);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
            assertThat(served.body()).isEqualTo(new String(OpenApiRoutesE2ETest.class.getClassLoader()
                    .getResourceAsStream("dev/driftd/http/openapi.yaml").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("openapi: 3.1.0");
        }
    }
}
