package dev.stride.functions.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.Login;
import dev.stride.db.LoginDataSource;
import dev.stride.db.LoginSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.support.DatabaseRoles;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Priming;
import dev.stride.instance.RolledBackWrites;
import dev.stride.instance.Services;
import dev.stride.instance.SnapStartHooks;
import dev.stride.testkit.Sql;
import dev.stride.testkit.TestDatabase;
import dev.stride.testkit.WireTrace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SnapStart hooks as Lambda runs them: before the checkpoint, then after a restore. */
class SnapStartTest {

    private final AtomicInteger restores = new AtomicInteger();

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void hooks_whenCheckpointThenRestore_thenPoolEmptiedAndNextRequestOnNewConnection() throws Exception {
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);
            SnapStartHooks hooks = new SnapStartHooks(stride, restoresCounted());
            var create = new CreateUserHandler(stride.users());
            assertThat(create.handleRequest(createUser("before"), new LambdaContext()).getStatusCode()).isEqualTo(201);
            int snapshotPid = backendPid(database);

            hooks.beforeCheckpoint(null);

            // Nothing pooled goes into the snapshot: the session on the database side is gone.
            assertThat(database.openConnections()).isZero();
            awaitGone(snapshotPid);

            hooks.afterRestore(null);

            assertThat(restores).hasValue(1);
            assertThat(create.handleRequest(createUser("after"), new LambdaContext()).getStatusCode()).isEqualTo(201);
            assertThat(backendPid(database)).isNotEqualTo(snapshotPid);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(2);
    }

    @Test
    void priming_whenRun_thenServesEveryPathAndWritesNothing() {
        TestDatabase.execute("INSERT INTO users (owner_sub, username, email, created_at, updated_at) "
                + "VALUES ('someone', 'Someone', 'someone@example.com', now(), now())");
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            var statuses = Priming.prime(Services.over(database));

            // As a caller without a profile: GET /users, then with a cursor issued for another
            // list (400). Then every request for a caller whose profile, run (with a tag) and mood
            // exist only inside the request's transaction, undone before COMMIT, each read first
            // also as the caller without a profile, in autocommit (404: no such profile): reads
            // answered in full (the runs of /users/me and of /users/{the profile's id}, plain, with
            // a cursor issued for another list as the caller without a profile only, and filtered;
            // the run; the moods by me and by id likewise; the latest mood and the dashboard, by me
            // and by id); a run, a mood and a profile created, each with an Idempotency-Key (its
            // answer recorded too) and without, and a run without tags; the profile read, PATCHed and deleted, by me and by
            // id; the mood read, PATCHed and deleted; the run PATCHed (with a new tag) and deleted.
            // Each request over the profile twice: over a new user's, then over a lived-in one;
            // and the run's distance alone PATCHed over the lived-in one only.
            // That nothing was written is read from the rows.
            // Every write but a profile's create and a keyed one also as the caller without a
            // profile, in autocommit (404), before it runs over the profile; a run's create without
            // tags (one statement in autocommit) only so.
            assertThat(statuses).containsExactly(200, 400, 404, 200, 200, 404, 200, 200, 404, 404, 200, 200, 404, 200, 200,
                    404, 200, 200, 404, 200, 200, 404, 404, 200, 200, 404, 200, 200, 404, 200, 200, 404, 200, 200, 201, 201,
                    404, 201, 201, 404, 201, 201, 404, 201, 201, 201, 201, 201, 201, 404, 200, 200, 404, 200, 200, 404, 200,
                    200, 404, 200, 200, 404, 204, 204, 404, 204, 204, 404, 200, 200, 404, 200, 200, 404, 204, 204, 404, 200,
                    200, 200, 404, 204, 204);
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * The lived-in profile a snapshot's priming also runs over takes the paths real data takes: a
     * list with a next page (more rows than the driver's first array holds), runs in miles with
     * two tags, the run the requests name with every optional field empty, weeks of a dashboard;
     * and, as any priming, it leaves nothing behind.
     */
    @Test
    void livedIn_whenRequestsRunOverIt_thenAPageAndMoreEmptyFieldsSeveralTagsAndNothingWritten() throws Exception {
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);
            RolledBackWrites writes = new RolledBackWrites("test");
            ObjectMapper json = new ObjectMapper();

            JsonNode page = json.readTree(writes.run(RolledBackWrites.History.LIVED_IN, () -> new ListRunsHandler(stride.runs())
                    .handleRequest(HttpApiEvent.request("GET", "/users/{id}/runs").path(Map.of("id", "me")).as(writes.caller()).build(),
                            new LambdaContext())).getBody());
            JsonNode run = json.readTree(writes.run(RolledBackWrites.History.LIVED_IN, () -> new GetRunHandler(stride.runs())
                    .handleRequest(HttpApiEvent.request("GET", "/runs/{runId}").path(Map.of("runId", String.valueOf(writes.runId())))
                            .as(writes.caller()).build(), new LambdaContext())).getBody());
            JsonNode dashboard = json.readTree(writes.run(RolledBackWrites.History.LIVED_IN, () -> new GetDashboardHandler(stride.dashboard())
                    .handleRequest(HttpApiEvent.request("GET", "/users/{id}/dashboard").path(Map.of("id", "me")).as(writes.caller()).build(),
                            new LambdaContext())).getBody());

            assertThat(page.get("items")).hasSize(20);
            assertThat(page.get("nextCursor").isTextual()).isTrue();
            assertThat(run.get("unit").asText()).isEqualTo("mi");
            assertThat(run.get("tags")).hasSize(2);
            for (String empty : List.of("durationSeconds", "mood", "title", "notes")) {
                assertThat(run.path(empty).isMissingNode() || run.get(empty).isNull()).as(empty).isTrue();
            }
            assertThat(dashboard.get("totalRuns").asLong()).isGreaterThan(1);
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * Before a snapshot a lived-in profile is seeded every {@value Priming#LIVED_IN_EVERY} rounds
     * from the first of the rounds and of each batch (its seeding is a round's costliest part);
     * after a restore, whose hook the first request waits for, never.
     */
    @Test
    void livedIn_whenBeforeASnapshotOrAfterARestore_thenEveryFourthRoundOrNever() {
        String handler = "dev.stride.functions.runs.GetRunHandler";
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);

            var snapshot = WireTrace.capture(() -> Priming.primeUntilSettled(stride, handler, 8, 4, Duration.ofSeconds(30), () -> 42));
            var restore = WireTrace.capture(() -> Priming.primeOnNewConnection(stride, handler, 5));

            // Rounds 0 and 4 of the 8, then round 0 of the one batch (the JIT compiled nothing new).
            assertThat(snapshot.trace().executed()).filteredOn(sql -> sql.contains("generate_series(0, 23)")).hasSize(3);
            assertThat(restore.trace().executed()).filteredOn(sql -> sql.contains("generate_series(0, 23)")).isEmpty();
            assertThat(restore.value()).containsExactly(404, 200);
        }
    }

    /** The functions that write. */
    static List<String> writeFunctions() {
        return List.of("dev.stride.functions.runs.CreateRunHandler", "dev.stride.functions.runs.UpdateRunHandler",
                "dev.stride.functions.runs.DeleteRunHandler", "dev.stride.functions.moods.CreateMoodHandler",
                "dev.stride.functions.moods.UpdateMoodHandler", "dev.stride.functions.moods.DeleteMoodHandler",
                "dev.stride.functions.users.CreateUserHandler", "dev.stride.functions.users.UpdateUserHandler",
                "dev.stride.functions.users.DeleteUserHandler");
    }

    /**
     * A write function primes its own write at init: run to its end (statements, COMMIT and all),
     * answered 2xx, and as a caller without a profile in autocommit (404), and nothing of it left
     * in any table, with somebody's data beside it untouched.
     */
    @ParameterizedTest
    @MethodSource("writeFunctions")
    void priming_whenAWriteFunction_thenItsWriteRunsToTheEndAndNothingIsWritten(String handler) {
        TestDatabase.execute("""
                WITH u AS (INSERT INTO users (owner_sub, username, email, created_at, updated_at)
                           VALUES ('someone', 'Someone', 'someone@example.com', now(), now()) RETURNING id),
                     r AS (INSERT INTO runs (user_id, distance, unit, distance_km, run_date, created_at, updated_at)
                           SELECT id, 5, 'km', 5, current_date, now(), now() FROM u RETURNING id),
                     t AS (INSERT INTO tags (name) VALUES ('easy') RETURNING id),
                     l AS (INSERT INTO run_tags (run_id, tag_id) SELECT r.id, t.id FROM r, t)
                INSERT INTO moods (user_id, description, mood_date, created_at, updated_at)
                SELECT id, 'Fine', current_date, now(), now() FROM u""");
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            var statuses = Priming.prime(Services.over(database), handler);

            // Over the profile: 2xx; as a caller without one, in autocommit as a real write runs: 404.
            assertThat(statuses).anySatisfy(status -> assertThat(status).isBetween(200, 204))
                    .allSatisfy(status -> assertThat(status).isIn(200, 201, 204, 404));
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * An on-demand init primes a read function's own statements only, as a real read runs them for
     * a caller without a profile: in autocommit (no BEGIN), nothing seeded and undone (no
     * savepoint), answered 404, an empty list or a 400 for a cursor Stride did not issue, and
     * nothing written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev.stride.functions.runs.GetRunHandler", "dev.stride.functions.runs.ListRunsHandler",
            "dev.stride.functions.moods.GetMoodHandler", "dev.stride.functions.moods.ListMoodsHandler",
            "dev.stride.functions.moods.GetLatestMoodHandler", "dev.stride.functions.users.ListUsersHandler",
            "dev.stride.functions.users.GetUserHandler", "dev.stride.functions.dashboard.GetDashboardHandler"})
    void primeAtInit_whenAReadFunction_thenItsStatementsOnlyInAutocommitAndNothingWritten(String handler) {
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);

            var primed = WireTrace.capture(() -> Priming.primeAtInit(stride, handler));

            assertThat(primed.value()).isNotEmpty().allSatisfy(status -> assertThat(status).isIn(200, 400, 404));
            assertThat(primed.trace().sql()).as("the function's own statements").isNotEmpty()
                    .noneSatisfy(sql -> assertThat(sql.strip()).startsWithIgnoringCase("BEGIN"))
                    .noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("SAVEPOINT"));
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * An on-demand init primes a write function's every path, as before a snapshot (its first
     * request needs its body checked against the row, its transaction and its commit), over a new
     * user's profile only: a snapshot's priming runs each request over a lived-in profile as well,
     * whose seeding an on-demand init would add to what its first request waits for. Nothing is
     * written.
     */
    @ParameterizedTest
    @MethodSource("writeFunctions")
    void primeAtInit_whenAWriteFunction_thenEveryPathAndNothingWritten(String handler) {
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);

            var atInit = WireTrace.capture(() -> Priming.primeAtInit(stride, handler));

            // The snapshot's priming runs every request init runs, in the same order, and more.
            assertThat(Priming.prime(stride, handler)).containsSubsequence(atInit.value()).hasSizeGreaterThan(atInit.value().size());
            assertThat(atInit.value()).anySatisfy(status -> assertThat(status).isBetween(200, 204));
            assertThat(atInit.trace().executed()).as("no lived-in profile seeded").noneSatisfy(sql -> assertThat(sql).contains("generate_series(0, 23)"));
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * A read function primes its own path as a real read runs it (autocommit: 404 for a caller
     * without a profile) and over a profile, run and mood of its own that it sees inside its
     * transaction, answered in full (200), and nothing of it is left in any table.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev.stride.functions.runs.GetRunHandler", "dev.stride.functions.runs.ListRunsHandler",
            "dev.stride.functions.moods.GetMoodHandler", "dev.stride.functions.moods.ListMoodsHandler",
            "dev.stride.functions.moods.GetLatestMoodHandler", "dev.stride.functions.users.GetUserHandler",
            "dev.stride.functions.dashboard.GetDashboardHandler"})
    void priming_whenAReadFunction_thenItsReadsAnswerInFullAndNothingIsWritten(String handler) {
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            var statuses = Priming.prime(Services.over(database), handler);

            // Each read as a caller without a profile (404 or an empty list), then in full (200).
            assertThat(statuses).isNotEmpty().contains(200).containsOnly(200, 404);
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * A user's data is asked for as /users/me/... and as /users/{id}/... (the bench and many
     * clients do): a different statement each, so every function over a user's data primes both,
     * and over the id both are answered in full.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev.stride.functions.runs.ListRunsHandler", "dev.stride.functions.runs.CreateRunHandler",
            "dev.stride.functions.moods.ListMoodsHandler", "dev.stride.functions.moods.CreateMoodHandler",
            "dev.stride.functions.moods.GetLatestMoodHandler", "dev.stride.functions.dashboard.GetDashboardHandler",
            "dev.stride.functions.users.GetUserHandler", "dev.stride.functions.users.UpdateUserHandler",
            "dev.stride.functions.users.DeleteUserHandler"})
    void priming_whenAFunctionOverAUsersData_thenPrimesItByMeAndByTheProfilesId(String handler) {
        RolledBackWrites writes = new RolledBackWrites("test");

        var ids = HandlerPriming.requests(writes).stream()
                .filter(request -> request.handler().equals(handler) && request.profile() == HandlerPriming.Profile.ALREADY_THERE)
                .map(request -> request.pathParameters().get("id"))
                .toList();

        assertThat(ids).contains("me", String.valueOf(writes.userId()));
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            var statuses = Priming.prime(Services.over(database), handler);

            // Over the profile: 200 (201 for a create, 204 for a delete), by me and by id alike.
            assertThat(statuses.stream().filter(status -> status >= 200 && status < 300)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 201, 204, 400, 404));
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /**
     * Before a snapshot, a function primes its path a number of rounds, then in batches until the
     * JIT compiles nothing new: one more batch when it compiled nothing, batches until the cap when
     * it never stops (bounded, as Lambda bounds the init). Nothing is written either way.
     */
    @Test
    void primeUntilSettled_whenTheJitSettlesOrNever_thenOneBatchOrUntilTheCapAndNothingWritten() {
        String handler = "dev.stride.functions.runs.CreateRunHandler";
        String before = everyRow();
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);
            AtomicInteger reads = new AtomicInteger();

            var quiet = Priming.primeUntilSettled(stride, handler, 2, 2, Duration.ofSeconds(30), () -> {
                reads.incrementAndGet();
                return 42;
            });

            // The keyed create, then by id as the caller without a profile (404) and with it, then
            // without tags (404); the last round's, over a new user's profile (a lived-in one's
            // paths run every Priming.LIVED_IN_EVERY rounds from the first).
            assertThat(quiet).containsExactly(201, 404, 201, 404);
            // Read before the batches and after the first: nothing new, so no second batch.
            assertThat(reads).hasValue(2);

            reads.set(0);
            Duration cap = Duration.ofMillis(300);
            long started = System.nanoTime();
            var busy = Priming.primeUntilSettled(stride, handler, 2, 2, cap, reads::incrementAndGet);
            long elapsed = System.nanoTime() - started;

            assertThat(busy).containsExactly(201, 404, 201, 404);
            assertThat(reads.get()).isGreaterThanOrEqualTo(2);
            // The cap is checked after each batch: at most one batch of 2 rounds past it.
            assertThat(Duration.ofNanos(elapsed)).isLessThan(cap.plusSeconds(10));
        }
        assertThat(everyRow()).isEqualTo(before);
    }

    /** Every row of every table Stride writes, as one text: equal before and after means nothing was written. */
    private static String everyRow() {
        StringBuilder rows = new StringBuilder();
        for (String table : new String[] {"users", "runs", "moods", "tags", "run_tags", "run_weeks", "idempotency_keys"}) {
            rows.append(table).append(": ").append(TestDatabase.query(
                    "SELECT coalesce(string_agg(t::text, ';' ORDER BY t::text), '') FROM " + table + " t")).append('\n');
        }
        return rows.toString();
    }

    @Test
    void primedInstance_whenRealRequestsFollow_thenServedAsUsual() {
        try (Database database = Database.open(connections(Map.of()), 1)) {
            Services stride = Services.over(database);
            Priming.prime(stride);

            var list = new ListUsersHandler(stride.users());
            var response = list.handleRequest(HttpApiEvent.request("GET", "/users").as("after-priming").build(), new LambdaContext());

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("\"items\":[]");
        }
    }

    private LoginDataSource connections(Map<String, String> properties) {
        var settings = TestDatabase.settings();
        return new LoginDataSource(DatabaseRoles.jdbcUrl(), restoresCounted(settings.user(), settings.password()), properties);
    }

    private LoginSource restoresCounted() {
        var settings = TestDatabase.settings();
        return restoresCounted(settings.user(), settings.password());
    }

    private LoginSource restoresCounted(String user, String password) {
        Login login = new Login(user, password);
        return new LoginSource() {
            @Override
            public Login current() {
                return login;
            }

            @Override
            public void restored() {
                restores.incrementAndGet();
            }
        };
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent createUser(String name) {
        return HttpApiEvent.request("POST", "/users").as(name + "-sub")
                .body("{\"username\": \"" + name + "\", \"email\": \"" + name + "@example.com\"}").build();
    }

    /** The server process behind the pool's (single) connection. */
    private static int backendPid(Database database) {
        return Integer.parseInt(Sql.single(database.dataSource(), "SELECT pg_backend_pid()"));
    }


    /** A closed connection ends its session a moment later on the server side: waits for the server to see it. */
    private static void awaitGone(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (TestDatabase.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) > 0) {
            assertThat(System.nanoTime()).as("backend %d still connected", pid).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
