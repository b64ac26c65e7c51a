package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Lambda's lifecycle, locally: an instance is made once and reused; each function (and each
 * instance of one) has its own class loader for the function's code, so its statics do not leak
 * (the released libraries are loaded once for all); busy instances make the
 * function scale out instead of queueing; each function sees its own environment.
 */
class LambdaLifecycleTest {

    private final Client api = TestServer.client();

    @Test
    void warmInstanceIsReusedAndStaticsStayWithinTheirFunction() {
        // CounterFunction and OtherCounterFunction run the same class from the same zip.
        JsonNode first = api.get("/counter/a", null).json();
        JsonNode second = api.get("/counter/a", null).json();
        JsonNode other = api.get("/counter/b", null).json();
        JsonNode third = api.get("/counter/a", null).json();

        assertThat(second.get("instance").asText()).isEqualTo(first.get("instance").asText());
        assertThat(second.get("count").asInt()).isEqualTo(first.get("count").asInt() + 1);
        assertThat(third.get("count").asInt()).isEqualTo(second.get("count").asInt() + 1);
        assertThat(other.get("instance").asText()).startsWith("OtherCounterFunction#");
        assertThat(other.get("count").asInt()).as("a static of another function's class loader").isLessThan(third.get("count").asInt());
    }

    @Test
    void concurrentRequestsScaleOutToNewInstancesUpToTheCapThenWait() throws Exception {
        // The test server allows 4 instances per function: 6 overlapping requests get 4
        // instances, and the last 2 wait for one to free up instead of failing.
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Client.Response>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get("/counter/b?sleepMillis=1500", null), clients))
                    .toList();
            Set<String> instances = new HashSet<>();
            for (CompletableFuture<Client.Response> call : calls) {
                assertThat(call.get().status()).isEqualTo(200);
                instances.add(call.get().json().get("instance").asText());
            }
            assertThat(instances).hasSize(4);
            assertThat(TestServer.app().functions().get("OtherCounterFunction").instances()).isEqualTo(4);
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void functionClassesComeFromTheFunctionsOwnPackage() {
        JsonNode echo = api.get("/public/echo", null).json();

        assertThat(echo.get("handlerLoader").asText()).startsWith("EchoFunction#");
        assertThat(echo.get("jacksonLoader").asText())
                .as("Jackson from the zip's lib/, loaded once for all instances, not the server's")
                .startsWith("libraries@");
        assertThat(echo.get("contextLoader").asText()).isEqualTo(echo.get("handlerLoader").asText());
        assertThat(echo.get("eventLoader").asText()).as("event types are the server's, shared")
                .isEqualTo(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class.getClassLoader().getName());
    }

    @Test
    void eachFunctionSeesItsTemplateEnvironmentWithTheLocalDatabase() {
        JsonNode echo = api.get("/public/echo", null).json();
        JsonNode env = echo.get("env");

        assertThat(env.get("STAGE").asText()).as("the function's own value wins over Globals").isEqualTo("echo-stage");
        assertThat(env.get("GREETING").asText()).isEqualTo("hello");
        assertThat(env.get("DB_URL").asText()).isEqualTo(TestServer.app().database().settings().jdbcUrl());
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("EchoFunction");
        assertThat(echo.get("functionName").asText()).isEqualTo("EchoFunction");
        assertThat(echo.get("remainingMillis").asInt()).isBetween(1, 29_000);

        var functions = TestServer.app().functions();
        assertThat(functions.get("GetRunFunction").environment())
                .containsEntry("STAGE", "test")
                .containsEntry("LOG_LEVEL", "debug")
                .doesNotContainKey("DB_PASSWORD")
                .doesNotContainKey("DB_SECRET_ARN")
                .as("the secret only exists once deployed").doesNotContainKey("STRIDE_CURSOR_KEY_SECRET_ARN")
                .containsEntry("DB_URL", TestServer.app().database().settings().jdbcUrl());
    }
}
