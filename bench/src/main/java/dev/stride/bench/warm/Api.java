package dev.stride.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.Env;
import dev.stride.api.ApiHandler;
import dev.stride.bench.child.BenchContext;
import dev.stride.bench.child.JdbcFloor;
import dev.stride.bench.seed.Fixture;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.DeleteRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.runs.UpdateRunHandler;
import dev.stride.instance.Services;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A warm instance of each runs handler and of the dashboard's, built the way Lambda builds them
 * (no-argument constructor, database from the environment, one pooled connection shared through
 * {@link Stride#instance()}), beside the raw-JDBC floor on a connection of its own.
 *
 * <p>Every call checks its status: a benchmark that quietly measured 404s would be worse than none.
 */
public final class Api implements AutoCloseable {

    // Hibernate Validator announces its version at INFO on every fork; held so the level sticks.
    private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

    static {
        VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    public final Fixture fixture;
    public final ApiHandler get;
    public final ApiHandler list;
    public final ApiHandler create;
    public final ApiHandler update;
    public final ApiHandler delete;
    public final ApiHandler dashboard;
    public final JdbcFloor floor;
    public final Requests requests;

    public Api(Fixture fixture) throws SQLException {
        this.fixture = fixture;
        lambdaStdout();
        Env.use(fixture.functionEnvironment());
        get = new GetRunHandler();
        list = new ListRunsHandler();
        create = new CreateRunHandler();
        update = new UpdateRunHandler();
        delete = new DeleteRunHandler();
        dashboard = new GetDashboardHandler();
        floor = new JdbcFloor(fixture.connect());
        requests = new Requests(fixture);
    }

    /**
     * Points System.out at the process's own stdout, as a Lambda function's is: a pipe that another
     * process (Lambda's runtime; here the JMH host, which drains the fork's stdout into a file)
     * reads. Inside a JMH fork System.out is JMH's link to its host instead, where every write is
     * a serialized frame sent over a socket: the handlers write one metrics line per request, and
     * that link made each cost tens of µs more than a pipe does (docs/performance.md).
     */
    private static void lambdaStdout() {
        System.setOut(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192), true,
                System.out.charset()));
    }

    public static APIGatewayV2HTTPResponse call(ApiHandler handler, APIGatewayV2HTTPEvent event, int expected) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, BenchContext.INSTANCE);
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + response.getStatusCode() + " (expected "
                    + expected + "): " + response.getBody());
        }
        return response;
    }

    public static String expect(String body, String what) {
        if (body == null) {
            throw new IllegalStateException("the raw-JDBC " + what + " found nothing");
        }
        return body;
    }

    /** A run of the writer's with one tag, to be deleted: what the delete benchmarks consume. */
    public static long insertRunToDelete(Connection connection, long userId) throws SQLException {
        try (var insert = connection.prepareStatement("""
                WITH run AS (
                  INSERT INTO runs (user_id, distance, unit, distance_km, run_date, created_at, updated_at)
                  VALUES (?, 5, 'km', 5, current_date, now(), now()) RETURNING id)
                , link AS (INSERT INTO run_tags (run_id, tag_id) SELECT run.id, t.id FROM run, tags t WHERE t.name = 'easy')
                SELECT id FROM run""")) {
            insert.setLong(1, userId);
            try (var row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        floor.connection().close();
        Services.instance().database().close();
    }
}
