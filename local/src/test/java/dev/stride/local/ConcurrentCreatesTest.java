package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twenty creates at once, spread over several instances of a function: each lands exactly once. */
class ConcurrentCreatesTest {

    private final Client api = TestServer.client();

    @BeforeEach
    void emptyDatabase() {
        TestServer.resetData();
    }

    @Test
    void twentyConcurrentUserCreatesAllLandOnce() throws Exception {
        List<Client.Response> responses = concurrently(20, i -> api.post("/users",
                "{\"username\": \"Runner " + i + "\", \"email\": \"runner" + i + "@example.com\"}",
                TestServer.token("runner-" + i)));

        Set<Long> ids = new HashSet<>();
        responses.forEach(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            ids.add(response.json().get("id").asLong());
        });
        assertThat(ids).hasSize(20);
        assertThat(TestServer.count("SELECT count(*) FROM users")).isEqualTo(20);
        assertThat(TestServer.count("SELECT count(DISTINCT owner_sub) FROM users")).isEqualTo(20);
    }

    @Test
    void twentyConcurrentRunCreatesForOneUserAllLandOnce() throws Exception {
        String alice = TestServer.token("alice");
        long userId = api.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}", alice)
                .json().get("id").asLong();

        List<Client.Response> responses = concurrently(20, i -> api.post("/users/" + userId + "/runs",
                "{\"distance\": " + (i + 1) + ", \"title\": \"run " + i + "\"}", alice));

        responses.forEach(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("id").asLong()).distinct()).hasSize(20);
        assertThat(TestServer.count("SELECT count(*) FROM runs")).isEqualTo(20);
        assertThat(TestServer.count("SELECT count(DISTINCT title) FROM runs")).isEqualTo(20);
        assertThat(api.get("/users/" + userId + "/runs?limit=100", alice).json().get("items")).hasSize(20);
    }

    private static List<Client.Response> concurrently(int count, java.util.function.IntFunction<Client.Response> call)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<Client.Response>> calls = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> call.apply(i), clients))
                    .toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }
}
