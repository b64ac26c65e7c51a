package dev.stride.bench.child;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.bench.seed.Fixture;
import dev.stride.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The primed floor, the primed section's like-for-like yardstick: every operation primes on one
 * connection, serves its requests on a new one, and each of its calls finds what it asks for (a
 * floor call that found nothing throws); what a create's priming wrote is titled for the harness
 * to delete, and the requests' own runs are not.
 */
class PrimedFloorTest {

    @Test
    void run_whenEveryOperation_thenPrimesOnOneConnectionAndServesOnAnother() throws Exception {
        TestDatabase.reset();
        Fixture fixture = Fixture.seed(TestDatabase.settings(), List.of());
        Fixture.User reader = fixture.reader();
        Fixture.User writer = fixture.writer();
        Fixture.User creator = fixture.creator();
        List<Map<String, String>> operations = List.of(
                Map.of("op", "get", "sub", reader.sub(), "user", String.valueOf(reader.id()), "run", String.valueOf(fixture.readerRunId())),
                Map.of("op", "list", "sub", reader.sub(), "user", String.valueOf(reader.id())),
                Map.of("op", "create", "sub", creator.sub(), "user", String.valueOf(creator.id()), "tags", "easy,Bench"),
                Map.of("op", "update", "sub", writer.sub(), "user", String.valueOf(writer.id()), "run", String.valueOf(fixture.writerRunId())),
                Map.of("op", "delete", "sub", writer.sub(), "user", String.valueOf(writer.id())),
                Map.of("op", "dashboard", "sub", reader.sub(), "user", String.valueOf(reader.id())));
        long runsBefore = count("SELECT count(*) FROM runs");
        for (Map<String, String> operation : operations) {
            Map<String, String> arg = new HashMap<>(operation);
            arg.putAll(Map.of("rounds", "3", "idle", "1", "requests", "2"));
            // Each session's prepare threshold, read as the floor closes it.
            List<Integer> thresholds = new ArrayList<>();

            List<long[]> requests = PrimedFloor.run(() -> closeRecorded(fixture.connect(), thresholds), arg);

            // Two sessions, each preparing a statement on the server at its first run, as Stride's do.
            assertThat(thresholds).as(operation.get("op")).containsExactly(1, 1);
            assertThat(requests).as(operation.get("op")).hasSize(2).allSatisfy(times -> assertThat(times[0]).isPositive());
        }
        // The create's 3 priming rounds and 6 calls on the new connection, titled; its 2 requests, not.
        assertThat(count("SELECT count(*) FROM runs WHERE title = '" + PrimedFloor.PRIMING_TITLE + "'")).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM runs")).isEqualTo(runsBefore + 11);
    }

    /** {@code connection}, which adds its prepare threshold to {@code thresholds} when it is closed. */
    private static Connection closeRecorded(Connection connection, List<Integer> thresholds) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        thresholds.add(connection.unwrap(PGConnection.class).getPrepareThreshold());
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }

    private static long count(String sql) {
        return TestDatabase.count(sql);
    }
}
