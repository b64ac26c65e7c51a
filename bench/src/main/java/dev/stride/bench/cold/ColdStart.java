package dev.stride.bench.cold;

import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Cold start as Lambda counts it, in fresh JVMs: {@code GetRunHandler} from the unpacked Lambda
 * zip against {@code JdbcGetRunHandler}, the same request over raw JDBC; samples of the two
 * interleaved so that whatever else the machine does lands on both. Also the JVM's memory after
 * warm-up, where the init time goes, and which libraries its classes come from.
 */
public final class ColdStart {

    public static final String HANDLER = "dev.stride.functions.runs.GetRunHandler";
    public static final String FLOOR = "dev.stride.bench.child.JdbcGetRunHandler";
    private static final String EMULATOR = "dev.stride.bench.child.LambdaEmulator";
    private static final String PRIMED_FLOOR = "dev.stride.bench.child.PrimedFloor";

    /**
     * Rounds the primed floor runs on its first connection, as the checkpoint hook primes the
     * handler's path: C1 compiles a method after about 200 calls, so its path is compiled long before.
     */
    public static final int FLOOR_PRIMING_ROUNDS = 1000;

    /**
     * The flags the Lambda {@code java21} runtime starts the JVM with on its own: C1 only and the
     * serial collector ("Customize Java runtime startup behavior for Lambda functions", AWS Lambda
     * developer guide). The template's {@code JAVA_TOOL_OPTIONS}, if it sets one, comes on top,
     * through the same environment variable Lambda passes it in.
     */
    public static final List<String> LAMBDA_JAVA21 = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    /**
     * One way of starting the JVM. {@code flags}: the JVM's command line; {@code toolOptions}: the
     * value of {@code JAVA_TOOL_OPTIONS} (empty: unset); {@code trainingFlags}: when set, one
     * uncounted run per side with these flags first (it writes a class archive or cache the samples
     * then use). {@code prime}: run the SnapStart hooks (the priming path) between init and the first
     * invoke. {@code lambda}: another build of the zip to run instead of the current one (a code
     * lever's baseline), or null. Add a variant here to compare another flag.
     */
    public record Variant(String name, List<String> flags, String toolOptions, List<String> trainingFlags, boolean prime,
                          LambdaPackage lambda, String why) {

        public boolean trains() {
            return trainingFlags != null;
        }

        static List<String> with(List<String> flags, String... more) {
            List<String> all = new ArrayList<>(flags);
            all.addAll(List.of(more));
            return List.copyOf(all);
        }

        static List<String> forSide(List<String> flags, String side) {
            return flags.stream().map(flag -> flag.replace("%s", side)).toList();
        }
    }

