package dev.stride.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.stride.bench.seed.Fixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Warm latency of each operation through its real handler with a real event ({@code *_handler}),
 * and of the same SQL statements over raw JDBC ({@code *_jdbc}), in the same JMH run. Sample-time
 * mode: every call is timed, so the percentiles are of single requests, as a client sees them.
 * Iterations, forks and counts come from {@code dev.stride.bench.Main}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmBenchmarks {

    @State(Scope.Benchmark)
    public static class Instance {
        Api api;
        Fixture fixture;
        APIGatewayV2HTTPEvent get;
        APIGatewayV2HTTPEvent list;
        APIGatewayV2HTTPEvent create;
        APIGatewayV2HTTPEvent[] update;
        APIGatewayV2HTTPEvent dashboard;
        int updates;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) throws SQLException {
            fixture = Fixture.fromSystemProperties();
            api = new Api(fixture);
            get = api.requests.getEvent();
            list = api.requests.listEvent(fixture.reader());
            create = api.requests.createEvent();
            // Two distances in turn, so that every PATCH really changes the row.
            update = new APIGatewayV2HTTPEvent[] {api.requests.updateEvent(8.25), api.requests.updateEvent(9.5)};
            dashboard = api.requests.dashboardEvent(fixture.reader());
            prewarm(params, this);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            api.close();
        }
    }

    /** A fresh run to delete before every delete call; inserting it is not timed. */
    @State(Scope.Thread)
    public static class Doomed {
        Connection setup;
        long runId;
        APIGatewayV2HTTPEvent event;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            setup = Fixture.fromSystemProperties().connect();
        }

        @Setup(Level.Invocation)
        public void next(Instance instance) throws SQLException {
            runId = Api.insertRunToDelete(setup, instance.fixture.writer().id());
            event = instance.api.requests.deleteEvent(runId);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            setup.close();
        }
    }

    /**
     * A fixed number of untimed calls before JMH's own warm-up: a warm Lambda instance is one that
     * has served requests, and on a loaded machine the JIT needs thousands of calls through
     * EclipseLink and Jackson whatever the clock says, so warm-up by time alone is not enough.
     */
    static void prewarm(BenchmarkParams params, Instance s) throws SQLException {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        int calls = Integer.getInteger("stride.bench.prewarm", 0);
        WarmBenchmarks benchmarks = new WarmBenchmarks();
        Doomed doomed = null;
        if (method.startsWith("delete_")) {
            doomed = new Doomed();
            doomed.open();
        }
        for (int i = 0; i < calls; i++) {
            switch (method) {
                case "get_handler" -> benchmarks.get_handler(s);
                case "get_jdbc" -> benchmarks.get_jdbc(s);
                case "list_handler" -> benchmarks.list_handler(s);
                case "list_jdbc" -> benchmarks.list_jdbc(s);
                case "create_handler" -> benchmarks.create_handler(s);
                case "create_jdbc" -> benchmarks.create_jdbc(s);
                case "update_handler" -> benchmarks.update_handler(s);
                case "update_jdbc" -> benchmarks.update_jdbc(s);
                case "delete_handler", "delete_jdbc" -> {
                    doomed.next(s);
                    if (method.equals("delete_handler")) {
                        benchmarks.delete_handler(s, doomed);
                    } else {
                        benchmarks.delete_jdbc(s, doomed);
                    }
                }
                case "dashboard_handler" -> benchmarks.dashboard_handler(s);
                case "dashboard_jdbc" -> benchmarks.dashboard_jdbc(s);
                default -> throw new IllegalStateException("no pre-warm for " + method);
            }
        }
        if (doomed != null) {
            doomed.close();
        }
    }

    @Benchmark
    public Object get_handler(Instance s) {
        return Api.call(s.api.get, s.get, 200);
    }

    @Benchmark
    public Object get_jdbc(Instance s) throws SQLException {
        return Api.expect(s.api.floor.getRun(s.fixture.reader().sub(), s.fixture.readerRunId()), "get");
    }

    @Benchmark
    public Object list_handler(Instance s) {
        return Api.call(s.api.list, s.list, 200);
    }

    @Benchmark
    public Object list_jdbc(Instance s) throws SQLException {
        return Api.expect(s.api.floor.listRuns(s.fixture.reader().id(), 20), "list");
    }

    @Benchmark
    public Object create_handler(Instance s) {
        return Api.call(s.api.create, s.create, 201);
    }

    @Benchmark
    public Object create_jdbc(Instance s) throws SQLException {
        return Api.expect(s.api.floor.createRun(s.fixture.creator().sub(), s.fixture.creator().id(), 7.5, s.api.requests.today, 2400, "Lunch run", Requests.CREATE_TAGS),
                "create");
    }

    @Benchmark
    public Object update_handler(Instance s) {
        return Api.call(s.api.update, s.update[s.updates++ & 1], 200);
    }

    @Benchmark
    public Object update_jdbc(Instance s) throws SQLException {
        double distance = (s.updates++ & 1) == 0 ? 8.25 : 9.5;
        return Api.expect(s.api.floor.updateRunDistance(s.fixture.writer().sub(), s.fixture.writerRunId(), distance), "update");
    }

    @Benchmark
    public Object delete_handler(Instance s, Doomed doomed) {
        return Api.call(s.api.delete, doomed.event, 204);
    }

    @Benchmark
    public boolean delete_jdbc(Instance s, Doomed doomed) throws SQLException {
        if (!s.api.floor.deleteRun(s.fixture.writer().sub(), doomed.runId)) {
            throw new IllegalStateException("the raw-JDBC delete found nothing");
        }
        return true;
    }

    @Benchmark
    public Object dashboard_handler(Instance s) {
        return Api.call(s.api.dashboard, s.dashboard, 200);
    }

    @Benchmark
    public Object dashboard_jdbc(Instance s) throws SQLException {
        return Api.expect(s.api.floor.dashboard(s.fixture.reader().id()), "dashboard");
    }
}
