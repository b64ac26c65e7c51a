package dev.stride.functions.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.db.Database;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.instance.Services;
import dev.stride.testkit.TestDatabase;
import dev.stride.testkit.WireTrace;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Round trips to the database per write, counted on the wire as bench/run counts them
 * ({@link WireTrace}: BEGIN travels with the first statement; COMMIT is one of its own): on a
 * connection of its own, the second time the request is sent, so that the pool's first-use work is
 * out of the count and the driver has not yet prepared the statements on the server (past its
 * {@code prepareThreshold}, a statement whose rows have no bounded size costs one more Sync on
 * the handler and the raw-JDBC floor alike; docs/performance.md).
 */
class RoundTripsTest {

    private static final String ALICE = "alice-sub";

    private final TestApi alice = TestApi.as(ALICE);

    @BeforeEach
    void profile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @Test
    void createRun_whenTagged_thenThreeRoundTrips() {
        String run = "{\"distance\": 5, \"tags\": [\"easy\", \"Park\"]}";

        // The new tags (with BEGIN); the run with its owner check and tag links; COMMIT.
        assertThat(roundTrips(api -> api.post("/users/me/runs", run), api -> api.post("/users/me/runs", run), 201))
                .isEqualTo(3);
    }

    @Test
    void createRun_whenUntagged_thenOneRoundTrip() {
        String run = "{\"distance\": 5, \"mood\": \"good\"}";

        // The run with its owner check, in autocommit: no BEGIN, no COMMIT.
        assertThat(roundTrips(api -> api.post("/users/me/runs", run), api -> api.post("/users/me/runs", run), 201))
                .isEqualTo(1);
    }

    @Test
    void updateRun_whenDistanceChanges_thenThreeRoundTrips() {
        long run = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();

        // The run with its tags, locked (with BEGIN); the change with its tag links; COMMIT.
        assertThat(roundTrips(api -> api.patch("/runs/" + run, "{\"distance\": 6}"),
                api -> api.patch("/runs/" + run, "{\"distance\": 7}"), 200)).isEqualTo(3);
    }

    @Test
    void delete_whenRunMoodOrProfile_thenOneRoundTripEach() {
        long[] runs = {run(), run()};
        long[] moods = {mood("2026-11-20"), mood("2026-11-21")};

        // Lock, If-Match check and DELETE in one statement, in autocommit: no BEGIN, no COMMIT.
        assertThat(roundTrips(api -> api.delete("/runs/" + runs[0]), api -> api.delete("/runs/" + runs[1]), 204)).isEqualTo(1);
        assertThat(roundTrips(api -> api.delete("/moods/" + moods[0]), api -> api.delete("/moods/" + moods[1]), 204)).isEqualTo(1);
        assertThat(roundTrips(api -> api.get("/users/me"), api -> api.delete("/users/me"), 204)).isEqualTo(1);
    }

    private long run() {
        return alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();
    }

    private long mood(String date) {
        return alice.post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"" + date + "\"}").id();
    }

    /**
     * The round trips {@code counted} makes as Alice on a fresh connection (one pooled), after
     * {@code first} on it; {@code first} must succeed, {@code counted} answer {@code expected}.
     */
    private static int roundTrips(Function<TestApi, TestResponse> first, Function<TestApi, TestResponse> counted, int expected) {
        try (Database database = Database.open(TestDatabase.settings())) {
            TestApi api = TestApi.over(Services.over(database), ALICE);
            assertThat(first.apply(api).status()).isBetween(200, 299);
            WireTrace.Captured<TestResponse> sent = WireTrace.capture(() -> counted.apply(api));
            assertThat(sent.value().status()).isEqualTo(expected);
            return sent.trace().roundTrips();
        }
    }
}
