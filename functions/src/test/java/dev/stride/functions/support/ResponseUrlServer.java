package dev.stride.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the pre-signed S3 URL a CloudFormation custom resource request carries: records
 * every PUT (its path and query, content type and JSON body) and answers 200, or a chosen status
 * for the first few.
 */
public final class ResponseUrlServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 200;

    public record Put(String method, String pathAndQuery, String contentType, JsonNode body) {
    }

    public ResponseUrlServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                URI uri = exchange.getRequestURI();
                puts.add(new Put(exchange.getRequestMethod(), uri.getRawPath() + "?" + uri.getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        JSON.readTree(exchange.getRequestBody().readAllBytes())));
                int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 200;
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    /** The first {@code count} PUTs are answered {@code status} (S3 having a bad moment). */
    public void failFirst(int count, int status) {
        failuresLeft.set(count);
        failureStatus = status;
    }

    /** {@code event} with its ResponseURL moved to this server, path and signed query kept. */
    public Map<String, Object> redirect(Map<String, Object> event) {
        URI original = URI.create((String) event.get("ResponseURL"));
        var moved = new java.util.LinkedHashMap<>(event);
        moved.put("ResponseURL", "http://127.0.0.1:" + server.getAddress().getPort()
                + original.getRawPath() + "?" + original.getRawQuery());
        return moved;
    }

    public List<Put> puts() {
        return List.copyOf(puts);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
