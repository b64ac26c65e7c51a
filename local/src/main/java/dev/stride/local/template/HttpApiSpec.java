package dev.stride.local.template;

import java.util.Map;

/**
 * One {@code AWS::Serverless::HttpApi} (or the implicit one SAM creates for events without
 * {@code ApiId}): its JWT authorizers, the default one, its CORS configuration (null: none), and
 * its throttling: {@code DefaultRouteSettings} (null: none) and {@code RouteSettings} by route
 * key ({@code "GET /users/{id}"}).
 */
public record HttpApiSpec(String logicalId, Map<String, JwtAuthorizerSpec> authorizers, String defaultAuthorizer,
                          CorsSpec cors, ThrottleSpec defaultThrottle, Map<String, ThrottleSpec> routeThrottles) {

    public static final String IMPLICIT_API = "ServerlessHttpApi";

    public HttpApiSpec {
        authorizers = Map.copyOf(authorizers);
        routeThrottles = Map.copyOf(routeThrottles);
    }

    public HttpApiSpec(String logicalId, Map<String, JwtAuthorizerSpec> authorizers, String defaultAuthorizer,
                       CorsSpec cors) {
        this(logicalId, authorizers, defaultAuthorizer, cors, null, Map.of());
    }

    /** The throttling of the route {@code "METHOD /path"}: its own settings over the API's defaults; null when none. */
    public ThrottleSpec throttleFor(String routeKey) {
        ThrottleSpec own = routeThrottles.get(routeKey);
        ThrottleSpec effective = own == null ? defaultThrottle : own.over(defaultThrottle);
        return effective != null && effective.limits() ? effective : null;
    }
}
