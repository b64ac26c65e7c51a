package dev.stride.functions.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.HttpApiEvent;
import dev.stride.dashboard.DashboardService;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;
import dev.stride.runs.RunService;
import dev.stride.testkit.SamTemplate;
import dev.stride.testkit.TestDatabase;
import dev.stride.users.UserService;
import java.lang.reflect.Constructor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * Every route of the API and its handler, read from template.yaml: each function's handler
     * class, built over the one service its constructor takes.
     */
    public static Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers(Services stride) {
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes = new LinkedHashMap<>();
        for (SamTemplate.Function function : SamTemplate.functions(SamTemplate.load())) {
            function.routeKey().ifPresent(route -> routes.put(route, handler(function.handlerClass(), stride)));
        }
        return routes;
    }

    /** The handler {@code className}, built like a warm Lambda instance, over the one service its constructor takes. */
    @SuppressWarnings("unchecked")
    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String className, Services stride) {
        Map<Class<?>, Object> services = Map.of(UserService.class, stride.users(), RunService.class, stride.runs(),
                MoodService.class, stride.moods(), DashboardService.class, stride.dashboard());
        try {
            for (Constructor<?> constructor : Class.forName(className).getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && services.containsKey(parameters[0])) {
                    return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                            constructor.newInstance(services.get(parameters[0]));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + className, e);
        }
        throw new IllegalStateException(className + " has no constructor that takes one service");
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

    /** The API as the caller {@code sub} sees it, over {@code stride}'s database instead of the shared one. */
    public static TestApi over(Services stride, String sub, String... groups) {
        return new TestApi(handlers(stride), sub, groups);
    }

    /** Empties the database, then creates this caller's profile; answers its id. */
    public long freshProfile(String username, String email) {
        TestDatabase.reset();
        return post("/users", "{\"username\": \"" + username + "\", \"email\": \"" + email + "\"}").id();
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
        HttpApiEvent event = eventFor(method, path);
        if (json != null) {
            event.body(json);
        }
        return send(method, event);
    }

    /** Builds the event for {@code method path} so that a test can change it before sending. */
    public HttpApiEvent eventFor(String method, String path) {
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
            HttpApiEvent event = HttpApiEvent.request(method, parts[1]);
            if (sub != null) {
                event.as(sub, groups);
            }
            int group = 1;
            while (names.find()) {
                event.path(names.group(1), URLDecoder.decode(match.group(group++), StandardCharsets.UTF_8));
            }
            return event.rawQuery(rawQuery);
        }
        throw new IllegalArgumentException("no route for " + method + " " + path);
    }

    /** Sends the event to its route's handler; every response must be one that openapi.yaml describes. */
    public TestResponse send(String method, HttpApiEvent event) {
        APIGatewayV2HTTPEvent built = event.build();
        var handler = routes.get(built.getRouteKey());
        TestResponse response = new TestResponse(method, built.getRouteKey(), handler.handleRequest(built, new LambdaContext()));
        OpenApiContract.assertConforms(response, built.getRawPath());
        return response;
    }
}
