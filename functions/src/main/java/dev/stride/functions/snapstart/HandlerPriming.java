package dev.stride.functions.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.Stride;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.moods.CreateMoodHandler;
import dev.stride.functions.moods.GetLatestMoodHandler;
import dev.stride.functions.moods.ListMoodsHandler;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.snapstart.Primer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthetic events through the real handlers, before the SnapStart snapshot. Nothing is written,
 * by construction: the caller ({@value #CALLER}, which no Cognito user is: their subs are UUIDs)
 * has no profile, so reads answer an empty list or 404 (or 400 for a forged cursor), a run or mood
 * for "me" is refused with 404 after its body was bound and validated, and the profile it would
 * create has an invalid body (400).
 */
public final class HandlerPriming implements Primer {

    static final String CALLER = "snapstart-priming";

    @Override
    public List<Integer> prime(Stride stride, String handler) {
        List<Integer> statuses = new ArrayList<>();
        for (Request request : requests(stride)) {
            if (handler == null || request.handler().getClass().getName().equals(handler)) {
                statuses.add(send(request.handler(), request.method(), request.route(), request.pathParameters(),
                        request.query(), request.body()));
            }
        }
        return statuses;
    }

    /** One synthetic request to one handler. */
    private record Request(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method,
                           String route, Map<String, String> pathParameters, String query, String body) {
    }

    private static List<Request> requests(Stride stride) {
        return List.of(
                new Request(new ListUsersHandler(stride.users()), "GET", "/users", Map.of(), "limit=5", null),
                // A cursor Stride did not issue (400): loads the cursor key before the snapshot.
                new Request(new ListUsersHandler(stride.users()), "GET", "/users", Map.of(), "cursor=bm90LWEtY3Vyc29y", null),
                new Request(new ListRunsHandler(stride.runs()), "GET", "/users/{id}/runs", Map.of("id", "me"),
                        "from=2026-01-01&to=2026-12-31&tag=easy", null),
                new Request(new GetRunHandler(stride.runs()), "GET", "/runs/{runId}", Map.of("runId", "1"), "", null),
                new Request(new ListMoodsHandler(stride.moods()), "GET", "/users/{id}/moods", Map.of("id", "me"), "", null),
                new Request(new GetLatestMoodHandler(stride.moods()), "GET", "/users/{id}/moods/latest", Map.of("id", "me"), "", null),
                new Request(new GetDashboardHandler(stride.dashboard()), "GET", "/users/{id}/dashboard", Map.of("id", "me"), "", null),
                new Request(new CreateRunHandler(stride.runs()), "POST", "/users/{id}/runs", Map.of("id", "me"), "",
                        "{\"distance\": 5.2, \"unit\": \"km\", \"durationSeconds\": 1800, \"tags\": [\"easy\"]}"),
                new Request(new CreateMoodHandler(stride.moods()), "POST", "/users/{id}/moods", Map.of("id", "me"), "",
                        "{\"description\": \"Happy\", \"date\": \"2026-01-01\", \"energy\": 4}"),
                new Request(new CreateUserHandler(stride.users()), "POST", "/users", Map.of(), "",
                        "{\"username\": \"\", \"email\": \"not-an-email\"}"));
    }

    private static int send(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method,
                            String route, Map<String, String> pathParameters, String query, String body) {
        String path = route;
        for (var parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Map<String, String> queryParameters = new java.util.LinkedHashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            queryParameters.put(nameValue[0], nameValue[1]);
        }
        RequestContext context = RequestContext.builder()
                .withRouteKey(method + " " + route)
                .withStage("$default")
                .withRequestId(CALLER)
                .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withAuthorizer(RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", CALLER)).build())
                        .build())
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + route)
                .withRawPath(path)
                .withRawQueryString(query)
                .withQueryStringParameters(queryParameters.isEmpty() ? null : queryParameters)
                .withHeaders(body == null ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", "application/json"))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
        // No Lambda context: the invocation is synthetic (see dev.stride.snapstart.Priming).
        return handler.handleRequest(event, null).getStatusCode();
    }
}
