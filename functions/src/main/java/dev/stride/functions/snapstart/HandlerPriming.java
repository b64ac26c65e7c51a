package dev.stride.functions.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.HttpApiEvent;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.moods.CreateMoodHandler;
import dev.stride.functions.moods.DeleteMoodHandler;
import dev.stride.functions.moods.GetLatestMoodHandler;
import dev.stride.functions.moods.GetMoodHandler;
import dev.stride.functions.moods.ListMoodsHandler;
import dev.stride.functions.moods.UpdateMoodHandler;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.DeleteRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.runs.UpdateRunHandler;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.DeleteUserHandler;
import dev.stride.functions.users.GetUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.functions.users.UpdateUserHandler;
import dev.stride.instance.Primer;
import dev.stride.instance.Services;
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
    public List<Integer> prime(Services services, String handler) {
        List<Integer> statuses = new ArrayList<>();
        for (Request request : requests(services)) {
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

    private static List<Request> requests(Services services) {
        return List.of(
                new Request(new ListUsersHandler(services.users()), "GET", "/users", Map.of(), "limit=5", null),
                // A cursor Stride did not issue (400): loads the cursor key before the snapshot.
                new Request(new ListUsersHandler(services.users()), "GET", "/users", Map.of(), "cursor=bm90LWEtY3Vyc29y", null),
                new Request(new ListRunsHandler(services.runs()), "GET", "/users/{id}/runs", Map.of("id", "me"),
                        "from=2026-01-01&to=2026-12-31&tag=easy", null),
                new Request(new GetRunHandler(services.runs()), "GET", "/runs/{runId}", Map.of("runId", "1"), "", null),
                new Request(new ListMoodsHandler(services.moods()), "GET", "/users/{id}/moods", Map.of("id", "me"), "", null),
                new Request(new GetLatestMoodHandler(services.moods()), "GET", "/users/{id}/moods/latest", Map.of("id", "me"), "", null),
                new Request(new GetDashboardHandler(services.dashboard()), "GET", "/users/{id}/dashboard", Map.of("id", "me"), "", null),
                new Request(new CreateRunHandler(services.runs()), "POST", "/users/{id}/runs", Map.of("id", "me"), "",
                        "{\"distance\": 5.2, \"unit\": \"km\", \"durationSeconds\": 1800, \"tags\": [\"easy\"]}"),
                new Request(new CreateMoodHandler(services.moods()), "POST", "/users/{id}/moods", Map.of("id", "me"), "",
                        "{\"description\": \"Happy\", \"date\": \"2026-01-01\", \"energy\": 4}"),
                new Request(new CreateUserHandler(services.users()), "POST", "/users", Map.of(), "",
                        "{\"username\": \"\", \"email\": \"not-an-email\"}"),
                // Every other function too. A PATCH body that is not an object is refused (400)
                // before anything is read; a GET or DELETE for the caller without a profile is 404.
                new Request(new GetUserHandler(services.users()), "GET", "/users/{id}", Map.of("id", "me"), "", null),
                new Request(new UpdateUserHandler(services.users()), "PATCH", "/users/{id}", Map.of("id", "me"), "", "[]"),
                new Request(new DeleteUserHandler(services.users()), "DELETE", "/users/{id}", Map.of("id", "me"), "", null),
                new Request(new GetMoodHandler(services.moods()), "GET", "/moods/{moodId}", Map.of("moodId", "1"), "", null),
                new Request(new UpdateMoodHandler(services.moods()), "PATCH", "/moods/{moodId}", Map.of("moodId", "1"), "", "[]"),
                new Request(new DeleteMoodHandler(services.moods()), "DELETE", "/moods/{moodId}", Map.of("moodId", "1"), "", null),
                new Request(new UpdateRunHandler(services.runs()), "PATCH", "/runs/{runId}", Map.of("runId", "1"), "", "[]"),
                new Request(new DeleteRunHandler(services.runs()), "DELETE", "/runs/{runId}", Map.of("runId", "1"), "", null));
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
