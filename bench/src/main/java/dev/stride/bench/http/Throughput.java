package dev.stride.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.bench.child.JdbcFloor;
import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Fixture;
import dev.stride.bench.seed.Seed;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Throughput through the local server with {@link #CLIENTS} closed-loop clients (each sends its
 * next request when the last one is answered), against the floor of the same operations over raw
 * JDBC from as many threads, each on its own connection.
 *
 * <p>The server is the one {@code STRIDE_LOCAL_URL} names, or else the local module's main class
 * started here on a free port; until that module has one this section reports itself skipped.
 * On a two-core machine the clients, the server and PostgreSQL share the same cores, so these
 * numbers are a ratio to read, not a capacity to plan with.
 */
public final class Throughput {

    public static final int CLIENTS = 16;
    static final int PRIME_CALLS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Operation(String name, double requestsPerSecond, Stats.Percentiles latencyMs, long errors,
                            double floorRequestsPerSecond, Stats.Percentiles floorLatencyMs,
                            double throughputShareOfFloor, double p50Ratio) {
    }

    public record Result(String skipped, String server, int clients, double warmupSeconds, double measureSeconds,
                         List<Operation> operations) {
    }

    private interface Call {
        void run(int client) throws Exception;
    }

    private final Fixture fixture;
    private final Path root;
    private final Path log;
    private final String mainClass;
    private final Consumer<String> progress;

    public Throughput(Fixture fixture, Path root, Path log, String mainClass, Consumer<String> progress) {
        this.fixture = fixture;
        this.root = root;
        this.log = log;
        this.mainClass = mainClass;
        this.progress = progress;
    }