    /**
     * The variants, first the function as deployed: Lambda's own java21 flags plus the template's
     * {@code JAVA_TOOL_OPTIONS} ({@code toolOptions}, empty when the template sets none). Then each
     * JVM lever on top of that, and each other build of the zip in {@code baselines} (label to
     * unpacked zip) as deployed.
     */
    public static List<Variant> variants(Path work, String toolOptions, Map<String, LambdaPackage> baselines) {
        List<String> deployed = LAMBDA_JAVA21;
        String tool = toolOptions == null ? "" : toolOptions;
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(AS_DEPLOYED, deployed, tool, null, false, null,
                "Lambda java21's own flags" + (tool.isEmpty() ? "; the template sets no JAVA_TOOL_OPTIONS"
                        : " and the template's JAVA_TOOL_OPTIONS `" + tool + "`")));
        baselines.forEach((label, lambda) -> variants.add(new Variant(label, deployed, tool, null, false, lambda,
                "as deployed, but the zip built from " + label)));
        variants.add(new Variant("no-flags", List.of(), "", null, false, null,
                "the JVM's own defaults on this machine (C2, G1 on 2 cores): what C1 and the serial collector save"));
        variants.add(new Variant("+no-perf-data", Variant.with(deployed, "-XX:-UsePerfData"), tool, null, false, null,
                "as deployed, without the hsperfdata file the JVM maps at start"));
        variants.add(new Variant("+no-verify", Variant.with(deployed, "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote"), tool, null, false, null,
                "as deployed, without verifying the zip's bytecode: how much of init is verification (not adopted)"));
        variants.add(new Variant("+primed", deployed, tool, null, true, null,
                "as deployed, then the org.crac hooks (SnapStart priming) before the first invoke"));
        variants.add(new Variant("+appcds", Variant.with(deployed, "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + work.resolve("appcds-%s.jsa")), tool, Variant.with(deployed, "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + work.resolve("appcds-%s.jsa")), false, null,
                "as deployed, with a dynamic AppCDS archive of the classes a training run loaded"
                        + " (function classes as a jar: CDS takes no folders); the archive must come from Lambda's own JVM build"));
        if (Runtime.version().feature() >= 25) {
            variants.add(new Variant("+aot-cache", Variant.with(deployed, "-XX:AOTCache=" + work.resolve("aot-%s.aot")), tool,
                    Variant.with(deployed, "-XX:AOTCacheOutput=" + work.resolve("aot-%s.aot")), false, null,
                    "as deployed, with a JDK 25 ahead-of-time cache (JEP 483/514) from a training run;"
                            + " needs a JDK 25 runtime, not Lambda's java21"));
        }
        return variants;
    }

    public static final String AS_DEPLOYED = "as-deployed";

    /** One fresh-JVM timing: ms from spawn to main, main to init done, and so on. */
    public record Sample(double jvmStart, double handlerInit, double lambdaInit, double prime, double firstInvoke,
                         double total, double secondInvoke, double cpu) {
    }

    public record Side(Map<String, Stats.Spread> ms, int samples) {
    }

    /** {@code classes}: classes the handler's JVM loaded from spawn to the first response (0: not counted). */
    public record VariantResult(String name, List<String> flags, String why, String skipped, Side handler, Side floor,
                                Map<String, Double> ratios, long classes) {
    }

    public record Memory(String variant, Map<String, Long> handler, Map<String, Long> floor, int warmInvocations) {
    }

    public record Breakdown(List<Step> steps, double sumMs, String note) {
    }

    public record Step(String name, double ms, long classes) {
    }

    private final LambdaPackage lambda;
    private final Fixture fixture;
    private final Path work;
    private final Path log;
    private final Consumer<String> progress;

    public ColdStart(LambdaPackage lambda, Fixture fixture, Path work, Consumer<String> progress) throws IOException {
        this.lambda = lambda;
        this.fixture = fixture;
        this.work = work;
        this.log = work.resolve("children.log");
        this.progress = progress;
        Files.deleteIfExists(log);
    }

    public Path log() {
        return log;
    }

    /**
     * Every variant, {@code samples} fresh JVMs per side each, in rounds: one handler and one
     * floor sample of every variant per round, so that a burst of load from elsewhere (this machine
     * is shared) lands on every variant alike and the ratios between variants stay comparable. A
     * variant that cannot run here (a flag this JVM refuses) is reported as skipped.
     */
    public List<VariantResult> measure(List<Variant> variants, int samples) throws IOException, InterruptedException {
        Map<Variant, String> skipped = new LinkedHashMap<>();
        for (Variant variant : variants) {
            LambdaPackage lambda = variant.lambda() != null ? variant.lambda() : this.lambda;
            if (variant.prime() && !lambda.hasCrac()) {
                skipped.put(variant, "no priming path in this build (the Lambda zip carries no org.crac)");
            } else if (variant.trains()) {
                // Training runs: not counted; they write the archive or cache the samples then map.
                for (String side : List.of("handler", "floor")) {
                    for (String flag : variant.trainingFlags()) {
                        int eq = flag.indexOf('=');
                        if (flag.contains("%s") && eq > 0) {
                            Files.deleteIfExists(Path.of(flag.substring(eq + 1).replace("%s", side)));
                        }
                    }
                }
                try {
                    sample(variant, true, true);
                    sample(variant, false, true);
                } catch (IllegalStateException failed) {
                    skipped.put(variant, "failed: " + failed.getMessage());
                }
            }
        }
        Map<Variant, List<Sample>> handler = new LinkedHashMap<>();
        Map<Variant, List<Sample>> floor = new LinkedHashMap<>();
        for (int i = 0; i < samples; i++) {
            for (Variant variant : variants) {
                if (skipped.containsKey(variant)) {
                    continue;
                }
                try {
                    // Handler and floor back to back, so a burst hits both sides alike.
                    Sample h = sample(variant, true, false);
                    Sample f = sample(variant, false, false);
                    handler.computeIfAbsent(variant, v -> new ArrayList<>()).add(h);
                    floor.computeIfAbsent(variant, v -> new ArrayList<>()).add(f);
                    progress.accept("cold " + variant.name() + " " + (i + 1) + "/" + samples + ": handler "
                            + Math.round(h.total()) + " ms, floor " + Math.round(f.total()) + " ms");
                } catch (IllegalStateException failed) {
                    if (variant.name().equals(AS_DEPLOYED)) {
                        throw failed;
                    }
                    skipped.put(variant, "failed: " + failed.getMessage());
                }
            }
        }
        List<VariantResult> results = new ArrayList<>();
        for (Variant variant : variants) {
            if (skipped.containsKey(variant)) {
                results.add(new VariantResult(variant.name(), variant.flags(), variant.why(), skipped.get(variant),
                        null, null, Map.of(), 0));
                continue;
            }
            Side h = side(handler.get(variant), variant.prime());
            Side f = side(floor.get(variant), variant.prime());
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (String metric : List.of("lambdaInit", "firstInvoke", "total", "cpu")) {
                ratios.put(metric, Stats.ratio(h.ms().get(metric).median(), f.ms().get(metric).median()));
            }
            long classes = variant.trains() ? 0 : classesLoaded(variant);
            results.add(new VariantResult(variant.name(), variant.flags(), variant.why(), null, h, f, ratios, classes));
        }
        return results;
    }

    private Sample sample(Variant variant, boolean handler, boolean training) throws IOException, InterruptedException {
        String side = handler ? "handler" : "floor";
        LambdaPackage lambda = variant.lambda() != null ? variant.lambda() : this.lambda;
        String classpath = !handler ? lambda.floorClasspath()
                : variant.trains() ? lambda.handlerJarClasspath() : lambda.handlerClasspath();
        Child.Output out = Child.run(classpath, Variant.forSide(training ? variant.trainingFlags() : variant.flags(), side),
                EMULATOR, arguments(handler ? HANDLER : FLOOR, variant.prime(), 0),
                environment(variant, handler ? HANDLER : FLOOR), log);
        checkStatus(out);
        double jvm = ms(out.nanos("main") - out.spawnedAt());
        double init = ms(out.nanos("init") - out.nanos("main"));
        boolean primed = out.has("prime") && out.nanos("prime") > 0;
        double prime = primed ? ms(out.nanos("prime") - out.nanos("init")) : 0;
        double first = ms(out.nanos("first") - (primed ? out.nanos("prime") : out.nanos("init")));
        double second = ms(out.nanos("second") - out.nanos("first"));
        return new Sample(jvm, init, jvm + init, prime, first, jvm + init + first, second, ms(out.nanos("cpu")));
    }

    private static Side side(List<Sample> samples, boolean primed) {
        Map<String, Stats.Spread> ms = new LinkedHashMap<>();
        ms.put("jvmStart", Stats.spread(samples.stream().map(Sample::jvmStart).toList()));
        ms.put("handlerInit", Stats.spread(samples.stream().map(Sample::handlerInit).toList()));
        ms.put("lambdaInit", Stats.spread(samples.stream().map(Sample::lambdaInit).toList()));
        if (primed) {
            ms.put("prime", Stats.spread(samples.stream().map(Sample::prime).toList()));
        }
        ms.put("firstInvoke", Stats.spread(samples.stream().map(Sample::firstInvoke).toList()));
        ms.put("total", Stats.spread(samples.stream().map(Sample::total).toList()));
        ms.put("secondInvoke", Stats.spread(samples.stream().map(Sample::secondInvoke).toList()));
        ms.put("cpu", Stats.spread(samples.stream().map(Sample::cpu).toList()));
        return new Side(ms, samples.size());
    }

    /** Heap after warm-up and a full GC, and resident memory, of the handler's JVM and the floor's. */
    public Memory memory(Variant variant, int warm) throws IOException, InterruptedException {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (boolean handler : new boolean[] {true, false}) {
            Child.Output out = Child.run(handler ? lambda.handlerClasspath() : lambda.floorClasspath(),
                    Variant.forSide(variant.flags(), handler ? "handler" : "floor"), EMULATOR,
                    arguments(handler ? HANDLER : FLOOR, false, warm),
                    environment(variant, handler ? HANDLER : FLOOR), log);
            checkStatus(out);
            Map<String, Long> values = new LinkedHashMap<>();
            for (String key : List.of("heap-used", "heap-committed", "vmrss", "vmhwm", "early-p50", "late-p50")) {
                values.put(key, Long.parseLong(out.lines().get(key)));
            }
            result.put(handler ? "handler" : "floor", values);
        }
        return new Memory(variant.name(), result.get("handler"), result.get("floor"), warm);
    }

    /** Init and first invoke cut into parts, each timed with the classes it loaded. */
    public Breakdown breakdown(Variant deployed) throws IOException, InterruptedException {
        Child.Output out = Child.run(lambda.handlerClasspath(), deployed.flags(), "dev.stride.bench.child.InitBreakdown",
                List.of(String.valueOf(fixture.readerRunId()), fixture.reader().sub()), environment(deployed, HANDLER), log);
        checkStatus(out);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("JVM start (spawn to main)", ms(out.nanos("main") - out.spawnedAt()), 0));
        long previousClasses = 0;
        double sum = steps.getFirst().ms();
        for (String line : out.steps()) {
            String[] parts = line.split(" ", 3);
            long classes = Long.parseLong(parts[1]);
            double ms = ms(Long.parseLong(parts[0]));
            if (!parts[2].contains("(excluded)")) {
                steps.add(new Step(parts[2], ms, classes - previousClasses));
                sum += ms;
            }
            previousClasses = classes;
        }
        return new Breakdown(steps, sum, "steps forced one after another in one fresh JVM (as deployed);"
                + " class counts exclude the JDK's management classes loaded to count them");
    }

    /**
     * One request as the child timed it: wall time, the thread's CPU time, its wait in the run
     * queue, and how often it blocked (voluntary context switches: a round trip's socket read is one).
     */
    public record Request(double wallMs, double cpuMs, double runQueueMs, long blocks) {
    }

    /**
     * The first invoke after priming (ms), SnapStart's before-checkpoint and after-restore hooks before it (0 without),
     * and the first {@link #REQUESTS} requests of the instance, the first one included.
     */
    public record AfterPriming(double firstInvokeMs, double checkpointMs, double restoreMs, List<Request> requests) {
    }

    /** One of the primed floor's requests: wall time and the thread's CPU time. */
    public record FloorRequest(double wallMs, double cpuMs) {
    }

    /**
     * The raw-JDBC floor primed as a SnapStart function is ({@code dev.stride.bench.child.PrimedFloor}),
     * in a fresh JVM with the deployed flags: {@value #FLOOR_PRIMING_ROUNDS} calls of its operation
     * on one connection, a new connection and 6 calls on it, {@value #IDLE_MILLIS} ms idle, then
     * {@value #REQUESTS} calls, returned in order. {@code args}: the operation and its values.
     */
    public List<FloorRequest> floorAfterPriming(Variant deployed, List<String> args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(args);
        all.add("rounds=" + FLOOR_PRIMING_ROUNDS);
        all.add("idle=" + IDLE_MILLIS);
        all.add("requests=" + REQUESTS);
        Child.Output out = Child.run(lambda.floorClasspath(), Variant.forSide(deployed.flags(), "floor"), PRIMED_FLOOR, all,
                environment(deployed, FLOOR), log);
        List<FloorRequest> requests = new ArrayList<>();
        for (int i = 1; out.has("request-" + i); i++) {
            String[] parts = out.lines().get("request-" + i).split(" ");
            requests.add(new FloorRequest(Long.parseLong(parts[0]) / 1e6, Long.parseLong(parts[1]) / 1e6));
        }
        if (requests.size() != REQUESTS) {
            throw new IllegalStateException("the primed floor reported " + requests.size() + " requests; see " + log);
        }
        return requests;
    }

    /** Requests the primed child serves and reports one by one: how far the first is from the ones after it. */
    public static final int REQUESTS = 20;

    /**
     * How long the primed child sleeps before its first request: a restored instance's first
     * request does not come the instant its hook returns, and a request after an idle pays for
     * waking up (the scheduler, the database's backend, cold caches), which a warm p50 of calls in
     * a loop does not. The floor's first call after the same idle is reported beside it.
     */
    public static final int IDLE_MILLIS = 50;

    /**
     * The first response after priming, in a fresh JVM as deployed: priming at init (one round,
     * as on-demand init does), or with {@code snapshot} also SnapStart's hooks (before the
     * snapshot: the function's path primed for the JIT; after the restore: a fresh connection,
     * warmed by the path), whose after-restore part is timed on its own. The child then idles
     * {@value #IDLE_MILLIS} ms and serves {@value #REQUESTS} requests of the same event.
     */
    public AfterPriming firstInvokeAfterPriming(Variant deployed, String handlerClass, List<String> event, int expected,
                                          boolean snapshot) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        args.add("handler=" + handlerClass);
        args.addAll(event);
        if (snapshot) {
            args.add("prime=true");
        }
        args.add("idle=" + IDLE_MILLIS);
        args.add("requests=" + REQUESTS);
        args.add("stop-after-first=true");
        Child.Output out = Child.run(lambda.handlerClasspath(), Variant.forSide(deployed.flags(), "handler"), EMULATOR, args,
                environment(deployed, handlerClass), log);
        if (!String.valueOf(expected).equals(out.lines().get("status"))) {
            throw new IllegalStateException(handlerClass + " answered " + out.lines().get("status") + " instead of " + expected
                    + "; see " + log);
        }
        if (snapshot && !(out.has("prime") && out.nanos("prime") > 0)) {
            throw new IllegalStateException(handlerClass + ": the SnapStart hooks did not run; see " + log);
        }
        List<Request> requests = new ArrayList<>();
        for (int i = 1; out.has("request-" + i); i++) {
            String[] parts = out.lines().get("request-" + i).split(" ");
            requests.add(new Request(Long.parseLong(parts[0]) / 1e6, Long.parseLong(parts[1]) / 1e6,
                    Long.parseLong(parts[2]) / 1e6, Long.parseLong(parts[3])));
        }
        // From the moment the event and the context are ready (built after init and the hooks,
        // untimed) to the response: the request itself, as the floor's warm p50 times it.
        return new AfterPriming(ms(out.nanos("first") - out.nanos("ready")),
                snapshot ? ms(out.nanos("checkpoint") - out.nanos("init")) : 0,
                snapshot ? ms(out.nanos("prime") - out.nanos("checkpoint")) : 0, requests);
    }

    /** One more fresh JVM of the variant's handler, logging class loading: how many classes reach the first response. */
    private long classesLoaded(Variant variant) throws IOException, InterruptedException {
        LambdaPackage lambda = variant.lambda() != null ? variant.lambda() : this.lambda;
        Path classLog = work.resolve("classes-" + variant.name().replaceAll("[^A-Za-z0-9.-]", "_") + ".log");
        Files.deleteIfExists(classLog);
        List<String> args = new ArrayList<>(arguments(HANDLER, variant.prime(), 0));
        args.add("stop-after-first=true");
        Child.Output out = Child.run(lambda.handlerClasspath(),
                Variant.with(Variant.forSide(variant.flags(), "handler"), "-Xlog:class+load=info:file=" + classLog), EMULATOR,
                args, environment(variant, HANDLER), log);
        checkStatus(out);
        try (var lines = Files.lines(classLog)) {
            return lines.filter(line -> line.contains(" source: ")).count();
        }
    }

    /** Classes loaded from spawn to first response, by where they came from (jar, JDK, CDS archive, generated). */
    public Map<String, Map<String, Long>> classOrigins(Variant deployed) throws IOException, InterruptedException {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (boolean handler : new boolean[] {true, false}) {
            Path classLog = work.resolve((handler ? "handler" : "floor") + "-classes.log");
            Files.deleteIfExists(classLog);
            List<String> args = new ArrayList<>(arguments(handler ? HANDLER : FLOOR, false, 0));
            args.add("stop-after-first=true");
            Child.Output out = Child.run(handler ? lambda.handlerClasspath() : lambda.floorClasspath(),
                    Variant.with(deployed.flags(), "-Xlog:class+load=info:file=" + classLog), EMULATOR,
                    args,
                    environment(deployed, handler ? HANDLER : FLOOR), log);
            checkStatus(out);
            Map<String, Long> counts = new TreeMap<>();
            for (String line : Files.readAllLines(classLog)) {
                int source = line.indexOf(" source: ");
                if (source < 0) {
                    continue;
                }
                counts.merge(origin(line.substring(source + 9).strip()), 1L, Long::sum);
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            result.put(handler ? "handler" : "floor", sorted);
        }
        return result;
    }

    private static String origin(String source) {
        if (source.startsWith("shared objects file")) {
            return "JDK (CDS archive)";
        }
        if (source.startsWith("jrt:/")) {
            return "JDK (" + source.substring(5) + ")";
        }
        if (source.startsWith("file:")) {
            String path = source.substring(5);
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (path.endsWith("/")) {
                return "function classes (zip root)";
            }
            return name.replaceAll("-\\d[\\w.]*\\.jar$", "").replace(".jar", "");
        }
        if (source.contains("__") || source.contains("Lambda") || source.contains("hidden")) {
            return "generated at run time (lambdas, proxies, accessors)";
        }
        return "generated at run time (" + source.split("[ ]")[0].replaceAll("\\$.*", "") + ")";
    }

    /**
     * Whether the zip's own classes sign an RDS IAM token (the assembly keeps only a few classes of
     * the SDK's rds module): a fresh JVM on the zip's classpath, IAM authentication configured.
     */
    public boolean signsIamToken() throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(Map.of("DB_IAM_AUTH", "true",
                "DB_URL", "jdbc:postgresql://db.example.com:5432/stride", "DB_USER", "stride_app",
                "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDBENCH", "AWS_SECRET_ACCESS_KEY", "not-a-secret"));
        Child.Output out = Child.run(lambda.handlerClasspath(), LAMBDA_JAVA21, "dev.stride.bench.child.ZipCheck", List.of(),
                env, log);
        return "ok".equals(out.lines().get("iam-token"));
    }

    /**
     * What a function gets: the database variables, {@code _HANDLER} as Lambda sets it (Stride
     * primes the path of the handler it names at init), and JAVA_TOOL_OPTIONS if the variant sets it.
     */
    private Map<String, String> environment(Variant variant, String handlerClass) {
        Map<String, String> env = new LinkedHashMap<>(fixture.functionEnvironment());
        env.put("_HANDLER", handlerClass + "::handleRequest");
        if (!variant.toolOptions().isEmpty()) {
            env.put("JAVA_TOOL_OPTIONS", variant.toolOptions());
        }
        return env;
    }

    private List<String> arguments(String handlerClass, boolean prime, int warm) {
        List<String> args = new ArrayList<>();
        args.add("handler=" + handlerClass);
        args.add("method=GET");
        args.add("route=/runs/{runId}");
        args.add("path.runId=" + fixture.readerRunId());
        args.add("sub=" + fixture.reader().sub());
        if (prime) {
            args.add("prime=true");
        }
        if (warm > 0) {
            args.add("warm=" + warm);
        }
        return args;
    }

    private void checkStatus(Child.Output out) {
        if (!"200".equals(out.lines().get("status"))) {
            throw new IllegalStateException("a fresh-JVM sample answered " + out.lines().get("status") + " instead of 200; see " + log);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
