package dev.stride.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint that speaks Secrets Manager's GetSecretValue the way the service does
 * (AWS JSON 1.1: a POST with {@code X-Amz-Target: secretsmanager.GetSecretValue} and a JSON body),
 * so the real SDK client can be pointed at it with {@code AWS_ENDPOINT_URL}. Secrets can be
 * changed while it runs, as a rotation does.
 */
public final class SecretsManagerServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** What a client sent: its target, the secret it asked for, and its SigV4 Authorization header. */
    public record Request(String target, String secretId, String authorization, String contentType) {
    }

    public SecretsManagerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets (or, as a rotation does, replaces) the SecretString of {@code arn}. */
    public void put(String arn, String secretString) {
        secrets.put(arn, secretString);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String secretId = body.path("SecretId").asText(null);
            requests.add(new Request(target, secretId, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "only GetSecretValue is served here");
                return;
            }
            String value = secrets.get(secretId);
            if (value == null) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            send(exchange, 200, Map.of(
                    "ARN", secretId,
                    "Name", secretId.substring(secretId.lastIndexOf(':') + 1),
                    "SecretString", value,
                    "VersionId", Integer.toHexString(value.hashCode()),
                    "VersionStages", List.of("AWSCURRENT"),
                    "CreatedDate", System.currentTimeMillis() / 1000.0));
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("X-Amzn-ErrorType", type);
        send(exchange, status, Map.of("__type", type, "message", message));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
