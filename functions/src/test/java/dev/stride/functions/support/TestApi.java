package dev.stride.functions.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
import dev.stride.instance.Services;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the real handlers the way API Gateway would: a path is matched to its route, the route's
 * handler gets a payload 2.0 event, and the response comes back as a {@link TestResponse}.
 * Every handler is built once over the test database, like a warm Lambda instance, and every
 * response is checked against openapi.yaml, so the document cannot drift from the code.
 */
public final class TestApi {

    /** Every route of the API and its handler, as template.yaml maps them. */
    public static Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers(Services stride) {
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes = new LinkedHashMap<>();
        routes.put("POST /users", new CreateUserHandler(stride.users()));
        routes.put("GET /users", new ListUsersHandler(stride.users()));
        routes.put("GET /users/{id}", new GetUserHandler(stride.users()));
        routes.put("PATCH /users/{id}", new UpdateUserHandler(stride.users()));
        routes.put("DELETE /users/{id}", new DeleteUserHandler(stride.users()));
        routes.put("POST /users/{id}/runs", new CreateRunHandler(stride.runs()));
        routes.put("GET /users/{id}/runs", new ListRunsHandler(stride.runs()));
        routes.put("GET /runs/{runId}", new GetRunHandler(stride.runs()));
        routes.put("PATCH /runs/{runId}", new UpdateRunHandler(stride.runs()));
        routes.put("DELETE /runs/{runId}", new DeleteRunHandler(stride.runs()));
        routes.put("POST /users/{id}/moods", new CreateMoodHandler(stride.moods()));
        routes.put("GET /users/{id}/moods", new ListMoodsHandler(stride.moods()));
        routes.put("GET /users/{id}/moods/latest", new GetLatestMoodHandler(stride.moods()));
        routes.put("GET /moods/{moodId}", new GetMoodHandler(stride.moods()));
        routes.put("PATCH /moods/{moodId}", new UpdateMoodHandler(stride.moods()));
        routes.put("DELETE /moods/{moodId}", new DeleteMoodHandler(stride.moods()));
        routes.put("GET /users/{id}/dashboard", new GetDashboardHandler(stride.dashboard()));
        return routes;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes;
    private final String sub;
    private final String[] groups;

    private TestApi(Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes,
                    String sub, String[] groups) {
        this.routes = routes;
        this.sub = sub;
        this.groups = groups;
    }

    /** The API as the caller {@code sub} sees it (in {@code groups}, e.g. "admin"). */
    public static TestApi as(String sub, String... groups) {
        return new TestApi(handlers(TestDatabase.stride()), sub, groups);
    }

    public TestResponse get(String path) {
        return call("GET", path, null);
    }

    public TestResponse post(String path, String json) {
        return call("POST", path, json);
    }

    public TestResponse patch(String path, String json) {
        return call("PATCH", path, json);
    }

    public TestResponse delete(String path) {
        return call("DELETE", path, null);
    }

    /** Calls the route {@code path} matches; a path with a query string fills queryStringParameters. */
    public TestResponse call(String method, String path, String json) {
        HttpEvents event = eventFor(method, path);
        if (json != null) {
            event.body(json);
        }
        return send(method, event);
    }

    /** Builds the event for {@code method path} so that a test can change it before sending. */
    public HttpEvents eventFor(String method, String path) {
        String rawPath = path;
        String rawQuery = "";
        int question = path.indexOf('?');
        if (question >= 0) {
            rawPath = path.substring(0, question);
            rawQuery = path.substring(question + 1);
        }
        for (String routeKey : routes.keySet()) {
            String[] parts = routeKey.split(" ", 2);
            if (!parts[0].equals(method)) {
                continue;
            }
            Matcher names = PARAMETER.matcher(parts[1]);
            String regex = "^" + PARAMETER.matcher(parts[1]).replaceAll("([^/]+)") + "$";
            Matcher match = Pattern.compile(regex).matcher(rawPath);
            if (!match.matches()) {
                continue;
            }
            HttpEvents event = HttpEvents.request(method, parts[1]);
            if (sub != null) {
                event.as(sub, groups);
            }
            int group = 1;
            while (names.find()) {
                event.path(names.group(1), java.net.URLDecoder.decode(match.group(group++), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    String[] kv = pair.split("=", 2);
                    event.query(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                            kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
                }
            }
            return event;
        }
        throw new IllegalArgumentException("no route for " + method + " " + path);
    }

    /** Sends the event to its route's handler; every response must be one that openapi.yaml describes. */
    public TestResponse send(String method, HttpEvents event) {
        APIGatewayV2HTTPEvent built = event.build();
        var handler = routes.get(built.getRouteKey());
        TestResponse response = new TestResponse(method, built.getRouteKey(), handler.handleRequest(built, new TestContext()));
        OpenApiContract.assertConforms(response, built.getRawPath());
        return response;
    }
}
