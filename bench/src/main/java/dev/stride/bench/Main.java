package dev.stride.bench;

import dev.stride.bench.cold.ColdStart;
import dev.stride.bench.cold.LambdaPackage;
import dev.stride.bench.warm.PrimedFirstInvoke;
import dev.stride.bench.experiments.RollupExperiment;
import dev.stride.bench.http.Throughput;
import dev.stride.bench.report.Machine;
import dev.stride.bench.report.Report;
import dev.stride.bench.seed.Fixture;
import dev.stride.bench.warm.Jmh;
import dev.stride.bench.warm.RoundTrips;
import dev.stride.bench.warm.ScaleBenchmarks;
import dev.stride.bench.warm.WarmBenchmarks;
import dev.stride.testkit.LocalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark harness: one command runs every section against an embedded PostgreSQL (or the
 * one {@code DB_URL} names) and writes {@code bench/results/latest.md} and {@code latest.json}.
 *
 * <pre>
 * java -jar bench/target/stride-bench.jar [--quick] [--only=cold,primed,memory,warm,scale,http,rollup] [--samples=N]
 * </pre>
 */
public final class Main {

    // Held so the level set on it is not lost when the logger is collected (JUL keeps weak references).
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

    static final List<String> SECTIONS = List.of("cold", "primed", "memory", "warm", "scale", "http", "rollup");

