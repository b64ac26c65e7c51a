package dev.stride.functions.safewrites;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.Retries;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.UpdateRunHandler;
import dev.stride.functions.support.TestApi;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.testkit.TestDatabase;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The race that used to deadlock: a PATCH adding a brand-new tag to a run while a create adds the
 * same new tag, 300 times, each pair on two "Lambda instances" of their own at the same instant.
 */
class ContentionTest {

    private static final int ROUNDS = 300;

    @Test
    void patchAndCreate_whenBothAddTheSameNewTag_thenNo500() throws Exception {
        TestDatabase.reset();
        TestApi alice = TestApi.as("alice-sub");
        alice.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}");
        long runId = alice.post("/users/me/runs", "{\"distance\": 5, \"date\": \"2026-11-20\"}").id();
        DatabaseSettings settings = TestDatabase.settings();
        long retriesBefore = Retries.total();
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database patching = Database.open(settings); Database creating = Database.open(settings)) {
            UpdateRunHandler patch = new UpdateRunHandler(Services.over(patching).runs());
            CreateRunHandler create = new CreateRunHandler(Services.over(creating).runs());
            CyclicBarrier together = new CyclicBarrier(2);
            for (int round = 0; round < ROUNDS; round++) {
                String tag = "fresh-" + round;
                int distance = 5 + round % 7;
                Future<APIGatewayV2HTTPResponse> patched = pool.submit(() -> {
                    together.await();
                    return patch.handleRequest(HttpApiEvent.request("PATCH", "/runs/{runId}").path("runId", runId).as("alice-sub")
                            .body("{\"tags\": [\"" + tag + "\"], \"distance\": " + distance + "}").build(), new LambdaContext());
                });
                Future<APIGatewayV2HTTPResponse> created = pool.submit(() -> {
                    together.await();
                    return create.handleRequest(HttpApiEvent.request("POST", "/users/{id}/runs").path("id", "me").as("alice-sub")
                            .body("{\"distance\": 3, \"date\": \"2026-11-20\", \"tags\": [\"" + tag + "\"]}").build(), new LambdaContext());
                });
                statuses.merge(patched.get().getStatusCode(), 1, Integer::sum);
                statuses.merge(created.get().getStatusCode(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        long retries = Retries.total() - retriesBefore;
        System.out.println("contention: " + ROUNDS + " rounds, answers " + statuses + ", units of work retried " + retries
                + " " + Retries.counts());

        assertThat(statuses.keySet()).as("answers").doesNotContain(500);
        assertThat(statuses).containsEntry(200, ROUNDS).containsEntry(201, ROUNDS);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(ROUNDS + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM tags WHERE name LIKE 'fresh-%'")).isEqualTo(ROUNDS);
        assertThat(TestDatabase.count("SELECT count(*) FROM run_tags")).isEqualTo(ROUNDS + 1);
    }
}
