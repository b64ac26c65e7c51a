package dev.stride.functions.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.HttpApiEvent;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.moods.CreateMoodHandler;
import dev.stride.functions.moods.GetLatestMoodHandler;
import dev.stride.functions.moods.ListMoodsHandler;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.instance.Primer;
import dev.stride.instance.Services;
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
    public List<Integer> prime(Services services) {
        return List.of(
                send(new ListUsersHandler(services.users()), "GET", "/users", Map.of(), "limit=5", null),
                // A cursor Stride did not issue (400): loads the cursor key before the snapshot.
                send(new ListUsersHandler(services.users()), "GET", "/users", Map.of(), "cursor=bm90LWEtY3Vyc29y", null),
                send(new ListRunsHandler(services.runs()), "GET", "/users/{id}/runs", Map.of("id", "me"),
                        "from=2026-01-01&to=2026-12-31&tag=easy", null),
                send(new GetRunHandler(services.runs()), "GET", "/runs/{runId}", Map.of("runId", "1"), "", null),
                send(new ListMoodsHandler(services.moods()), "GET", "/users/{id}/moods", Map.of("id", "me"), "", null),
                send(new GetLatestMoodHandler(services.moods()), "GET", "/users/{id}/moods/latest", Map.of("id", "me"), "", null),
                send(new GetDashboardHandler(services.dashboard()), "GET", "/users/{id}/dashboard", Map.of("id", "me"), "", null),
                send(new CreateRunHandler(services.runs()), "POST", "/users/{id}/runs", Map.of("id", "me"), "",
                        "{\"distance\": 5.2, \"unit\": \"km\", \"durationSeconds\": 1800, \"tags\": [\"easy\"]}"),
                send(new CreateMoodHandler(services.moods()), "POST", "/users/{id}/moods", Map.of("id", "me"), "",
                        "{\"description\": \"Happy\", \"date\": \"2026-01-01\", \"energy\": 4}"),
                send(new CreateUserHandler(services.users()), "POST", "/users", Map.of(), "",
                        "{\"username\": \"\", \"email\": \"not-an-email\"}"));
    }

    private static int send(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method,
                            String route, Map<String, String> pathParameters, String query, String body) {
        HttpApiEvent event = HttpApiEvent.request(method, route)
                .path(pathParameters)
                .rawQuery(query)
                .as(CALLER)
                .requestId(CALLER);
        if (body != null) {
            event.body(body);
        }
        // No Lambda context: the invocation is synthetic (see dev.stride.instance.Priming).
        return handler.handleRequest(event.build(), null).getStatusCode();
    }
}
