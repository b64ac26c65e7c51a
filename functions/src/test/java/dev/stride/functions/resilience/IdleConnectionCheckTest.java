package dev.stride.functions.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.db.DatabaseLimits;
import dev.stride.functions.support.RoundTrips;
import dev.stride.functions.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool's check of a connection that sat unused ({@link DatabaseLimits#idleCheck}): one round
 * trip more, paid by the request that finds the connection idle, counted on the wire as
 * {@link RoundTrips} counts (a frozen Lambda's connection is always idle; a busy one's never).
 */
class IdleConnectionCheckTest {

    private static final String ALICE = "alice-sub";

    private static final DatabaseLimits DEFAULTS = DatabaseLimits.forFunction(DatabaseLimits.DEFAULT_FUNCTION_TIMEOUT);

    private final TestApi alice = TestApi.as(ALICE);

    private long run;

    @BeforeEach
    void profileAndRun() {
        alice.freshProfile("Alice", "alice@example.com");
        run = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"easy\"]}").id();
    }

    @Test
    void defaults_thenHalfASecond() {
        assertThat(DEFAULTS.idleCheck()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void get_whenConnectionIdleLongerThanTheCheck_thenOneMoreRoundTrip() {
        DatabaseLimits alwaysChecked = DEFAULTS.withIdleCheck(Duration.ZERO);

        // isValid (a query in the simple protocol), then the run's one statement.
        assertThat(RoundTrips.of(alwaysChecked, ALICE, RoundTrips.SECOND, 200, (on, i) -> on.api().get("/runs/" + run)))
                .isEqualTo(2);
    }

    @Test
    void get_whenConnectionIdleShorterThanTheCheck_thenOneRoundTrip() {
        DatabaseLimits neverChecked = DEFAULTS.withIdleCheck(Duration.ofHours(1));

        assertThat(RoundTrips.of(neverChecked, ALICE, RoundTrips.SECOND, 200, (on, i) -> on.api().get("/runs/" + run)))
                .isEqualTo(1);
    }
}
