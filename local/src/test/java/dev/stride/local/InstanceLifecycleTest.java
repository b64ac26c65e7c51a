package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.local.lambda.FunctionHost;
import dev.stride.local.support.Client;
import dev.stride.local.support.FixtureFunctions;
import dev.stride.local.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lambda's lifecycle beyond reuse: idle instances are reclaimed (their shutdown hooks run), the
 * memory budget makes room by reclaiming the least recently used idle instance, an instance over
 * its Timeout is answered 503 and replaced, and a route's throttling answers 429.
 */
class InstanceLifecycleTest {

    private final Client api = TestServer.client();

    @Test
    void idleInstancesAreReclaimedAndGoThroughTheirShutdown() throws Exception {
        LocalApp.Options defaults = TestServer.options(FixtureFunctions.template(), null, TestServer.sameDatabase());
        LocalApp.Options options = new LocalApp.Options(defaults.template(), defaults.host(), 0, null, Map.of(),
                defaults.openApi(), null, defaults.functions(), 0, Duration.ofMillis(300), defaults.environment(), System.out);
        try (LocalApp app = LocalApp.start(options)) {
            Client client = TestServer.clientFor(app.server().url());
            JsonNode first = client.get("/counter/a", null).json();
            String instance = first.get("instance").asText();
            assertThat(app.functions().get("CounterFunction").instances()).isEqualTo(1);

            waitUntil(() -> app.functions().get("CounterFunction").instances() == 0, Duration.ofSeconds(10));
            waitUntil(() -> "ran".equals(System.getProperty("shutdown." + instance)), Duration.ofSeconds(10));

            JsonNode after = client.get("/counter/a", null).json();
            assertThat(after.get("instance").asText()).as("a new instance").isNotEqualTo(instance);
            assertThat(after.get("count").asInt()).as("with fresh statics").isEqualTo(1);
        }
    }

    @Test
    void theMemoryBudgetReclaimsTheLeastRecentlyUsedIdleInstanceToMakeRoom() {
        LocalApp.Options defaults = TestServer.options(FixtureFunctions.template(), null, TestServer.sameDatabase());
        // Room for two 1024 MB instances in all.
        LocalApp.Options options = new LocalApp.Options(defaults.template(), defaults.host(), 0, null, Map.of(),
                defaults.openApi(), null, new FunctionHost.Settings(4, 2048, true), 0, Duration.ofMinutes(5),
                defaults.environment(), System.out);
        try (LocalApp app = LocalApp.start(options)) {
            Client client = TestServer.clientFor(app.server().url());
            assertThat(client.get("/counter/a", null).status()).isEqualTo(200);
            assertThat(client.get("/counter/b", null).status()).isEqualTo(200);
            assertThat(client.get("/map", null).status()).isEqualTo(200);

            assertThat(app.functions().get("CounterFunction").instances()).as("the least recently used, reclaimed").isZero();
            assertThat(app.functions().get("OtherCounterFunction").instances()).isEqualTo(1);
            assertThat(app.functions().get("MapFunction").instances()).isEqualTo(1);
            assertThat(app.host().memory().usedMb()).isEqualTo(2048);
        }
    }

    @Test
    void aHandlerOverItsTimeoutIsAnswered503AndItsInstanceReplaced() {
        Client.Response slow = api.get("/slow", TestServer.token("slowpoke"));

        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(TestServer.app().functions().get("SlowFunction").instances()).as("the stuck instance is dropped").isZero();
    }

    @Test
    void aRoutesThrottlingAnswers429OnceItsBurstIsSpent() {
        // GET /throttled: burst 2, then one request every 2 seconds.
        int ok = 0;
        Client.Response throttled = null;
        for (int i = 0; i < 4 && throttled == null; i++) {
            Client.Response response = api.get("/throttled", null);
            if (response.status() == 429) {
                throttled = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                ok++;
            }
        }
        assertThat(ok).isBetween(2, 3);
        assertThat(throttled).isNotNull();
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(api.get("/counter/a", null).status()).as("other routes are not throttled").isEqualTo(200);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
