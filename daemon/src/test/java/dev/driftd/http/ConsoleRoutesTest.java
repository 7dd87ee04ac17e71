package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.config.Role;
import dev.driftd.engine.Engine;
import dev.driftd.engine.ObjectDdl;
import dev.driftd.metrics.InMemoryFleets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's routes on the real admin server: its files come with the strict policy and only
 * from the one folder, {@code server.ui: false} leaves them out, and whoami names the token and
 * its role (never its secret) to read and admin tokens only.
 */
class ConsoleRoutesTest {
    static final String READ = "u19-read-secret-5a1f";
    static final String ADMIN = "u19-admin-secret-0c3d";
    static final String REPORT = "u19-report-secret-9e42";

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AdminServer server;
    String base;

    void start(boolean ui) throws Exception {
        Authenticator auth = new Authenticator(List.of(new ApiToken("viewer", Role.READ, READ),
                new ApiToken("ops", Role.ADMIN, ADMIN), new ApiToken("proxy", Role.REPORT, REPORT)), null);
        InMemoryFleets fleets = new InMemoryFleets();
        AdminApi api = new AdminApi(fleets, format -> "", fleets::reload, () -> auth);
        ConsoleRoutes.register(api, fleets, new ObjectDdl(new Engine()), ui);
        server = new AdminServer(api, HttpSettings.of("127.0.0.1", 0));
        base = "http://127.0.0.1:" + server.start().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return OpenApiContract.check("GET", client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void filesComeWithTheStrictPolicyAndOnlyFromTheirFolder() throws Exception {
        start(true);
        for (String path : List.of("/ui", "/ui/", "/ui/index.html")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(r.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>")
                    .doesNotContain("<script>").doesNotContain("style=");
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleFiles.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(ConsoleFiles.CSP).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http");
        assertThat(get("/ui/app.js", null).headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/ui/console.css", null).headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        for (String path : List.of("/ui/nothing.js", "/ui/..%2Fdriftd.yaml", "/ui/%2E%2E%2Fapp.js", "/ui/App.js",
                "/ui/app.js%00.css", "/ui/logback.xml")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
        // deeper paths match no route at all: the API's plain 404
        assertThat(get("/ui/dev/driftd/http/AdminApi.class", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/fleets", null).statusCode()).as("the data still needs a token").isEqualTo(401);
    }

    @Test
    void uiFalseServesNoConsoleButKeepsTheApi() throws Exception {
        start(false);
        assertThat(get("/ui/", null).statusCode()).isEqualTo(404);
        assertThat(get("/ui/app.js", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/whoami", READ).statusCode()).isEqualTo(200);
    }

    @Test
    void whoamiNamesTheTokenAndRoleNeverTheSecret() throws Exception {
        start(true);
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> read = get("/api/v1/whoami", READ);
        JsonNode r = json.readTree(read.body());
        assertThat(r.path("name").asText()).isEqualTo("viewer");
        assertThat(r.path("role").asText()).isEqualTo("read");
        assertThat(read.body()).doesNotContain(READ);
        assertThat(json.readTree(get("/api/v1/whoami", ADMIN).body()).path("role").asText()).isEqualTo("admin");
        assertThat(get("/api/v1/whoami", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/whoami", "not-a-known-token-0000").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/whoami", REPORT).statusCode()).as("the proxy's token is no console sign-in").isEqualTo(403);
        assertThat(get("/api/v1/fleets/none/members/x/objects", READ).statusCode()).isEqualTo(404);
    }
}
