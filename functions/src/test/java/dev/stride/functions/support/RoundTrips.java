package dev.stride.functions.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.db.Database;
import dev.stride.db.DatabaseLimits;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.LoginDataSource;
import dev.stride.instance.Services;
import dev.stride.testkit.TestDatabase;
import dev.stride.testkit.WireTrace;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Round trips to the database per request, counted on the wire as bench/run counts them
 * ({@link WireTrace}: every Sync the driver sends and waits on; BEGIN travels with the first
 * statement, COMMIT is one of its own), on a connection of its own (a database with one pooled
 * connection, so the pool's first-use work is out of the count).
 *
 * <p>Which call is counted matters: the PostgreSQL driver prepares a statement on the server at
 * its fifth execution on a connection ({@code prepareThreshold}), and from then on sends it
 * differently. {@link #SECOND} counts a call before that point, {@link #STEADY} one well after
 * it, as a warm Lambda instance sends it.
 *
 * <p>The pool checks a connection that sat unused for a while before handing it out
 * ({@link DatabaseLimits#idleCheck}), one round trip more. Here the calls are counted with that
 * check out of reach, so that a slow test machine counts what a busy instance sends;
 * {@link #of(DatabaseLimits, String, int, int, BiFunction)} counts with other limits (the check
 * itself: {@code IdleConnectionCheckTest}).
 */
public final class RoundTrips {

    /** The second call on the connection: its statements not yet prepared on the server. */
    public static final int SECOND = 2;

    /** The tenth call: every statement of it prepared on the server (steady state). */
    public static final int STEADY = 10;

    private RoundTrips() {
    }

    /** The callers of one counted session, all over the same database (one connection). */
    public static final class Callers {

        private final Services services;
        private final String sub;
        private final Map<String, TestApi> apis = new HashMap<>();

        private Callers(Services services, String sub) {
            this.services = services;
            this.sub = sub;
        }

        /** The session's own caller. */
        public TestApi api() {
            return as(sub);
        }

        /** Another caller over the same connection (e.g. a new profile per call). */
        public TestApi as(String other) {
            return apis.computeIfAbsent(other, s -> TestApi.over(services, s));
        }
    }

    /**
     * The round trips of call number {@code nth} of {@code call} (given its number, from 1) as
     * {@code sub} on a fresh connection: the calls before it must succeed, the counted one answer
     * {@code expected}.
     */
    public static int of(String sub, int nth, int expected, BiFunction<Callers, Integer, TestResponse> call) {
        DatabaseLimits busy = DatabaseLimits.forFunction(DatabaseLimits.DEFAULT_FUNCTION_TIMEOUT).withIdleCheck(Duration.ofHours(1));
        return of(busy, sub, nth, expected, call);
    }

    /** As above, over connections with these {@code limits}. */
    public static int of(DatabaseLimits limits, String sub, int nth, int expected,
                         BiFunction<Callers, Integer, TestResponse> call) {
        DatabaseSettings settings = TestDatabase.settings();
        try (Database database = Database.open(LoginDataSource.of(settings).withLimits(limits), settings.poolSize())) {
            Callers callers = new Callers(Services.over(database), sub);
            for (int i = 1; i < nth; i++) {
                TestResponse answer = call.apply(callers, i);
                assertThat(answer.status()).as("call %d: %s", i, answer.body()).isBetween(200, 299);
            }
            WireTrace.Captured<TestResponse> sent = WireTrace.capture(() -> call.apply(callers, nth));
            assertThat(sent.value().status()).as("%s", sent.value().body()).isEqualTo(expected);
            return sent.trace().roundTrips();
        }
    }
}
