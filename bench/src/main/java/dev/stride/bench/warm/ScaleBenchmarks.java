package dev.stride.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.stride.bench.seed.Fixture;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The dashboard and the first page of the run list for one user owning {@code runs} runs: the
 * cost of an answer must not grow with rows the answer does not need.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScaleBenchmarks {

    @State(Scope.Benchmark)
    public static class Instance {
        @Param({"10", "1000", "100000"})
        public int runs;

        Api api;
        Fixture.User user;
        APIGatewayV2HTTPEvent list;
        APIGatewayV2HTTPEvent dashboard;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) throws SQLException {
            Fixture fixture = Fixture.fromSystemProperties();
            user = fixture.scale().get(runs);
            if (user == null) {
                throw new IllegalStateException("no user with " + runs + " runs was seeded");
            }
            api = new Api(fixture);
            list = api.requests.listEvent(user);
            dashboard = api.requests.dashboardEvent(user);
            // Untimed calls first, as in WarmBenchmarks: warm by count, not only by time.
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            ScaleBenchmarks benchmarks = new ScaleBenchmarks();
            for (int i = Integer.getInteger("stride.bench.prewarm", 0); i > 0; i--) {
                switch (method) {
                    case "dashboard_handler" -> benchmarks.dashboard_handler(this);
                    case "dashboard_jdbc" -> benchmarks.dashboard_jdbc(this);
                    case "list_handler" -> benchmarks.list_handler(this);
                    case "list_jdbc" -> benchmarks.list_jdbc(this);
                    default -> throw new IllegalStateException("no pre-warm for " + method);
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            api.close();
        }
    }

    @Benchmark
    public Object dashboard_handler(Instance s) {
        return Api.call(s.api.dashboard, s.dashboard, 200);
    }

    @Benchmark
    public Object dashboard_jdbc(Instance s) throws SQLException {
        return Api.expect(s.api.floor.dashboard(s.user.id()), "dashboard");
    }

    @Benchmark
    public Object list_handler(Instance s) {
        return Api.call(s.api.list, s.list, 200);
    }

    @Benchmark
    public Object list_jdbc(Instance s) throws SQLException {
        return Api.expect(s.api.floor.listRuns(s.user.id(), 20), "list");
    }
}
