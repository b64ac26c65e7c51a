package dev.stride.local.localonly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * The endpoints that hand out identities answer only the server's own pages and scripts: no CORS
 * headers, 403 for another origin (a DNS-rebound one too), only application/json, a checked sub.
 */
class LocalOnlyEndpointsTest {

    private final Client api = TestServer.client();
    private final int port = TestServer.app().server().port();

    @Test
    void tokenForTheServersOwnPagesAndForScripts_withoutCorsHeaders() {
        Client.Response noOrigin = api.post("/_local/token", "{\"sub\": \"alice\"}", null);
        assertThat(noOrigin.status()).isEqualTo(200);
        assertNoCors(noOrigin);
        for (String own : new String[] {"http://127.0.0.1:" + port, "http://localhost:" + port}) {
            Client.Response sameOrigin = post("{\"sub\": \"alice\"}", "application/json", own);
            assertThat(sameOrigin.status()).as(own).isEqualTo(200);
            assertNoCors(sameOrigin);
        }
    }

    @Test
    void tokenRefusesOtherOrigins() {
        for (String foreign : new String[] {"http://localhost:5173", "https://evil.example", "http://evil.example:" + port,
                "null", "http://127.0.0.1:" + port + ".evil.example"}) {
            Client.Response refused = post("{\"sub\": \"alice\", \"groups\": [\"admin\"]}", "application/json", foreign);
            assertThat(refused.status()).as(foreign).isEqualTo(403);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body()).doesNotContain("\"token\":");
            assertNoCors(refused);
        }
        Client.Response preflight = api.send(api.request("/_local/token").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(403);
        assertNoCors(preflight);
    }

    @Test
    void tokenTakesOnlyJson() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            Client.Response refused = post("{\"sub\": \"alice\"}", type, null);
            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.json().get("type").asText()).endsWith("/unsupported-media-type");
        }
        Client.Response untyped = api.send(api.request("/_local/token").POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"a\"}")));
        assertThat(untyped.status()).isEqualTo(415);
        assertThat(post("{\"sub\": \"alice\"}", "application/json; charset=utf-8", null).status()).isEqualTo(200);
    }

    @Test
    void tokenChecksTheSubAsAFunctionChecksACaller() {
        for (String sub : new String[] {"\"a\\u0000b\"", "\"line\\nbreak\"", "\"tab\\there\"", "\"\\u007f\"", "\"\"",
                "\"" + "x".repeat(129) + "\"", "42", "\"\\ud800\""}) {
            Client.Response refused = api.post("/_local/token", "{\"sub\": " + sub + "}", null);
            assertThat(refused.status()).as(sub).isEqualTo(400);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("sub");
        }
        assertThat(api.post("/_local/token", "{\"sub\": \"" + "é".repeat(128) + "\"}", null).status()).isEqualTo(200);
    }

    @Test
    void demoUsersFollowTheSameOriginRules() {
        Client.Response own = api.send(api.request("/_local/demo-users").header("Origin", "http://localhost:" + port));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("users").isArray()).isTrue();
        assertNoCors(own);
        Client.Response foreign = api.send(api.request("/_local/demo-users").header("Origin", "https://evil.example"));
        assertThat(foreign.status()).isEqualTo(403);
        assertNoCors(foreign);
    }

    private Client.Response post(String body, String contentType, String origin) {
        HttpRequest.Builder request = api.request("/_local/token").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return api.send(request);
    }

    private static void assertNoCors(Client.Response response) {
        assertThat(response.http().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }
}
