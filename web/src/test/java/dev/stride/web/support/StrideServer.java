package dev.stride.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.LocalApp;
import dev.stride.local.lambda.FunctionHost;
import dev.stride.local.template.RouteSpec;
import dev.stride.testkit.Sql;
import dev.stride.testkit.TestDatabase;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real local server the browser tests drive: the project's own template.yaml (the functions'
 * Lambda zip, the real routes and authorizer), the web app from web/app, an embedded PostgreSQL
 * (or STRIDE_TEST_DB_URL), on a free port of 127.0.0.1; started once per test JVM. Its request log
 * goes to target/local-server.log. Also a small API client, to set the scene and check results.
 */
public final class StrideServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalApp app;

    private StrideServer() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("stride.projectRoot", "..")).toAbsolutePath().normalize();
    }

    public static synchronized LocalApp app() {
        if (app == null) {
            Path root = projectRoot();
            try {
                Files.createDirectories(Path.of("target"));
                PrintStream log = new PrintStream(new FileOutputStream("target/local-server.log"), true);
                // A fresh embedded database; 4 instances per function at most, none started ahead
                // of traffic (the warm-up below starts one of each), idle ones kept for 10 minutes.
                app = LocalApp.start(new LocalApp.Options(root.resolve("template.yaml"), "127.0.0.1", 0, null, Map.of(),
                        root.resolve("openapi.yaml"), null, new FunctionHost.Settings(4, 32_768, true), 0,
                        Duration.ofMinutes(10), TestDatabase.environment(), log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalApp started = app;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            warmUp();
        }
        return app;
    }

    /**
     * One request to every route, two at a time, none of which writes anything (a stranger's
     * reads and writes answer 404): each function has then started once, so that the browser
     * tests time the app rather than the functions' cold starts.
     */
    private static void warmUp() {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (RouteSpec route : app.template().routes()) {
                String path = route.path().replace("{id}", "me").replaceAll("\\{[a-zA-Z]+\\}", "1");
                boolean body = route.method().equals("POST") || route.method().equals("PATCH");
                pool.submit(() -> send(app, "warm-up", route.method(), path, body ? Map.of() : null));
            }
        }
    }

    public static String url() {
        return app().server().url();
    }

    public static String token(String sub) {
        return app().server().identities().mint(sub, List.of());
    }

    /** An API call as {@code sub}: the answer's status and JSON body (null when empty). */
    public static Answer call(String sub, String method, String path, Object body) {
        return send(app(), sub, method, path, body);
    }

    private static Answer send(LocalApp server, String sub, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.server().url() + path))
                    .header("Authorization", "Bearer " + server.server().identities().mint(sub, List.of()))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code call} that must succeed. */
    public static JsonNode ok(String sub, String method, String path, Object body) {
        Answer answer = call(sub, method, path, body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A number from the server's database, e.g. a count of rows. */
    public static long count(String sql) {
        return Sql.count(Sql.dataSource(app().database().settings()), sql);
    }

    public record Answer(int status, JsonNode body) {
    }
}
