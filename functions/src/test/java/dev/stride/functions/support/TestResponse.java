package dev.stride.functions.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.json.Json;
import java.util.Map;

/** A handler's response, with its body read as JSON. */
public record TestResponse(String method, String routeKey, APIGatewayV2HTTPResponse raw) {

    public int status() {
        return raw.getStatusCode();
    }

    public Map<String, String> headers() {
        return raw.getHeaders() == null ? Map.of() : raw.getHeaders();
    }

    public String header(String name) {
        return headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    public String body() {
        return raw.getBody();
    }

    public JsonNode json() {
        try {
            return Json.read(raw.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + raw.getBody(), e);
        }
    }

    /** This answer is a 200 that holds exactly what {@code other} answered (a resource read back after its create). */
    public void assertOkWithSameBodyAs(TestResponse other) {
        assertThat(status()).as(toString()).isEqualTo(200);
        assertThat(json()).isEqualTo(other.json());
    }

    /** The {@code id} of the created or returned resource. */
    public long id() {
        return json().get("id").asLong();
    }

    @Override
    public String toString() {
        return routeKey + " -> " + status() + " " + body();
    }
}
