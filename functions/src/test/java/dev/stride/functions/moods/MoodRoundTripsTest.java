package dev.stride.functions.moods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.RoundTrips;
import dev.stride.functions.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trips to the database per request on moods, counted on the wire as bench/run counts them
 * ({@link RoundTrips}), on the second call of a fresh connection and in the steady state (the
 * tenth call, its statements prepared on the server).
 */
class MoodRoundTripsTest {

    private static final String ALICE = "alice-sub";

    private final TestApi alice = TestApi.as(ALICE);

    @BeforeEach
    void profile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void create_thenOneRoundTrip(int nth) {
        // The owner check and the mood in one statement, in autocommit.
        assertThat(RoundTrips.of(ALICE, nth, 201, (on, i) -> on.api().post("/users/me/moods", mood(i)))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void getListAndLatest_thenOneRoundTripEach(int nth) {
        long mood = alice.post("/users/me/moods", mood(1)).id();

        // One statement each, in autocommit (a list: the owner check and the page together).
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/moods/" + mood))).isEqualTo(1);
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users/me/moods"))).isEqualTo(1);
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users/me/moods?from=2026-11-01&to=2026-11-30")))
                .isEqualTo(1);
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users/me/moods/latest"))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void update_thenThreeRoundTrips(int nth) {
        long mood = alice.post("/users/me/moods", mood(1)).id();

        // The mood, locked (with BEGIN); the UPDATE; COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().patch("/moods/" + mood, "{\"positivity\": " + (i % 5 + 1) + "}")))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void delete_thenOneRoundTrip(int nth) {
        long[] moods = new long[nth + 1];
        for (int i = 1; i <= nth; i++) {
            moods[i] = alice.post("/users/me/moods", mood(i)).id();
        }

        // Lock, If-Match check and DELETE in one statement, in autocommit.
        assertThat(RoundTrips.of(ALICE, nth, 204, (on, i) -> on.api().delete("/moods/" + moods[i]))).isEqualTo(1);
    }

    private static String mood(int i) {
        return "{\"description\": \"Happy\", \"date\": \"2026-11-" + (10 + i) + "\", \"positivity\": 4}";
    }
}
