package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import dev.stride.local.template.RouteSpec;
import dev.stride.local.template.Template;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's own template.yaml, served as the README's command serves it: every route of the
 * API contract is there, and a request goes all the way through the real authorizer and function.
 */
class RealTemplateTest {

    private static final List<String> CONTRACT = List.of(
            "POST /users", "GET /users", "GET /users/{id}", "PATCH /users/{id}", "DELETE /users/{id}",
            "POST /users/{id}/runs", "GET /users/{id}/runs", "GET /runs/{runId}", "PATCH /runs/{runId}",
            "DELETE /runs/{runId}", "POST /users/{id}/moods", "GET /users/{id}/moods", "GET /users/{id}/moods/latest",
            "GET /moods/{moodId}", "PATCH /moods/{moodId}", "DELETE /moods/{moodId}", "GET /users/{id}/dashboard");

    @Test
    void projectTemplateServesTheWholeContract() {
        Path root = Path.of(System.getProperty("stride.projectRoot", ".."));
        Path file = root.resolve("template.yaml");
        assumeTrue(Files.isRegularFile(file), "no template.yaml at " + root.toAbsolutePath() + " yet");

        Template template = Template.load(file, Map.of(), "us-east-1");
        assertThat(template.routes()).extracting(RouteSpec::routeKey).containsAll(CONTRACT);

        TestServer.resetData();
        try (LocalApp app = LocalApp.start(TestServer.options(file, null, TestServer.sameDatabase()))) {
            String url = app.server().url();
            Client api = TestServer.clientFor(url);
            String token = api.post("/_local/token", "{\"sub\": \"alice\"}", null).json().get("token").asText();

            Client.Response created = api.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}", token);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(api.get("/users/me", token).json().get("email").asText()).isEqualTo("alice@example.com");
            assertThat(api.post("/users/me/runs", "{\"distance\": 5}", token).status()).isEqualTo(201);
            Client.Response runs = api.get("/users/me/runs?limit=1", token);
            assertThat(runs.status()).as(runs.toString()).isEqualTo(200);
            assertThat(runs.json().get("items")).hasSize(1);
            assertThat(api.get("/users/me", null).status()).isEqualTo(401);
            assertThat(api.send(api.request("/users").header("Origin", "http://localhost:5173")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(204);
            assertThat(api.get("/_local/docs", null).status()).isEqualTo(200);
        }
    }
}
