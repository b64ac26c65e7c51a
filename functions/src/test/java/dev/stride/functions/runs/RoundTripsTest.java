package dev.stride.functions.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.RoundTrips;
import dev.stride.functions.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trips to the database per request on runs and the dashboard, counted on the wire as
 * bench/run counts them ({@link RoundTrips}), on the second call of a fresh connection and in the
 * steady state (the tenth call, its statements prepared on the server). Moods and
 * profiles: {@code MoodRoundTripsTest}, {@code UserRoundTripsTest}.
 */
class RoundTripsTest {

    private static final String ALICE = "alice-sub";

    private final TestApi alice = TestApi.as(ALICE);

    @BeforeEach
    void profile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void createRun_whenTagged_thenThreeRoundTrips(int nth) {
        String run = "{\"distance\": 5, \"tags\": [\"easy\", \"Park\"]}";

        // The new tags (with BEGIN); the run with its owner check and tag links; COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 201, (on, i) -> on.api().post("/users/me/runs", run))).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void createRun_whenUntagged_thenOneRoundTrip(int nth) {
        String run = "{\"distance\": 5, \"mood\": \"good\"}";

        // The run with its owner check, in autocommit: no BEGIN, no COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 201, (on, i) -> on.api().post("/users/me/runs", run))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void updateRun_whenDistanceChanges_thenThreeRoundTrips(int nth) {
        long run = run();

        // The run with its tags, locked (with BEGIN); the change with its tag links; COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().patch("/runs/" + run, "{\"distance\": " + (5 + i) + "}")))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void getListAndDashboard_thenOneRoundTripEach(int nth) {
        long run = run();

        // One statement each, in autocommit.
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/runs/" + run))).isEqualTo(1);
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users/me/runs"))).isEqualTo(1);
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users/me/dashboard"))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void delete_thenOneRoundTrip(int nth) {
        long[] runs = new long[nth + 1];
        for (int i = 1; i <= nth; i++) {
            runs[i] = run();
        }

        // Lock, If-Match check and DELETE in one statement, in autocommit: no BEGIN, no COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 204, (on, i) -> on.api().delete("/runs/" + runs[i]))).isEqualTo(1);
    }

    private long run() {
        return alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();
    }
}
