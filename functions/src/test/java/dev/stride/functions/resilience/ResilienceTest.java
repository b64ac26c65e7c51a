package dev.stride.functions.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.Env;
import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.DatabaseSettings;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a Lambda instance meets in production: dropped connections and concurrent callers. */
class ResilienceTest {

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void connectionDroppedByDatabase_thenNextInvocationGetsFreshConnection() throws Exception {
        DatabaseSettings settings = TestDatabase.settings();
        try (Database database = Database.open(settings)) {
            Services stride = Services.over(database);
            CreateUserHandler createUser = new CreateUserHandler(stride.users());
            GetRunHandler getRun = new GetRunHandler(stride.runs());
            var create = HttpApiEvent.request("POST", "/users").as("alice-sub")
                    .body("{\"username\": \"Alice\", \"email\": \"alice@example.com\"}").build();
            assertThat(createUser.handleRequest(create, new LambdaContext()).getStatusCode()).isEqualTo(201);

            terminateStrideConnections(settings);
            Thread.sleep(600); // a warm Lambda sits idle between invocations

            var get = HttpApiEvent.request("GET", "/runs/{runId}").path("runId", 1).as("alice-sub").build();
            assertThat(getRun.handleRequest(get, new LambdaContext()).getStatusCode()).isEqualTo(404);

            terminateStrideConnections(settings);
            // No pause: the dead connection may be handed out once; that call must fail cleanly
            // (503, not 500) and the one after it must work.
            int immediately = getRun.handleRequest(get, new LambdaContext()).getStatusCode();
            assertThat(immediately).isIn(404, 503);
            assertThat(getRun.handleRequest(get, new LambdaContext()).getStatusCode()).isEqualTo(404);
        }
    }

    @Test
    void lambdaConstructor_whenEnvironmentNamesDatabase_thenServes() {
        Env.use(TestDatabase.local().environment());
        try {
            // The no-argument constructor is the one Lambda calls: it builds everything from the environment.
            CreateUserHandler handler = new CreateUserHandler();
            var event = HttpApiEvent.request("POST", "/users").as("env-sub")
                    .body("{\"username\": \"Env\", \"email\": \"env@example.com\"}").build();

            assertThat(handler.handleRequest(event, new LambdaContext()).getStatusCode()).isEqualTo(201);
        } finally {
            Env.use(System.getenv());
        }
    }

    @Test
    void concurrentCreates_whenSameEmail_thenExactlyOneWinsAndNoServerError() throws Exception {
        try (Database database = Database.open(withPool(8))) {
            CreateUserHandler handler = new CreateUserHandler(Services.over(database).users());
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String sub = "racer-" + i;
                calls.add(() -> handler.handleRequest(HttpApiEvent.request("POST", "/users").as(sub)
                        .body("{\"username\": \"R\", \"email\": \"same@example.com\"}").build(), new LambdaContext())
                        .getStatusCode());
            }

            List<Integer> statuses = runAll(calls);

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1);
        }
    }

    @Test
    void concurrentRuns_whenSameNewTag_thenAllLandAndOneTagRow() throws Exception {
        TestApi.as("alice-sub").post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}");
        try (Database database = Database.open(withPool(8))) {
            CreateRunHandler handler = new CreateRunHandler(Services.over(database).runs());
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> handler.handleRequest(HttpApiEvent.request("POST", "/users/{id}/runs").path("id", "me")
                        .as("alice-sub").body("{\"distance\": 5, \"tags\": [\"Race\", \"fresh\"]}").build(), new LambdaContext())
                        .getStatusCode());
            }

            List<Integer> statuses = runAll(calls);

            assertThat(statuses).containsOnly(201);
            assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(20);
            assertThat(TestDatabase.count("SELECT count(*) FROM tags")).isEqualTo(2);
            assertThat(TestDatabase.count("SELECT count(*) FROM run_tags")).isEqualTo(40);
        }
    }

    @Test
    void concurrentPatches_whenUnitAndDistanceChange_thenDerivedKmConsistent() throws Exception {
        TestApi alice = TestApi.as("alice-sub");
        alice.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}");
        long runId = alice.post("/users/me/runs", "{\"distance\": 10}").id();
        try (Database database = Database.open(withPool(4))) {
            var handler = new dev.stride.functions.runs.UpdateRunHandler(Services.over(database).runs());
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String patch = i % 2 == 0 ? "{\"unit\": \"mi\"}" : "{\"distance\": " + (11 + i) + "}";
                calls.add(() -> handler.handleRequest(HttpApiEvent.request("PATCH", "/runs/{runId}").path("runId", runId)
                        .as("alice-sub").body(patch).build(), new LambdaContext()).getStatusCode());
            }

            assertThat(runAll(calls)).containsOnly(200);
        }
        TestResponse run = alice.get("/runs/" + runId);
        double factor = run.json().get("unit").asText().equals("mi") ? 1.609344 : 1.0;
        assertThat(run.json().get("distanceKm").asDouble())
                .isCloseTo(run.json().get("distance").asDouble() * factor, org.assertj.core.data.Offset.offset(0.001));
    }

    private static DatabaseSettings withPool(int size) {
        DatabaseSettings settings = TestDatabase.settings();
        return new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(), size);
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void terminateStrideConnections(DatabaseSettings settings) throws SQLException {
        try (Connection admin = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'stride' AND pid <> pg_backend_pid()");
        }
    }
}
