package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * The gateway between HTTP and the functions: the payload 2.0 event a function gets, how its
 * answer becomes the HTTP response, and API Gateway's own answers (404, CORS preflight, 500 for a
 * handler that throws, 503 for one that overruns its timeout).
 */
class GatewayTest {

    private final Client api = TestServer.client();
    private final String token = TestServer.token("alice", "admin");

    @Test
    void functionGetsThePayloadFormat2Event() {
        Client.Response response = api.send(api.request("/echo/a%20b/c+d?tag=x&tag=y&q=caf%C3%A9&flag")
                .header("Authorization", "Bearer " + token)
                .header("X-Custom", "one")
                .header("X-Custom", "two")
                .header("Cookie", "a=1; b=2")
                .header("User-Agent", "stride-test")
                .header("Content-Type", "application/json")
                .method("POST", HttpRequest.BodyPublishers.ofString("{\"hello\": \"wörld\"}")));

        assertThat(response.status()).isEqualTo(200);
        JsonNode event = response.json().get("event");
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("ANY /echo/{proxy+}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/echo/a b/c+d");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("tag=x&tag=y&q=caf%C3%A9&flag");
        assertThat(event.get("queryStringParameters").toString())
                .isEqualTo("{\"tag\":\"x,y\",\"q\":\"café\",\"flag\":\"\"}");
        assertThat(event.get("pathParameters").toString()).isEqualTo("{\"proxy\":\"a b/c+d\"}");
        assertThat(event.get("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
        JsonNode headers = event.get("headers");
        assertThat(headers.get("x-custom").asText()).isEqualTo("one,two");
        assertThat(headers.get("user-agent").asText()).isEqualTo("stride-test");
        assertThat(headers.get("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(headers.has("cookie")).isFalse();
        headers.fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
        assertThat(event.get("body").asText()).isEqualTo("{\"hello\": \"wörld\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();

        JsonNode context = event.get("requestContext");
        assertThat(context.at("/http/method").asText()).isEqualTo("POST");
        assertThat(context.at("/http/path").asText()).isEqualTo("/echo/a b/c+d");
        assertThat(context.at("/http/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.at("/http/userAgent").asText()).isEqualTo("stride-test");
        assertThat(context.at("/http/protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("routeKey").asText()).isEqualTo("ANY /echo/{proxy+}");
        assertThat(context.get("domainName").asText()).isEqualTo(api.baseUrl().substring("http://".length()));
        assertThat(context.get("requestId").asText()).isEqualTo(response.header("apigw-requestid"));
        assertThat(context.get("time").asText()).matches("\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.get("timeEpoch").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(response.json().get("requestId").asText()).isEqualTo(context.get("requestId").asText());
    }

    @Test
    void binaryAndUntypedBodiesArriveBase64Encoded() {
        byte[] bytes = {0, 1, 2, (byte) 0xfe};
        Client.Response binary = api.send(api.request("/echo/upload").header("Authorization", token)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        JsonNode event = binary.json().get("event");
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.get("body").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(bytes));

        Client.Response form = api.send(api.request("/echo/form").header("Authorization", token)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=1")));
        assertThat(form.json().at("/event/isBase64Encoded").asBoolean()).isTrue();

        Client.Response get = api.get("/echo/nothing", token);
        assertThat(get.json().at("/event/body").isNull()).isTrue();
        assertThat(get.json().at("/event/queryStringParameters").isNull()).isTrue();
    }

    @Test
    void responseIsMappedAsApiGatewayMapsIt() {
        Client.Response response = api.get("/echo/x", token);

        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(response.header("X-Echo")).isEqualTo("yes");
        assertThat(response.headers("Set-Cookie")).containsExactly("session=abc; Path=/; HttpOnly", "theme=dark");

        Client.Response binary = api.get("/echo/x?binary", token);
        assertThat(binary.bytes()).containsExactly(0, 1, 2, 0xff);
        assertThat(binary.header("Content-Type")).isEqualTo("application/octet-stream");

        Client.Response untyped = api.get("/echo/x?noContentType", token);
        assertThat(untyped.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void plainReturnValueWithoutStatusCodeIsTheBodyOfA200() {
        Client.Response response = api.get("/map", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.json().get("routeKey").asText()).isEqualTo("GET /map");
        assertThat(response.json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void unknownRouteIsNotFound() {
        for (Client.Response response : new Client.Response[] {
                api.get("/nowhere", token), api.delete("/users", token), api.get("/users/1/unknown", token)}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void handlerThatThrowsIsInternalServerErrorAndTheServerGoesOn() {
        Client.Response failed = api.get("/fail", token);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(api.get("/fail", token).status()).isEqualTo(500);
        assertThat(api.get("/echo/still-there", token).status()).isEqualTo(200);
    }

    @Test
    void handlerThatOverrunsItsTimeoutIsServiceUnavailableAndTheServerGoesOn() {
        long start = System.nanoTime();
        Client.Response slow = api.get("/slow", token);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(millis).as("answered at the 1 s Timeout, not after the handler's 10 s").isLessThan(5_000);
        assertThat(api.get("/echo/still-there", token).status()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsAnsweredFromTheTemplate() {
        Client.Response preflight = api.send(api.request("/users/1/runs")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST,PATCH,DELETE,OPTIONS");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("authorization,content-type");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
    }

    @Test
    void corsWildcardOriginsMatchAndOthersGetNoCorsHeaders() {
        Client.Response wildcard = api.send(api.request("/users").header("Origin", "https://app.stride.example")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(wildcard.header("Access-Control-Allow-Origin")).isEqualTo("https://app.stride.example");

        Client.Response stranger = api.send(api.request("/users").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(stranger.status()).isEqualTo(204);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void corsHeadersOfTheTemplateReplaceTheFunctionsOwn() {
        Client.Response response = api.send(api.request("/echo/cors").header("Authorization", token)
                .header("Origin", "http://localhost:5173"));

        assertThat(response.headers("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
        assertThat(response.header("Access-Control-Expose-Headers")).isEqualTo("location");

        Client.Response refused = api.send(api.request("/echo/cors").header("Origin", "http://localhost:5173"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    }

    @Test
    void docsServeSwaggerUiOverTheOpenApiDocumentPointedAtThisServer() {
        Client.Response page = api.get("/_local/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/_local/docs/swagger-ui-bundle.js").contains("/_local/openapi.yaml");

        Client.Response bundle = api.get("/_local/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).isEqualTo("text/javascript");
        assertThat(bundle.bytes().length).isGreaterThan(100_000);

        Client.Response spec = api.get("/_local/openapi.yaml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("url: " + api.baseUrl()).doesNotContain("api.stride.example")
                .contains("/runs/{runId}");

        assertThat(api.get("/_local/docs/../../etc/passwd", null).status()).isEqualTo(404);
    }
}
