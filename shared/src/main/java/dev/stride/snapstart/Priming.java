package dev.stride.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.Stride;
import dev.stride.api.Api;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.moods.MoodInput;
import dev.stride.runs.RunInput;
import dev.stride.users.UserInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the request path once before the SnapStart snapshot, so that the snapshot already holds
 * what the first real request would otherwise pay for: the classes of the handler doorway
 * ({@link Api}), event reading, caller claims, paging, JSON writing, problem+json, Bean
 * Validation's bootstrap, the JPQL queries compiled by EclipseLink, and an open-then-closed
 * connection's driver classes.
 *
 * <p>It never writes: the events are GETs by a caller that owns nothing (the read-only queries
 * answer an empty list or 404), and the request bodies are only bound and validated, never handed
 * to a service.
 */
public final class Priming {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** A {@code sub} no Cognito user has (theirs are UUIDs): the caller owns nothing. */
    static final String CALLER = "snapstart-priming";

    private Priming() {
    }

    /**
     * Runs the request path once and answers the status of each synthetic request. Never throws:
     * a database that cannot be reached now (a snapshot taken during an outage) only means the
     * first real request pays for what was not primed, and must not fail the deploy.
     */
    public static List<Integer> prime(Stride stride) {
        long started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        // Reads through the services, as the GET handlers make them.
        statuses.add(call(get("GET /users", "/users", Map.of()),
                request -> Responses.ok(stride.users().list(request.caller(), request.listQuery()))));
        statuses.add(call(get("GET /users/{id}/runs", "/users/me/runs", Map.of("id", "me")),
                request -> Responses.ok(stride.runs().list(request.caller(), request.userRef("id"), request.listQuery()))));
        statuses.add(call(get("GET /runs/{runId}", "/runs/1", Map.of("runId", "1")),
                request -> Responses.ok(stride.runs().get(request.caller(), request.id("runId")))));
        statuses.add(call(get("GET /users/{id}/moods/latest", "/users/me/moods/latest", Map.of("id", "me")),
                request -> Responses.ok(stride.moods().latest(request.caller(), request.userRef("id")))));
        statuses.add(call(get("GET /users/{id}/dashboard", "/users/me/dashboard", Map.of("id", "me")),
                request -> Responses.ok(stride.dashboard().get(request.caller(), request.userRef("id"), request.listQuery()))));
        // Bodies as the POST handlers read them: bound and validated only, nothing is created.
        statuses.add(call(post("/users/me/runs", "{\"distance\": 5.2, \"unit\": \"km\", \"durationSeconds\": 1800, \"tags\": [\"easy\"]}"),
                request -> validated(request.body(RunInput.class))));
        statuses.add(call(post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"2026-01-01\", \"energy\": 4}"),
                request -> validated(request.body(MoodInput.class))));
        statuses.add(call(post("/users", "{\"username\": \"Priming\", \"email\": \"priming@example.com\"}"),
                request -> validated(request.body(UserInput.class))));
        LOG.info("primed the request path in {} ms: {}", (System.nanoTime() - started) / 1_000_000, statuses);
        return statuses;
    }

    private static int call(APIGatewayV2HTTPEvent event, Function<ApiRequest, APIGatewayV2HTTPResponse> operation) {
        try {
            return Api.handle(event, operation).getStatusCode();
        } catch (RuntimeException failure) {
            LOG.warn("priming {} failed", event.getRouteKey(), failure);
            return 500;
        }
    }

    private static APIGatewayV2HTTPResponse validated(Record input) {
        return Responses.noContent();
    }

    private static APIGatewayV2HTTPEvent get(String routeKey, String path, Map<String, String> pathParameters) {
        return event(routeKey, path, pathParameters, null);
    }

    private static APIGatewayV2HTTPEvent post(String path, String body) {
        return event("POST " + path, path, Map.of("id", "me"), body);
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> pathParameters, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        RequestContext context = RequestContext.builder()
                .withRouteKey(routeKey)
                .withStage("$default")
                .withRequestId("snapstart-priming")
                .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withAuthorizer(RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", CALLER)).build())
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(body == null ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", "application/json"))
                .withPathParameters(pathParameters)
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
