package dev.stride.functions.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.Login;
import dev.stride.db.LoginDataSource;
import dev.stride.db.LoginSource;
import dev.stride.functions.support.DatabaseRoles;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Priming;
import dev.stride.instance.Services;
import dev.stride.instance.SnapStartHooks;
import dev.stride.testkit.Sql;
import dev.stride.testkit.TestDatabase;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
            assertThat(database.dataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class)
                    .getHikariPoolMXBean().getTotalConnections()).isZero();
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

            // GET /users, then with a forged cursor; /users/me/runs, /runs/1, /users/me/moods,
            // /users/me/moods/latest, /users/me/dashboard (the caller has no profile); a run and a
            // mood bound, validated and refused for the missing profile; a profile with an invalid body.
            // Then every other function: a profile, a mood (read, PATCHed with a non-object body:
            // 400, deleted), a run (PATCHed, deleted). The writes lock rows (FOR UPDATE), so they
            // cannot run on a read-only connection; that nothing was written is read from the rows.
            assertThat(statuses).containsExactly(200, 400, 404, 404, 404, 404, 404, 404, 404, 400,
                    404, 400, 404, 404, 400, 404, 400, 404);
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


    /** Hikari closes evicted connections on a thread of its own: waits for the server to see it. */
    private static void awaitGone(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (TestDatabase.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) > 0) {
            assertThat(System.nanoTime()).as("backend %d still connected", pid).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
