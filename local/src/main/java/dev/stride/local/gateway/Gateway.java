package dev.stride.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import dev.stride.local.auth.JwtAuthorizer;
import dev.stride.local.lambda.FunctionRuntime;
import dev.stride.local.template.HttpApiSpec;
import dev.stride.local.template.RouteSpec;
import dev.stride.local.template.ThrottleSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What API Gateway does between the client and a function, for one request: CORS preflight,
 * routing, the JWT authorizer, the payload 2.0 event, the invocation within the time limit, and
 * the mapping of the function's answer (or failure) back to HTTP.
 */
final class Gateway {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final Router router;
    private final Map<String, FunctionRuntime> functions;
    private final Map<String, HttpApiSpec> apis;
    private final Map<String, Cors> cors;
    private final Map<String, JwtAuthorizer> authorizers;
    private final ResponseMapper responses;
    private final PrintStream log;
    private final Map<RouteSpec, Throttle> throttles = new HashMap<>();

    Gateway(Router router, Map<String, FunctionRuntime> functions, Map<String, HttpApiSpec> apis,
            Map<String, Cors> cors, Map<String, JwtAuthorizer> authorizers, ResponseMapper responses, PrintStream log) {
        this.router = router;
        this.functions = functions;
        this.apis = apis;
        this.cors = cors;
        this.authorizers = authorizers;
        this.responses = responses;
        this.log = log;
        for (RouteSpec route : router.routes()) {
            HttpApiSpec api = apis.get(route.apiId());
            ThrottleSpec throttle = api == null ? null : api.throttleFor(route.path().equals("$default")
                    ? "$default" : route.method() + " " + route.path());
            if (throttle != null) {
                throttles.put(route, new Throttle(throttle, System::nanoTime));
            }
        }
    }

    /** The key of an authorizer in {@link #authorizers}: {@code ApiId/AuthorizerName}. */
    static String authorizerKey(String apiId, String name) {
        return apiId + "/" + name;
    }

    /**
     * The answer to {@code request}. A function that overruns its time limit is answered 503
     * through {@code answerOnTime} when the limit runs out (while its handler may still run);
     * the 503 this method then returns is the same.
     */
    Result handle(IncomingRequest request, String requestId, int localPort, Consumer<Result> answerOnTime) {
        Instant time = Instant.now();
        String path = EventFactory.decodePath(request.rawPath());
        if (Cors.isPreflight(request)) {
            Cors apiCors = corsFor(path);
            if (apiCors != null) {
                return new Result(apiCors.preflight(request), "-", "CORS preflight");
            }
        }
        Optional<Router.Match> found = router.match(request.method(), path);
        if (found.isEmpty()) {
            return decorated(request, path, new Result(GatewayResponse.message(404, "Not Found"), "-", null));
        }
        Router.Match match = found.get();
        RouteSpec route = match.route();
        Cors apiCors = cors.get(route.apiId());
        Throttle throttle = throttles.get(route);
        if (throttle != null && !throttle.tryAcquire()) {
            return decorated(apiCors, request, new Result(GatewayResponse.message(429, "Too Many Requests"),
                    route.functionId(), "throttled by the route's settings"));
        }

        RequestContext.Authorizer authorizer = null;
        String authorizerName = route.authorizer() != null ? route.authorizer() : apis.get(route.apiId()).defaultAuthorizer();
        if (authorizerName != null && !authorizerName.equals(RouteSpec.NO_AUTHORIZER)) {
            JwtAuthorizer jwt = authorizers.get(authorizerKey(route.apiId(), authorizerName));
            JwtAuthorizer.Decision decision = jwt.authorize(identity(request, jwt.spec().identitySource()), route.scopes());
            if (!decision.allowed()) {
                GatewayResponse refusal = decision.status() == 403
                        ? GatewayResponse.message(403, "Forbidden")
                        : GatewayResponse.message(401, "Unauthorized").withHeader("www-authenticate", decision.expired()
                                ? "Bearer error=\"invalid_token\", error_description=\"the token has expired\""
                                : "Bearer");
                return decorated(apiCors, request, new Result(refusal, route.functionId(), decision.reason()));
            }
            authorizer = RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder()
                            .withClaims(decision.claims())
                            .withScopes(decision.scopes())
                            .build())
                    .build();
        }

        FunctionRuntime function = functions.get(route.functionId());
        APIGatewayV2HTTPEvent event = EventFactory.build(request, path, match, requestId, time, localPort, authorizer);
        Duration limit = min(function.spec().timeout(), route.integrationTimeout());
        // A response is mutable (decorate adds headers): each answer gets its own.
        Supplier<Result> timedOut = () -> decorated(apiCors, request, new Result(
                GatewayResponse.message(503, "Service Unavailable"), route.functionId(),
                "timed out after " + limit.toMillis() + " ms"));
        FunctionRuntime.Outcome outcome = function.invoke(event, limit, requestId,
                () -> answerOnTime.accept(timedOut.get()));
        if (outcome.timedOut()) {
            return timedOut.get();
        }
        String note = outcome.coldStart() ? "cold start" : null;
        GatewayResponse response;
        if (outcome.error() != null) {
            note = "handler threw " + outcome.error().getClass().getName();
            synchronized (log) {
                log.println(route.functionId() + " " + requestId + " failed:");
                outcome.error().printStackTrace(log);
            }
            response = GatewayResponse.message(500, "Internal Server Error");
        } else {
            response = responses.map(outcome.output());
        }
        return decorated(apiCors, request, new Result(response, route.functionId(), note));
    }

    private Result decorated(IncomingRequest request, String path, Result result) {
        return decorated(corsFor(path), request, result);
    }

    private static Result decorated(Cors apiCors, IncomingRequest request, Result result) {
        if (apiCors != null) {
            apiCors.decorate(result.response(), request.header("origin"));
        }
        return result;
    }

    /** Whether any route of the API serves {@code path} (with any method). */
    boolean hasRoute(String path) {
        for (String method : METHODS) {
            if (router.match(method, path).filter(m -> !m.route().path().equals("$default")).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The CORS configuration for a path: that of the API whose routes serve it, or the only one there is. */
    Cors corsFor(String path) {
        for (String method : METHODS) {
            Optional<Router.Match> match = router.match(method, path);
            if (match.isPresent()) {
                return cors.get(match.get().route().apiId());
            }
        }
        return cors.size() == 1 ? cors.values().iterator().next() : null;
    }

    /** The token from the authorizer's identity source ({@code $request.header.X} or {@code $request.querystring.x}). */
    private static String identity(IncomingRequest request, String identitySource) {
        String source = identitySource.split(",")[0].strip();
        if (source.startsWith("$request.header.")) {
            return request.header(source.substring("$request.header.".length()));
        }
        if (source.startsWith("$request.querystring.")) {
            Map<String, String> query = EventFactory.queryParameters(request.rawQuery());
            return query == null ? null : query.get(source.substring("$request.querystring.".length()));
        }
        return null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A handled request: the response, the function it went to ({@code -} for none), a note for the log. */
    record Result(GatewayResponse response, String function, String note) {
    }
}
