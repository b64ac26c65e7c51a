package dev.stride.web.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A network that loses answers: an HTTP proxy in front of the local server that passes every
 * request on and, for the requests {@code dropAnswer} picks, lets the server do its work but hangs
 * up instead of answering, as a dropped mobile connection would. The browser loads the app through
 * it, so for the page it is the server (Host and Origin are rewritten to the server's own).
 */
public final class FlakyProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private volatile Predicate<HttpExchange> dropAnswer = e -> false;
    private final AtomicInteger dropped = new AtomicInteger();
    /** The Idempotency-Key of every POST to the API that went through, answered or not (sign-in's token call is no create). */
    public final List<String> postKeys = new CopyOnWriteArrayList<>();

    public FlakyProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, hangs up on the requests {@code which} picks (server-side work still done). */
    public void dropAnswers(Predicate<HttpExchange> which) {
        this.dropAnswer = which;
    }

    public int dropped() {
        return dropped.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower)) {
                    values.forEach(v -> request.header(name, lower.equals("origin") ? upstream : v));
                }
            });
            if (exchange.getRequestMethod().equals("POST") && !exchange.getRequestURI().getPath().startsWith("/_local/")) {
                postKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (dropAnswer.test(exchange)) {
                dropped.incrementAndGet();
                return; // closing without a status line: the browser sees the connection drop
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
