package dev.stride.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stride.local.auth.JwtAuthorizer;
import dev.stride.local.auth.LocalIdentityProvider;
import dev.stride.local.lambda.FunctionRuntime;
import dev.stride.local.template.HttpApiSpec;
import dev.stride.local.template.JwtAuthorizerSpec;
import dev.stride.local.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP side of the local server: the JDK's HTTP server on a host and port, each request on a
 * thread of a pool, handed to the first {@linkplain #route local route} that serves its
 * path, else to the {@link Gateway} (the template's API), else to a {@linkplain #fallback fallback
 * route}; and one log line per request: time, method, path, function, status, duration.
 */
public final class LocalServer implements AutoCloseable {

    /** API Gateway refuses bodies over 10 MB before any function runs. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final Gateway gateway;
    private final LocalIdentityProvider identities;
    private final List<LocalRoute> routes = new CopyOnWriteArrayList<>();
    private final List<LocalRoute> fallbacks = new CopyOnWriteArrayList<>();
    private final PrintStream log;

    private LocalServer(HttpServer server, ExecutorService requestThreads, Gateway gateway,
                        LocalIdentityProvider identities, PrintStream log) {
        this.server = server;
        this.requestThreads = requestThreads;
        this.gateway = gateway;
        this.identities = identities;
        this.log = log;
    }

    /**
     * Binds {@code host:port} (port 0: any free one) for {@code template}'s routes, served by
     * {@code functions} (one runtime per function, by logical ID); {@link #start()} opens it.
     */
    public static LocalServer bind(Template template, Map<String, FunctionRuntime> functions, String host, int port,
                                   ObjectMapper json, PrintStream log) {
        LocalIdentityProvider identities = identityProvider(template, host, port);
        Map<String, Cors> cors = new LinkedHashMap<>();
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        for (HttpApiSpec api : template.apis().values()) {
            if (api.cors() != null) {
                cors.put(api.logicalId(), new Cors(api.cors()));
            }
            api.authorizers().forEach((name, spec) -> authorizers.put(Gateway.authorizerKey(api.logicalId(), name),
                    new JwtAuthorizer(spec, identities.publicKeys(), Clock.systemUTC())));
        }
        Gateway gateway = new Gateway(new Router(template.routes()), functions, template.apis(), cors, authorizers,
                new ResponseMapper(json), log);
        // TCP_NODELAY on every connection, as API Gateway's own front end answers: the JDK's server
        // leaves Nagle's algorithm on by default, and a response it writes in two parts (headers,
        // then a body larger than one segment: a 50-run page, a dashboard) then waits for the
        // client's delayed ACK, 40 ms on Linux, on every keep-alive request. Read once, when the
        // JDK's server classes first load; set before any server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port
                    + " (is another server running there? choose another with --port)", e);
        }
        // Platform threads, reused: a request thread runs its function's handler and mostly waits on
        // the database, and a platform thread waits on the OS directly, where a virtual one costs a
        // carrier hand-off for every wait (a fifth of the server's CPU under load, by profile).
        ExecutorService requestThreads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("http-", 0).factory());
        LocalServer local = new LocalServer(server, requestThreads, gateway, identities, log);
        server.createContext("/", local::exchange);
        server.setExecutor(requestThreads);
        return local;
    }

    /**
     * Adds a route that is no function's, consulted before the API's routes, in the order added:
     * the local-only endpoints under {@code /_local/}.
     */
    public LocalServer route(LocalRoute route) {
        routes.add(route);
        return this;
    }

    /**
     * Adds a route for the paths that no route of the API serves (tried before API Gateway's
     * 404), in the order added: the web app's files at {@code /}.
     */
    public LocalServer fallback(LocalRoute route) {
        fallbacks.add(route);
        return this;
    }

    /** Starts answering. */
    public LocalServer start() {
        server.start();
        return this;
    }

    /**
     * The local stand-in for the template's identity provider: tokens carry the issuer and first
     * audience of the default authorizer of the first API that has one, so that they pass it.
     */
    private static LocalIdentityProvider identityProvider(Template template, String host, int port) {
        for (HttpApiSpec api : template.apis().values()) {
            JwtAuthorizerSpec spec = api.defaultAuthorizer() != null ? api.authorizers().get(api.defaultAuthorizer())
                    : api.authorizers().values().stream().findFirst().orElse(null);
            if (spec != null) {
                return new LocalIdentityProvider(spec.issuer(), spec.audiences().isEmpty() ? "stride-local" : spec.audiences().get(0));
            }
        }
        return new LocalIdentityProvider("http://" + host + ":" + port + "/_local", "stride-local");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address bound, as given ({@code 127.0.0.1}, {@code 0.0.0.0}...). */
    public String host() {
        return server.getAddress().getHostString();
    }

    public String url() {
        return "http://" + host() + ":" + port();
    }

    public LocalIdentityProvider identities() {
        return identities;
    }

    /** Stops accepting requests and lets running ones finish for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        requestThreads.shutdown();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) {
        Answer answer = new Answer(exchange, EventFactory.newRequestId(), System.nanoTime());
        Gateway.Result result;
        try {
            IncomingRequest request = read(exchange);
            if (request == null) {
                result = new Gateway.Result(GatewayResponse.message(413, "Request Entity Too Large"), "-", null);
            } else {
                String path = EventFactory.decodePath(request.rawPath());
                LocalRoute local = find(routes, path);
                if (local == null && !gateway.hasRoute(path)) {
                    local = find(fallbacks, path);
                }
                result = local != null ? new Gateway.Result(local.handle(request, path), "-", null)
                        : gateway.handle(request, answer.requestId, port(), answer::send);
            }
        } catch (IOException | RuntimeException e) {
            // A fault of the local server itself: API Gateway's 500, and the trace for whoever fixes it.
            synchronized (log) {
                log.println("the local server failed on " + exchange.getRequestURI() + ":");
                e.printStackTrace(log);
            }
            result = new Gateway.Result(ResponseMapper.internalError(), "-", "the local server failed: " + e);
        }
        answer.send(result);
    }

    /**
     * One request's answer, sent once: by its request thread, or earlier by a function's timer
     * (503 when the handler overruns its time limit), whichever comes first.
     */
    private final class Answer {

        private final HttpExchange exchange;
        private final String requestId;
        private final long startNanos;
        private final AtomicBoolean sent = new AtomicBoolean();

        Answer(HttpExchange exchange, String requestId, long startNanos) {
            this.exchange = exchange;
            this.requestId = requestId;
            this.startNanos = startNanos;
        }

        void send(Gateway.Result result) {
            if (!sent.compareAndSet(false, true)) {
                return;
            }
            String note = result.note();
            try (exchange) {
                write(exchange, result.response(), requestId);
            } catch (IOException e) {
                note = "the client went away: " + e.getMessage();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            log.println(LOG_TIME.format(Instant.now()) + " " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + " " + result.function() + " " + result.response().status()
                    + " " + millis + " ms" + (note == null ? "" : " (" + note + ")"));
        }
    }

    private static LocalRoute find(List<LocalRoute> candidates, String path) {
        for (LocalRoute route : candidates) {
            if (route.serves(path)) {
                return route;
            }
        }
        return null;
    }

    /** The request as sent; null when its body is over API Gateway's limit. */
    private static IncomingRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        String query = exchange.getRequestURI().getRawQuery();
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                query == null ? "" : query, headers, body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
    }

    private static void write(HttpExchange exchange, GatewayResponse response, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        response.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
        headers.set("apigw-requestid", requestId);
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD")
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
