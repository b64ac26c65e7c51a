package dev.stride.local.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the local server over real HTTP, as curl or a browser would. */
public final class Client {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    Client(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send(authorized(request(path).GET(), token));
    }

    public Response delete(String path, String token) {
        return send(authorized(request(path).DELETE(), token));
    }

    public Response post(String path, String json, String token) {
        return send(authorized(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token));
    }

    public Response patch(String path, String json, String token) {
        return send(authorized(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), token));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** A response, with its body as text and as JSON. */
    public record Response(HttpResponse<byte[]> http) {

        public int status() {
            return http.statusCode();
        }

        public String body() {
            return new String(http.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return http.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(http.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        public String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }

        public java.util.List<String> headers(String name) {
            return http.headers().allValues(name);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
