package dev.stride.functions.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.DatabaseLimits;
import dev.stride.functions.support.RestartablePostgres;
import dev.stride.functions.support.TestApi;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, through the real handlers and a real PostgreSQL of the suite's own: four
 * "Lambda instances" (one connection each, the limits of a short function) serve four careful
 * clients ({@link FaultLoad}) while a fault strikes. Afterwards the client may only have seen
 * 2xx, 304, 404, 409, 412, 422 or 503 with Retry-After, and the database must hold every
 * acknowledged write exactly once, every acknowledged PATCH, runs whose tags and weekly totals
 * agree, and dashboards equal to totals recomputed from the rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final int INSTANCES = 4;
    // A function with a short fuse, so that the suite stays short: the ratios are the template's.
    private static final DatabaseLimits LIMITS = new DatabaseLimits(Duration.ofMillis(1000), Duration.ofMillis(1500),
            Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(10));

    private static RestartablePostgres postgres;
    private static final List<Database> databases = new ArrayList<>();
    private static final List<Map<String, com.amazonaws.services.lambda.runtime.RequestHandler<
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>>> instances = new ArrayList<>();
    private static final Map<String, String> report = new LinkedHashMap<>();
    private static long seed = 1;

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.create(Map.of("max_connections", "20")).start().migrate();
        for (int i = 0; i < INSTANCES; i++) {
            Database database = Database.open(postgres.dataSource(LIMITS), 1);
            databases.add(database);
            instances.add(TestApi.handlers(Services.over(database)));
            var profile = HttpApiEvent.request("POST", "/users").as(sub(i))
                    .body("{\"username\": \"Fault " + i + "\", \"email\": \"fault" + i + "@example.com\"}");
            assertThat(instances.get(i).get("POST /users").handleRequest(profile.build(), new LambdaContext()).getStatusCode())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        databases.forEach(Database::close);
        if (postgres != null) {
            postgres.close();
        }
        StringBuilder table = new StringBuilder("| fault | requests | answers by status | lost acknowledged writes | duplicates |\n|---|---|---|---|---|\n");
        report.forEach((fault, row) -> table.append("| ").append(fault).append(" | ").append(row).append(" |\n"));
        System.out.println(table);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fault-suite.md"), table);
        }
    }

    @Test
    @Order(1)
    void terminateEveryBackend() throws Exception {
        underLoad("pg_terminate_backend of every session", () -> {
            for (int i = 0; i < 3; i++) {
                postgres.terminateStrideSessions();
                Thread.sleep(400);
            }
        });
    }

    @Test
    @Order(2)
    void stopAndRestartPostgres() throws Exception {
        underLoad("PostgreSQL stopped and restarted", () -> {
            postgres.stop();
            Thread.sleep(1500);
            postgres.start();
        });
    }

    @Test
    @Order(3)
    void statementOverStatementTimeout() throws Exception {
        underLoad("statements over statement_timeout", () -> {
            postgres.execute("CREATE FUNCTION fault_sleep() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$");
            postgres.execute("CREATE TRIGGER fault_slow AFTER INSERT OR UPDATE ON runs "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION fault_sleep()");
            Thread.sleep(2500);
            postgres.execute("DROP TRIGGER fault_slow ON runs");
            postgres.execute("DROP FUNCTION fault_sleep()");
        });
    }

    @Test
    @Order(4)
    void heldLock() throws Exception {
        underLoad("runs and moods locked by another session", () -> {
            try (Connection holder = postgres.admin(); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE runs, moods IN EXCLUSIVE MODE");
                Thread.sleep(2500);
                holder.rollback();
            }
        });
    }

    @Test
    @Order(5)
    void maxConnectionsExhausted() throws Exception {
        underLoad("max_connections exhausted", () -> {
            // Every slot taken, then the functions' sessions ended: each must open a new one, and cannot.
            List<Connection> taken = new ArrayList<>(postgres.takeEveryConnection());
            for (int i = 0; i < 3; i++) {
                try (Statement statement = taken.getFirst().createStatement()) {
                    statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'stride'");
                }
                taken.addAll(postgres.takeEveryConnection());
            }
            Thread.sleep(2500);
            for (Connection connection : taken) {
                connection.close();
            }
        });
    }

    interface Fault {
        void strike() throws Exception;
    }

    private static void underLoad(String name, Fault fault) throws Exception {
        List<FaultLoad> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            FaultLoad client = new FaultLoad(sub(i), instances.get(i), seed++);
            clients.add(client);
            Thread thread = new Thread(client, "fault-client-" + i);
            threads.add(thread);
            thread.start();
        }
        try {
            Thread.sleep(800);
            fault.strike();
            Thread.sleep(1000);
        } finally {
            // Even when the fault itself failed: no client may outlive its test.
            clients.forEach(FaultLoad::stop);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30));
            }
        }
        for (FaultLoad client : clients) {
            client.settle();
        }
        Consistency consistency = check(clients);

        Map<Integer, Long> statuses = new TreeMap<>();
        long sent = 0;
        for (FaultLoad client : clients) {
            client.statusCounts().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            sent += client.sent.get();
        }
        report.put(name, sent + " | " + statuses + " | " + consistency.lost + " | " + consistency.duplicates);

        List<String> violations = new ArrayList<>(consistency.problems);
        clients.forEach(client -> violations.addAll(client.violations));
        assertThat(statuses.keySet()).as(name + ": answers").isSubsetOf(200, 201, 204, 304, 404, 409, 412, 422, 503);
        assertThat(violations).as(name).isEmpty();
        assertThat(consistency.lost).as(name + ": lost acknowledged writes").isZero();
        assertThat(consistency.duplicates).as(name + ": duplicates").isZero();
        assertThat(statuses.getOrDefault(201, 0L)).as(name + ": creates acknowledged").isPositive();
    }

    private static final class Consistency {
        long lost;
        long duplicates;
        final List<String> problems = new ArrayList<>();
    }

    /** The database against what the clients were told, and against itself. */
    private static Consistency check(List<FaultLoad> clients) throws SQLException {
        Consistency result = new Consistency();
        try (Connection db = postgres.admin()) {
            for (FaultLoad client : clients) {
                for (FaultLoad.Create create : client.creates) {
                    long rows = count(db, create.kind.equals("run")
                            ? "SELECT count(*) FROM runs WHERE notes = ?" : "SELECT count(*) FROM moods WHERE note = ?", create.marker);
                    if (rows > 1) {
                        result.duplicates += rows - 1;
                    }
                    boolean gone = client.runs.stream().anyMatch(r -> r.create == create && (r.deleted || r.maybeDeleted));
                    if (create.acknowledged && rows == 0 && !gone) {
                        result.lost++;
                        result.problems.add("acknowledged " + create.kind + " " + create.id + " is missing");
                    }
                }
                for (FaultLoad.KnownRun run : client.runs) {
                    FaultLoad.RunState stored = stored(db, run.create.marker);
                    if (run.deleted && stored != null) {
                        result.lost++;
                        result.problems.add("run " + run.create.id + " was deleted (204) but is still there");
                    } else if (!run.deleted && !run.maybeDeleted && stored != null
                            && !stored.equals(run.acknowledged) && !run.unanswered.contains(stored)) {
                        result.lost++;
                        result.problems.add("run " + run.create.id + " holds " + stored + ", not the acknowledged " + run.acknowledged);
                    }
                }
            }
            long weeks = count(db, """
                    SELECT count(*) FROM (
                      SELECT user_id, date_trunc('week', run_date)::date AS week_start, count(*)::int AS runs,
                             sum(distance_km::numeric) AS km, coalesce(sum(duration_seconds), 0) AS seconds,
                             max(distance_km) AS longest
                        FROM runs GROUP BY 1, 2) r
                    FULL JOIN run_weeks w USING (user_id, week_start)
                    WHERE r.runs IS DISTINCT FROM w.runs OR r.km IS DISTINCT FROM w.distance_km
                       OR r.seconds IS DISTINCT FROM w.timed_seconds OR r.longest IS DISTINCT FROM w.longest_km""");
            if (weeks > 0) {
                result.problems.add(weeks + " weeks of run_weeks disagree with the runs");
            }
            long orphans = count(db, "SELECT count(*) FROM run_tags rt WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = rt.run_id)");
            if (orphans > 0) {
                result.problems.add(orphans + " run_tags rows without their run");
            }
            for (int i = 0; i < clients.size(); i++) {
                var dashboard = instances.get(i).get("GET /users/{id}/dashboard").handleRequest(
                        HttpApiEvent.request("GET", "/users/{id}/dashboard").path("id", "me").as(sub(i)).build(), new LambdaContext());
                if (dashboard.getStatusCode() != 200) {
                    result.problems.add("dashboard of " + sub(i) + " answered " + dashboard.getStatusCode());
                    continue;
                }
                JsonNode answer = Json.read(dashboard.getBody());
                try (PreparedStatement totals = db.prepareStatement("""
                        SELECT count(*), round(coalesce(sum(r.distance_km::numeric), 0), 3)
                          FROM runs r JOIN users u ON u.id = r.user_id WHERE u.owner_sub = ?""")) {
                    totals.setString(1, sub(i));
                    try (ResultSet rows = totals.executeQuery()) {
                        rows.next();
                        if (answer.get("totalRuns").asLong() != rows.getLong(1)
                                || answer.get("totalDistanceKm").decimalValue().compareTo(rows.getBigDecimal(2)) != 0) {
                            result.problems.add("dashboard of " + sub(i) + " says " + answer.get("totalRuns") + " runs, "
                                    + answer.get("totalDistanceKm") + " km; the rows say " + rows.getLong(1) + ", " + rows.getBigDecimal(2));
                        }
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        return result;
    }

    private static FaultLoad.RunState stored(Connection db, String marker) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT r.distance, r.title,
                       ARRAY(SELECT t.name FROM run_tags rt JOIN tags t ON t.id = rt.tag_id
                              WHERE rt.run_id = r.id ORDER BY t.name)
                  FROM runs r WHERE r.notes = ?""")) {
            select.setString(1, marker);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new FaultLoad.RunState(Math.round(rows.getDouble(1)), rows.getString(2),
                        List.of((String[]) rows.getArray(3).getArray()));
            }
        }
    }

    private static long count(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String sub(int instance) {
        return "fault-client-" + instance;
    }
}
