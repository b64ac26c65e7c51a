package dev.stride.functions.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.DatabaseLimits;
import dev.stride.functions.support.RestartablePostgres;
import dev.stride.functions.support.TestApi;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.json.Json;
import dev.stride.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A database that is down when an instance starts, and the limits every unit of work runs under. */
class DatabaseStartAndLimitsTest {

    private static final DatabaseLimits SHORT = new DatabaseLimits(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(10));

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void coldStart_whenDatabaseDown_thenAnswers503AndServesOnceItIsBack() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.create(Map.of())) {
            // What the Lambda init does: it must not throw (Lambda would retry the whole init on every request).
            Database database = Database.open(postgres.dataSource(SHORT), 1);
            var handlers = TestApi.handlers(Services.over(database));
            var create = HttpApiEvent.request("POST", "/users").as("early-sub")
                    .body("{\"username\": \"Early\", \"email\": \"early@example.com\"}");

            APIGatewayV2HTTPResponse down = handlers.get("POST /users").handleRequest(create.build(), new LambdaContext());

            assertThat(down.getStatusCode()).isEqualTo(503);
            assertThat(down.getHeaders()).containsEntry("Content-Type", "application/problem+json").containsKey("Retry-After");
            assertThat(Json.read(down.getBody()).get("status").asInt()).isEqualTo(503);

            postgres.start().migrate();
            APIGatewayV2HTTPResponse back = handlers.get("POST /users").handleRequest(create.build(), new LambdaContext());

            assertThat(back.getStatusCode()).isEqualTo(201);
            assertThat(postgres.count("SELECT count(*) FROM users")).isEqualTo(1);
            database.close();
        }
    }

    @Test
    void transaction_whenWorkThrowsAnError_thenRolledBackAndTheConnectionFreed() {
        try (Database database = Database.open(TestDatabase.settings())) { // one connection, as on Lambda
            assertThatThrownBy(() -> database.transaction(em -> {
                em.createNativeQuery("INSERT INTO tags (name) VALUES ('half-written')").executeUpdate();
                throw new ExceptionInInitializerError("a class failed to initialise");
            })).isInstanceOf(ExceptionInInitializerError.class);

            // The only connection is back in the pool at once (else this waits and fails), and clean.
            Object left = database.transaction(em ->
                    em.createNativeQuery("SELECT count(*) FROM tags WHERE name = 'half-written'").getSingleResult());
            assertThat(((Number) left).longValue()).isZero();
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM tags WHERE name = 'half-written'")).isZero();
    }

    /**
     * A statement is prepared on the server at its first run (pgjdbc's default is the fifth): a new
     * session, after a cold start or a SnapStart restore, reaches the plan PostgreSQL keeps for it
     * in fewer runs (SnapStartHooks.RESTORE_ROUNDS).
     */
    @Test
    void read_whenAStatementRunsOnce_thenItIsPreparedOnTheServer() {
        try (Database database = Database.open(TestDatabase.settings())) { // one connection: one session
            database.read(em -> em.createNativeQuery("SELECT count(*) FROM tags WHERE name = ?1").setParameter(1, "once")
                    .getSingleResult());

            Object prepared = database.read(em -> em.createNativeQuery(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT count(*) FROM tags WHERE name = %'")
                    .getSingleResult());

            assertThat(((Number) prepared).longValue()).isEqualTo(1);
        }
    }

    @Test
    void close_whenClosedTwice_thenTheSecondDoesNothing() {
        // An owner closes the database, then Services' shutdown hook closes it again at JVM exit.
        Database database = Database.open(TestDatabase.settings());
        database.read(em -> em.createNativeQuery("SELECT 1").getSingleResult());
        database.close();

        database.close();

        assertThat(database.openConnections()).isZero();
    }

    @Test
    void deleteUser_whenTheAccountHas100000Runs_thenErasedWithinTheFunctionsLimits() {
        TestApi big = TestApi.as("big-sub");
        long id = big.post("/users", "{\"username\": \"Big\", \"email\": \"big@example.com\"}").id();
        TestDatabase.execute("INSERT INTO tags (name) VALUES ('easy'), ('long')");
        TestDatabase.execute("""
                INSERT INTO runs (user_id, distance, unit, distance_km, run_date, duration_seconds, created_at, updated_at)
                SELECT %d, 1 + g %% 20, 'km', 1 + g %% 20, DATE '2000-01-03' + g %% 9000,
                       CASE WHEN g %% 3 = 0 THEN NULL ELSE 1800 END, now(), now()
                  FROM generate_series(1, 100000) g""".formatted(id));
        TestDatabase.execute("INSERT INTO run_tags SELECT r.id, t.id FROM runs r CROSS JOIN tags t WHERE r.id % 2 = 0");
        assertThat(TestDatabase.count("SELECT count(*) FROM run_weeks WHERE user_id = " + id)).isGreaterThan(1000);

        long started = System.nanoTime();
        // The handlers run with the limits of a 29 s function: one statement may take 11.6 s.
        int status = big.delete("/users/me").status();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("DELETE /users/me with 100,000 runs: " + took.toMillis() + " ms");

        assertThat(status).isEqualTo(204);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM run_tags")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM run_weeks")).isZero();
    }
}
