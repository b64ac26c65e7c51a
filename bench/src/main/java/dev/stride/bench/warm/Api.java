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
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
     * Points System.out at a stream built as Lambda's Java runtime builds a function's, over
     * {@code /dev/null} instead of the pipe Lambda's runtime reads: the JVM's own stdout (a 128-byte
     * buffer, flushed after every write) behind the runtime's {@code PrintStream} (UTF-8, no
     * autoflush) and its pass-through {@code LambdaOutputStream}. A metrics line of ~400 bytes thus
     * costs the handler one {@code write} system call, as on Lambda, and the call never blocks.
     *
     * <p>Inside a JMH fork System.out is JMH's link to its host, where every write is a serialized
     * frame sent over a socket (tens of µs per line); the fork's real stdout is a pipe the JMH host
     * drains in bursts, and a write blocks whenever that pipe is full (4-6 ms handler p99s): both
     * measured the harness, not the handler (docs/performance.md). The floor writes no line.
     */
    private static void lambdaStdout() {
        PrintStream jvmStdout;
        try {
            jvmStdout = new PrintStream(new BufferedOutputStream(new FileOutputStream("/dev/null"), 128), true,
                    StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        System.setOut(new PrintStream(new RuntimeStdout(jvmStdout), false, StandardCharsets.UTF_8));
    }

    /**
     * What Lambda's runtime puts between a function's {@code System.out} and the JVM's: every write
     * passed on as it comes, {@code flush} left to {@code OutputStream}'s (it does nothing; the
     * JVM's stream flushes after each write anyway).
     */
    private static final class RuntimeStdout extends OutputStream {
        private final OutputStream inner;

        RuntimeStdout(OutputStream inner) {
            this.inner = inner;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            inner.write(bytes, offset, length);
        }
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

    /** A run of the writer's with one tag, to be deleted: what the delete benchmarks consume ({@link JdbcFloor#insertRunToDelete}). */
    public static long insertRunToDelete(Connection connection, long userId) throws SQLException {
        return JdbcFloor.insertRunToDelete(connection, userId);
    }

    @Override
    public void close() throws SQLException {
        floor.connection().close();
        Services.instance().database().close();
    }
}