    public Result measure(String givenUrl, double warmupSeconds, double measureSeconds) throws Exception {
        Process server = null;
        String base = givenUrl;
        try {
            if (base == null) {
                try {
                    Class.forName(mainClass, false, Throughput.class.getClassLoader());
                } catch (ClassNotFoundException absent) {
                    return skipped("local server not available: no " + mainClass
                            + " on the classpath yet (the local-server issue adds it; or set STRIDE_LOCAL_URL)");
                }
                int port = freePort();
                server = start(port);
                base = "http://127.0.0.1:" + port;
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String failure = awaitReady(client, base, server);
            if (failure != null) {
                return skipped(failure);
            }
            return run(client, base, warmupSeconds, measureSeconds);
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    private Result skipped(String why) {
        progress.accept("http: " + why);
        return new Result(why, null, CLIENTS, 0, 0, List.of());
    }

    private Process start(int port) throws IOException {
        // As many function instances as clients, as Lambda would scale out to: no request queues
        // behind a busy instance. Each instance has its own class loader and its own pool of one,
        // so the harness's classpath does not leak into the functions.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass, "serve", "--port", String.valueOf(port),
                "--max-instances", String.valueOf(CLIENTS),
                // The template's API throttling is sized for the deployed database; this measures the server.
                "--parameter-overrides", "ApiThrottlingRateLimit=100000 ApiThrottlingBurstLimit=100000");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The functions read the database from the same variables they read on Lambda.
        builder.environment().putAll(fixture.functionEnvironment());
        progress.accept("http: starting " + mainClass + " on port " + port + " (log: " + log + ")");
        return builder.start();
    }

    /** Null once the server mints tokens; otherwise why it never did. */
    private static String awaitReady(HttpClient client, String base, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (server != null && !server.isAlive()) {
                return "local server not available: it exited with " + server.exitValue() + " before answering";
            }
            try {
                if (post(client, base + "/_local/token", null, "{\"sub\":\"bench-probe\"}").statusCode() == 200) {
                    return null;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        return "local server not available: no answer from " + base + "/_local/token within 120 s";
    }

    private Result run(HttpClient client, String base, double warmupSeconds, double measureSeconds) throws Exception {
        String sub = "bench-http-" + Long.toString(System.currentTimeMillis(), 36);
        String token = JSON.readTree(ok(post(client, base + "/_local/token", null, "{\"sub\":\"" + sub + "\"}"), 200))
                .get("token").asText();
        JsonNode user = JSON.readTree(ok(post(client, base + "/users", token,
                "{\"username\":\"bench\",\"email\":\"" + sub + "@bench.example\"}"), 201));
        long userId = user.get("id").asLong();
        long runId;
        try (Connection connection = fixture.connect()) {
            Seed.runs(connection, userId, Fixture.READER_RUNS, 3);
            runId = Seed.newestTaggedRun(connection, userId);
        }
        String createBody = "{\"distance\":7.5,\"unit\":\"km\",\"date\":\"" + LocalDate.now(ZoneOffset.UTC)
                + "\",\"durationSeconds\":2400,\"title\":\"Lunch run\",\"tags\":[\"easy\",\"Bench\"]}";

        List<Connection> connections = new ArrayList<>();
        List<JdbcFloor> floors = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Connection connection = fixture.connect();
                connections.add(connection);
                floors.add(new JdbcFloor(connection));
            }
            List<Operation> operations = new ArrayList<>();
            operations.add(operation("get", warmupSeconds, measureSeconds,
                    c -> ok(get(client, base + "/runs/" + runId, token), 200),
                    c -> floors.get(c).getRun(sub, runId)));
            operations.add(operation("dashboard", warmupSeconds, measureSeconds,
                    c -> ok(get(client, base + "/users/" + userId + "/dashboard", token), 200),
                    c -> floors.get(c).dashboard(userId)));
            operations.add(operation("create", warmupSeconds, measureSeconds,
                    c -> ok(post(client, base + "/users/" + userId + "/runs", token, createBody), 201),
                    c -> floors.get(c).createRun(sub, userId, 7.5, LocalDate.now(ZoneOffset.UTC), 2400, "Lunch run",
                            List.of("easy", "Bench"))));
            return new Result(null, base, CLIENTS, warmupSeconds, measureSeconds, operations);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private Operation operation(String name, double warmupSeconds, double measureSeconds, Call server, Call floor)
            throws InterruptedException {
        Load http = load(server, warmupSeconds, measureSeconds);
        Load jdbc = load(floor, warmupSeconds, measureSeconds);
        Stats.Percentiles httpMs = Stats.percentiles(http.latenciesMs);
        Stats.Percentiles jdbcMs = Stats.percentiles(jdbc.latenciesMs);
        progress.accept("http " + name + ": " + Math.round(http.perSecond) + " req/s (floor " + Math.round(jdbc.perSecond)
                + "), p50 " + round(httpMs.p50()) + " ms, errors " + http.errors);
        return new Operation(name, http.perSecond, httpMs, http.errors, jdbc.perSecond, jdbcMs,
                Stats.ratio(http.perSecond, jdbc.perSecond), Stats.ratio(httpMs.p50(), jdbcMs.p50()));
    }

    private record Load(double perSecond, List<Double> latenciesMs, long errors) {
    }

    /**
     * {@link #CLIENTS} threads calling in a closed loop; only calls that start after the warm-up
     * count. Before the clock starts, every client makes {@link #PRIME_CALLS} calls: the local
     * server starts a function instance per concurrent request, and sixteen cold starts sharing two
     * cores take longer than any warm-up by time.
     */
    private static Load load(Call call, double warmupSeconds, double measureSeconds) throws InterruptedException {
        CountDownLatch primed = new CountDownLatch(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            Thread.ofPlatform().name("prime-" + i).start(() -> {
                try {
                    for (int n = 0; n < PRIME_CALLS; n++) {
                        call.run(client);
                    }
                } catch (Exception e) {
                    // Counted in the measured phase if it persists.
                } finally {
                    primed.countDown();
                }
            });
        }
        primed.await();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (measureSeconds * 1e9);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            Thread.ofPlatform().name("load-" + i).start(() -> {
                List<Double> mine = new ArrayList<>();
                try {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        try {
                            call.run(client);
                            if (now >= measureFrom) {
                                mine.add((System.nanoTime() - now) / 1e6);
                            }
                        } catch (Exception e) {
                            if (now >= measureFrom) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    latencies.addAll(mine);
                    done.countDown();
                }
            });
        }
        done.await();
        if (latencies.isEmpty()) {
            throw new IllegalStateException("no request succeeded during the measurement (errors: " + errors.get() + ")");
        }
        return new Load(latencies.size() / measureSeconds, latencies, errors.get());
    }

    private static HttpResponse<String> get(HttpClient client, String url, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
