package dev.stride.functions.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.WireTrace;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Round trips to the database per write, counted on the wire as bench/run counts them
 * ({@link WireTrace}: BEGIN travels with the first statement; COMMIT is one of its own). Each
 * request is sent once before it is counted, so that no first-use work of the pool is in the count.
 */
class RoundTripsTest {

    private final TestApi alice = TestApi.as("alice-sub");

    @BeforeEach
    void profile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @Test
    void createRun_whenTagged_thenThreeRoundTrips() {
        alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\", \"Park\"]}");

        // The new tags (with BEGIN); the run with its owner check and tag links; COMMIT.
        assertThat(roundTrips(() -> alice.post("/users/me/runs", "{\"distance\": 6, \"tags\": [\"easy\", \"Park\"]}"), 201))
                .isEqualTo(3);
    }

    @Test
    void updateRun_whenDistanceChanges_thenThreeRoundTrips() {
        long run = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();
        alice.patch("/runs/" + run, "{\"distance\": 6}");

        // The run with its tags, locked (with BEGIN); the change with its tag links; COMMIT.
        assertThat(roundTrips(() -> alice.patch("/runs/" + run, "{\"distance\": 7}"), 200)).isEqualTo(3);
    }

    @Test
    void delete_whenRunMoodOrProfile_thenOneRoundTripEach() {
        long first = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();
        long second = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();
        long mood = alice.post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"2026-11-20\"}").id();
        alice.delete("/runs/" + first);

        // Lock, If-Match check and DELETE in one statement, in autocommit: no BEGIN, no COMMIT.
        assertThat(roundTrips(() -> alice.delete("/runs/" + second), 204)).isEqualTo(1);
        assertThat(roundTrips(() -> alice.delete("/moods/" + mood), 204)).isEqualTo(1);
        assertThat(roundTrips(() -> alice.delete("/users/me"), 204)).isEqualTo(1);
    }

    /** The round trips {@code request} makes; it must answer {@code expected}. */
    private static int roundTrips(Supplier<TestResponse> request, int expected) {
        WireTrace.Captured<TestResponse> sent = WireTrace.capture(request);
        assertThat(sent.value().status()).isEqualTo(expected);
        return sent.trace().roundTrips();
    }
}
