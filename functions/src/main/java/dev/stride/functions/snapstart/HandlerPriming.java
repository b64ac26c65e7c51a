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
import dev.stride.instance.RolledBackWrites;
import dev.stride.instance.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthetic events through the real handlers, before the SnapStart snapshot. Nothing is written,
 * by construction. Reads run as the caller {@value #CALLER}, which no Cognito user is (their subs
 * are UUIDs) and which has no profile: they answer an empty list or 404 (or 400 for a forged
 * cursor) after running their statements. Writes run to the end, statements, COMMIT and all, for
 * a caller of their own with a profile, a run and a mood that exist only inside their transaction,
 * which is undone before it commits ({@link RolledBackWrites}): a create answers 201, a PATCH 200,
 * a DELETE 204, and the first real write finds its statements prepared and its classes loaded.
 */
public final class HandlerPriming implements Primer {

    static final String CALLER = "snapstart-priming";

    @Override
    public List<Integer> prime(Services services, String handler) {
        RolledBackWrites writes = new RolledBackWrites(CALLER);
        List<Integer> statuses = new ArrayList<>();
        for (Request request : requests(services, writes)) {
            if (handler == null || request.handler().getClass().getName().equals(handler)) {
                statuses.add(request.write() == null
                        ? send(request, CALLER)
                        : writes.run(request.write() == Profile.ALREADY_THERE, () -> send(request, writes.caller())));
            }
        }
        return statuses;
    }

    /** For a write: whether its caller has a profile (with a run and a mood) when it runs. */
    private enum Profile { ALREADY_THERE, NONE_YET }

    /** One synthetic request to one handler; {@code write} null for a read. */
    private record Request(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method,
                           String route, Map<String, String> pathParameters, String query, String body, Profile write,
                           Map<String, String> headers) {

        Request(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method,
                String route, Map<String, String> pathParameters, String query, String body) {
            this(handler, method, route, pathParameters, query, body, null, Map.of());
        }

        Request write(Profile profile, Map<String, String> headers) {
            return new Request(handler, method, route, pathParameters, query, body, profile, headers);
        }
    }

    private static List<Request> requests(Services services, RolledBackWrites writes) {
        String runId = String.valueOf(writes.runId());
        String moodId = String.valueOf(writes.moodId());
        // A create with an Idempotency-Key also records its answer; a repeat of a create would find it.
        Map<String, String> keyed = Map.of("Idempotency-Key", writes.caller());
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
                        "{\"distance\": 5.2, \"unit\": \"km\", \"durationSeconds\": 1800, \"tags\": [\"easy\"]}")
                        .write(Profile.ALREADY_THERE, keyed),
                new Request(new CreateMoodHandler(services.moods()), "POST", "/users/{id}/moods", Map.of("id", "me"), "",
                        "{\"description\": \"Happy\", \"date\": \"2026-01-01\", \"energy\": 4}")
                        .write(Profile.ALREADY_THERE, keyed),
                new Request(new CreateUserHandler(services.users()), "POST", "/users", Map.of(), "",
                        "{\"username\": \"Priming\", \"email\": \"" + writes.caller() + "@priming.invalid\"}")
                        .write(Profile.NONE_YET, keyed),
                new Request(new GetUserHandler(services.users()), "GET", "/users/{id}", Map.of("id", "me"), "", null),
                new Request(new UpdateUserHandler(services.users()), "PATCH", "/users/{id}", Map.of("id", "me"), "",
                        "{\"username\": \"Primed\"}").write(Profile.ALREADY_THERE, Map.of()),
                new Request(new DeleteUserHandler(services.users()), "DELETE", "/users/{id}", Map.of("id", "me"), "", null)
                        .write(Profile.ALREADY_THERE, Map.of()),
                new Request(new GetMoodHandler(services.moods()), "GET", "/moods/{moodId}", Map.of("moodId", "1"), "", null),
                new Request(new UpdateMoodHandler(services.moods()), "PATCH", "/moods/{moodId}", Map.of("moodId", moodId), "",
                        "{\"energy\": 5}").write(Profile.ALREADY_THERE, Map.of()),
                new Request(new DeleteMoodHandler(services.moods()), "DELETE", "/moods/{moodId}", Map.of("moodId", moodId), "", null)
                        .write(Profile.ALREADY_THERE, Map.of()),
                new Request(new UpdateRunHandler(services.runs()), "PATCH", "/runs/{runId}", Map.of("runId", runId), "",
                        "{\"distance\": 6.1, \"tags\": [\"easy\"]}").write(Profile.ALREADY_THERE, Map.of()),
                new Request(new DeleteRunHandler(services.runs()), "DELETE", "/runs/{runId}", Map.of("runId", runId), "", null)
                        .write(Profile.ALREADY_THERE, Map.of()));
    }

    private static int send(Request request, String caller) {
        HttpApiEvent event = HttpApiEvent.request(request.method(), request.route())
                .path(request.pathParameters())
                .rawQuery(request.query())
                .as(caller)
                .requestId(CALLER);
        request.headers().forEach(event::header);
        if (request.body() != null) {
            event.body(request.body());
        }
        // No Lambda context: the invocation is synthetic (see dev.stride.instance.Priming).
        return request.handler().handleRequest(event.build(), null).getStatusCode();
    }
}