    /** How much of everything to do: the full run (about 10 minutes on 2 cores) or a smoke check. */
    record Plan(boolean quick, int coldSamples, int warmInvocations, Jmh.Plan jmh, List<Integer> scaleSizes,
                double httpWarmupSeconds, double httpSeconds, int rollupRepetitions) {

        static Plan fullRun() {
            // Each JMH fork first serves 3 000 untimed calls, then warms up for 3 s: C2 needs thousands
            // of calls through EclipseLink and Jackson before a handler reaches its steady state
            // (the memory section shows the curve), however fast the machine.
            return new Plan(false, 10, 2000, new Jmh.Plan(3000, 3, 1000, 4, 1000), List.of(10, 1000, 100_000), 3, 10, 400);
        }

        static Plan smokeCheck() {
            return new Plan(true, 3, 200, new Jmh.Plan(300, 1, 1000, 2, 500), List.of(10, 1000, 100_000), 1, 2, 60);
        }
    }

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // The harness's own logs (Flyway, zonky) are noise next to its progress lines.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        long started = System.nanoTime();

        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        Integer samples = null;
        Path root = projectRoot();
        String localMain = "dev.stride.local.Main";
        Map<String, Path> baselineZips = new java.util.LinkedHashMap<>();
        Set<String> variantNames = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(Arrays.asList(arg.substring(7).split(",")));
                if (!SECTIONS.containsAll(only)) {
                    usage("unknown section in " + arg);
                }
            } else if (arg.startsWith("--samples=")) {
                samples = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--root=")) {
                root = Path.of(arg.substring(7)).toAbsolutePath().normalize();
            } else if (arg.startsWith("--variants=")) {
                // Only these cold-start variants (as-deployed and the --compare builds always run).
                variantNames = new LinkedHashSet<>(Arrays.asList(arg.substring(11).split(",")));
            } else if (arg.startsWith("--compare=") && arg.indexOf('=', 10) > 10) {
                // --compare=LABEL=ZIP: another build of the zip, measured as deployed beside this one.
                int eq = arg.indexOf('=', 10);
                baselineZips.put(arg.substring(10, eq), Path.of(arg.substring(eq + 1)).toAbsolutePath());
            } else if (arg.startsWith("--local-main=")) {
                localMain = arg.substring(13);
            } else {
                usage("unknown argument " + arg);
            }
        }
        Plan plan = quick ? Plan.smokeCheck() : Plan.fullRun();
        int coldSamples = samples != null ? samples : plan.coldSamples();
        Path projectRoot = root;
        Path out = root.resolve("bench/results");
        Path work = root.resolve("bench/target/bench-work");
        Files.createDirectories(out);
        Files.createDirectories(work);

        Results results = new Results();
        results.takenAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        results.mode = quick ? "quick (smoke check: few samples, short iterations)" : "full";
        // bench/run says how it was called; a direct `java -jar` is described as such.
        String caller = System.getenv("STRIDE_BENCH_COMMAND");
        results.command = caller != null ? caller
                : "java -jar bench/target/stride-bench.jar" + (args.length == 0 ? "" : " " + String.join(" ", args));
        results.machine = Machine.describe();
        progress("Stride benchmarks, " + results.mode + "; machine: " + results.machine.cores() + " cores, load "
                + results.machine.loadAtStart());

        LambdaPackage lambda = LambdaPackage.unpack(root.resolve("functions/target/stride-functions.zip"),
                work.resolve("lambda"), root.resolve("bench/target/stride-bench-child.jar"));
        results.zip = zip(lambda);

        try (LocalDatabase database = LocalDatabase.start().migrate()) {
            results.database = database.isEmbedded() ? "embedded PostgreSQL (zonky), fsync off, on this machine"
                    : "given by DB_URL: " + database.settings().jdbcUrl();
            results.postgres = postgresVersion(database);
            List<Integer> sizes = only.contains("scale") ? plan.scaleSizes() : List.of();
            progress("database: " + results.postgres + "; seeding users" + (sizes.isEmpty() ? "" : ", scale sizes " + sizes));
            Fixture fixture = Fixture.seed(database.settings(), sizes);

            results.roundTrips = RoundTrips.measure(fixture);
            results.roundTripMicros = RoundTrips.roundTripMicros(fixture);
            progress("round trips per operation (handler/floor): " + summary(results.roundTrips) + "; one costs "
                    + Math.round(results.roundTripMicros) + " µs here");

            ColdStart cold = new ColdStart(lambda, fixture, work, Main::progress);
            results.javaToolOptions = TemplateOptions.javaToolOptions(root.resolve("template.yaml"));
            Map<String, LambdaPackage> baselines = new java.util.LinkedHashMap<>();
            for (var baseline : baselineZips.entrySet()) {
                baselines.put(baseline.getKey(), LambdaPackage.unpack(baseline.getValue(),
                        work.resolve("lambda-" + baseline.getKey().replaceAll("[^A-Za-z0-9.-]", "_")),
                        root.resolve("bench/target/stride-bench-child.jar")));
            }
            Set<String> chosen = variantNames;
            List<ColdStart.Variant> variants = ColdStart.variants(work, results.javaToolOptions, baselines).stream()
                    .filter(v -> chosen == null || v.name().equals(ColdStart.AS_DEPLOYED) || baselines.containsKey(v.name())
                            || chosen.contains(v.name()))
                    .toList();
            ColdStart.Variant deployed = variants.getFirst();
            // A section that fails is reported as failed and the others still run: a long run's
            // results are not lost to one broken part.
            section(results, "cold", only, () -> {
                results.iamTokenFromZip = cold.signsIamToken();
                progress("cold: the zip's classes sign an RDS IAM token: " + (results.iamTokenFromZip ? "yes" : "NO"));
                results.coldStart = cold.measure(variants, coldSamples);
                for (ColdStart.VariantResult result : results.coldStart) {
                    if (result.skipped() != null) {
                        progress("cold " + result.name() + ": skipped, " + result.skipped());
                    }
                }
                progress("cold: init breakdown and class origins");
                results.initBreakdown = cold.breakdown(deployed);
                results.classOrigins = cold.classOrigins(deployed);
            });
            section(results, "primed", only, () -> {
                progress("primed: the first request after priming, per function, against the floor's warm p50");
                results.primedFirstInvoke = PrimedFirstInvoke.measure(cold, deployed, fixture, Math.min(coldSamples, 5));
            });
            section(results, "memory", only, () -> {
                results.memory = new ArrayList<>();
                // As deployed (C1 only) and with the JVM's defaults (C2): whether the cap on the JIT bites.
                for (ColdStart.Variant variant : variants) {
                    if (variant == deployed || variant.name().equals("no-flags")) {
                        results.memory.add(cold.memory(variant, plan.warmInvocations()));
                    }
                }
                progress("memory measured after " + plan.warmInvocations() + " warm invocations");
            });
            section(results, "warm", only, () -> {
                progress("warm: JMH, 12 benchmarks, log " + work.resolve("jmh-warm.log"));
                results.warm = Jmh.run(WarmBenchmarks.class, plan.jmh(), fixture, work.resolve("jmh-warm.log"), Map.of());
            });
            section(results, "scale", only, () -> {
                progress("scale: JMH, 12 benchmarks, log " + work.resolve("jmh-scale.log"));
                results.scale = Jmh.run(ScaleBenchmarks.class, plan.jmh(), fixture, work.resolve("jmh-scale.log"),
                        Map.of("runs", sizes.stream().map(String::valueOf).toArray(String[]::new)));
            });
            String localMainClass = localMain;
            section(results, "http", only, () -> {
                results.throughput = new Throughput(fixture, projectRoot, work.resolve("local-server.log"), localMainClass,
                        Main::progress).measure(blankToNull(System.getenv("STRIDE_LOCAL_URL")), plan.httpWarmupSeconds(),
                        plan.httpSeconds());
            });
            section(results, "rollup", only, () -> {
                int big = plan.scaleSizes().getLast();
                results.rollupExperiment = new RollupExperiment(database.settings(), Main::progress).run(big, plan.rollupRepetitions());
            });
        }

        results.loadAtEnd = Machine.loadAverage();
        results.minutes = Math.round((System.nanoTime() - started) / 6e9) / 10.0;
        Report.targets(results);
        Report.write(results, out.resolve("latest.json"), out.resolve("latest.md"));
        progress("done in " + results.minutes + " min: " + out.resolve("latest.md") + " and latest.json");
        results.targets.forEach(t -> progress("  " + (t.met() == null ? "n/a " : t.met() ? "MET " : "MISS") + "  "
                + t.target() + ": " + t.measured()));
        // JMH and the JDBC driver may leave non-daemon threads behind; the work is done.
        System.exit(0);
    }

    private interface Section {
        void run() throws Exception;
    }

    private static void section(Results results, String name, Set<String> only, Section section) {
        if (!only.contains(name)) {
            return;
        }
        try {
            section.run();
        } catch (Exception | Error e) {
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            progress(name + " FAILED: " + why);
            e.printStackTrace();
            results.failures.put(name, why);
        }
    }

    private static Results.Zip zip(LambdaPackage lambda) throws Exception {
        List<Results.Jar> jars = new ArrayList<>();
        for (Path jar : lambda.jarsBySize()) {
            jars.add(new Results.Jar(jar.getFileName().toString(), Files.size(jar)));
        }
        return new Results.Zip("functions/target/stride-functions.zip", lambda.zipBytes(), jars);
    }

    private static String postgresVersion(LocalDatabase database) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(database.settings().jdbcUrl(),
                database.settings().user(), database.settings().password());
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SHOW server_version")) {
            row.next();
            return "PostgreSQL " + row.getString(1);
        }
    }

    private static String summary(Map<String, RoundTrips.Pair> trips) {
        StringBuilder text = new StringBuilder();
        trips.forEach((op, pair) -> text.append(op).append(' ').append(pair.handler().roundTrips()).append('/')
                .append(pair.floor().roundTrips()).append(" (steady ").append(pair.steadyHandler().roundTrips()).append('/')
                .append(pair.steadyFloor().roundTrips()).append(")  "));
        return text.toString().strip();
    }

    /** bench/target/stride-bench.jar lives two folders below the project root. */
    private static Path projectRoot() throws Exception {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path candidate = jar.getParent().getParent().getParent();
        if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("functions"))) {
            return candidate;
        }
        return Path.of("").toAbsolutePath();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void progress(String line) {
        System.err.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar bench/target/stride-bench.jar [--quick] [--only=" + String.join(",", SECTIONS)
                + "] [--samples=N] [--variants=NAME,...] [--compare=LABEL=ZIP]... [--local-main=CLASS]");
        System.exit(2);
    }
}
