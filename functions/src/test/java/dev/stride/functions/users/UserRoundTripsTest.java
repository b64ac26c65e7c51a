package dev.stride.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.RoundTrips;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trips to the database per request on user profiles, counted on the wire as bench/run
 * counts them ({@link RoundTrips}), on the second call of a fresh connection and in the steady
 * state (the tenth call, its statements prepared on the server).
 */
class UserRoundTripsTest {

    private static final String ALICE = "alice-sub";

    private final TestApi alice = TestApi.as(ALICE);

    @BeforeEach
    void profile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void create_thenOneRoundTrip(int nth) {
        // The caller's profile and the email's holder checked, and the profile inserted, in one
        // statement in autocommit. Each call is a new caller.
        assertThat(RoundTrips.of(ALICE, nth, 201, (on, i) -> on.as("new-" + i).post("/users", profile(i)))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void create_whenIdempotencyKey_thenFourRoundTrips(int nth) {
        // The key's lock and record (with BEGIN); the profile; the key's answer; COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 201, (on, i) -> keyed(on.as("keyed-" + i), profile(i)))).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void getAndList_thenOneRoundTripEach(int nth) {
        // One statement each, in autocommit.
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users/me"))).isEqualTo(1);
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().get("/users"))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void update_whenUsernameOrEmailChanges_thenThreeRoundTrips(int nth) {
        // The profile, locked (with BEGIN); the change with the email's check; COMMIT.
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().patch("/users/me", "{\"username\": \"Alice " + i + "\"}")))
                .isEqualTo(3);
        assertThat(RoundTrips.of(ALICE, nth, 200,
                (on, i) -> on.api().patch("/users/me", "{\"email\": \"alice" + i + "@example.com\"}"))).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void update_whenNothingChanges_thenTwoRoundTrips(int nth) {
        // The profile, locked (with BEGIN); COMMIT: nothing written.
        assertThat(RoundTrips.of(ALICE, nth, 200, (on, i) -> on.api().patch("/users/me", "{\"username\": \"Alice\"}"))).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {RoundTrips.SECOND, RoundTrips.STEADY})
    void delete_thenOneRoundTrip(int nth) {
        for (int i = 1; i <= nth; i++) {
            TestApi.as("gone-" + i).post("/users", "{\"username\": \"Gone\", \"email\": \"gone" + i + "@example.com\"}");
        }

        // Lock, If-Match check and DELETE in one statement, in autocommit. Each call deletes its own caller's profile.
        assertThat(RoundTrips.of(ALICE, nth, 204, (on, i) -> on.as("gone-" + i).delete("/users/me"))).isEqualTo(1);
    }

    private static String profile(int i) {
        return "{\"username\": \"New " + i + "\", \"email\": \"new" + i + "@example.com\"}";
    }

    private static TestResponse keyed(TestApi api, String json) {
        return api.send("POST", api.eventFor("POST", "/users").header("Idempotency-Key", "key-" + json.hashCode()).body(json));
    }
}
