package dev.stride.local.template;

import java.time.Duration;
import java.util.List;

/**
 * One {@code HttpApi} event of a function: {@code method} ({@code ANY} for all) and {@code path}
 * ({@code /runs/{runId}}, {@code /{proxy+}}) on the API {@code apiId}.
 *
 * @param authorizer the authorizer's name, {@code NONE}, or null for the API's default
 * @param scopes     scopes one of which the token must carry; empty for none
 * @param integrationTimeout API Gateway's own limit for this route (30 s unless the event sets less)
 */
public record RouteSpec(String functionId, String method, String path, String apiId, String authorizer,
                        List<String> scopes, Duration integrationTimeout) {

    public static final String ANY = "ANY";
    public static final String NO_AUTHORIZER = "NONE";

    public RouteSpec {
        scopes = List.copyOf(scopes);
    }

    /** {@code GET /runs/{runId}}, as API Gateway writes a route key. */
    public String routeKey() {
        return method + " " + path;
    }
}
