package dev.stride.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A response on its way to the client: status, header lines (repeatable), body bytes. */
public record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public static final String JSON = "application/json";

    public GatewayResponse {
        headers = new ArrayList<>(headers);
    }

    /** One of API Gateway's own answers: {@code {"message":"Not Found"}} and the like. */
    public static GatewayResponse message(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\"}");
    }

    public static GatewayResponse json(int status, String body) {
        return of(status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    public static GatewayResponse of(int status, String contentType, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", contentType));
        return new GatewayResponse(status, headers, body);
    }

    public GatewayResponse withHeader(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    public GatewayResponse replaceContentType(String contentType) {
        removeHeaders(name -> name.equalsIgnoreCase("Content-Type"));
        return withHeader("Content-Type", contentType);
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    public void removeHeaders(Predicate<String> name) {
        headers.removeIf(h -> name.test(h.getKey()));
    }
}
