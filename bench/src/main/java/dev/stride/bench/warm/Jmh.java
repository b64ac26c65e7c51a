package dev.stride.bench.warm;

import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks of this module from the harness and reads their percentiles back. */
public final class Jmh {

    /** Iterations and their length: the full run's, or the smoke check's. */
    public record Plan(int prewarmCalls, int warmupIterations, long warmupMillis, int measurementIterations,
                       long measurementMillis) {
    }

    /** One benchmark's result: operation ({@code get}), side ({@code handler} or {@code jdbc}), parameter, µs. */
    public record Result(String operation, String side, String parameter, Stats.Percentiles micros) {
    }

    private Jmh() {
    }

    public static List<Result> run(Class<?> benchmarks, Plan plan, Fixture fixture, Path log, Map<String, String[]> params)
            throws RunnerException {
        List<String> jvmArgs = new ArrayList<>(fixture.jvmArguments());
        jvmArgs.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        jvmArgs.add("-Dstride.bench.prewarm=" + plan.prewarmCalls());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmarks.getName().replace(".", "\\.") + "\\.")
                .warmupIterations(plan.warmupIterations())
                .warmupTime(TimeValue.milliseconds(plan.warmupMillis()))
                .measurementIterations(plan.measurementIterations())
                .measurementTime(TimeValue.milliseconds(plan.measurementMillis()))
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(1)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .output(log.toString());
        params.forEach(options::param);
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Result> out = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams benchmark = result.getParams();
            String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
            String[] parts = method.split("_", 2);
            String parameter = benchmark.getParamsKeys().isEmpty() ? null
                    : benchmark.getParam(benchmark.getParamsKeys().iterator().next());
            var statistics = result.getPrimaryResult().getStatistics();
            out.add(new Result(parts[0], parts[1], parameter, new Stats.Percentiles(
                    statistics.getPercentile(50), statistics.getPercentile(99), statistics.getMean(), statistics.getN())));
        }
        return out;
    }

    /** µs p50 of one operation's side, for ratios. */
    public static Map<String, Result> index(List<Result> results) {
        Map<String, Result> byKey = new LinkedHashMap<>();
        for (Result result : results) {
            byKey.put(key(result.operation(), result.side(), result.parameter()), result);
        }
        return byKey;
    }

    public static String key(String operation, String side, String parameter) {
        return operation + "/" + side + (parameter == null ? "" : "/" + parameter);
    }
}
