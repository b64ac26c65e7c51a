package dev.stride.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.domain.Versioned;
import dev.stride.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The HTTP API responses Stride answers with. */
public final class Responses {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Responses() {
    }

    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body, Map.of());
    }

    /** A single resource after a change: 200 with its new {@code ETag}. */
    public static APIGatewayV2HTTPResponse ok(Versioned<?> resource) {
        return json(200, resource.value(), Map.of("ETag", ETags.of(resource.revision())));
    }

    /**
     * A single resource that was asked for: 200 with its {@code ETag}, or 304 with no body when the
     * request's {@code If-None-Match} names the state it is in.
     */
    public static APIGatewayV2HTTPResponse ok(ApiRequest request, Versioned<?> resource) {
        String etag = ETags.of(resource.revision());
        if (ETags.noneMatchHits(request.header("if-none-match"), resource.revision())) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(304).withHeaders(Map.of("ETag", etag)).build();
        }
        return json(200, resource.value(), Map.of("ETag", etag));
    }

    public static APIGatewayV2HTTPResponse created(String location, Versioned<?> resource) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        headers.put("ETag", ETags.of(resource.revision()));
        return json(201, resource.value(), headers);
    }

    /**
     * Runs {@code create} and answers 201 with the resource, its {@code Location} and {@code ETag};
     * with an {@code Idempotency-Key}, a repeat gets the first answer again ({@link Idempotency}).
     */
    public static <T> APIGatewayV2HTTPResponse created(ApiRequest request, Supplier<Versioned<T>> create,
                                                       Function<T, String> location) {
        return Idempotency.create(request, create, location);
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    }

    public static APIGatewayV2HTTPResponse problem(ProblemException problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (instance != null) {
            body.put("instance", uriPath(instance));
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", PROBLEM_JSON);
        if (problem.retryAfterSeconds() != null) {
            headers.put("Retry-After", Integer.toString(problem.retryAfterSeconds()));
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    private static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", JSON);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    /**
     * The request path as a URI reference. API Gateway's HTTP API hands functions the path
     * percent-decoded, so a space or a {@code %} in it must be encoded again before it is a valid
     * {@code instance}.
     */
    static String uriPath(String path) {
        StringBuilder encoded = new StringBuilder(path.length());
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
