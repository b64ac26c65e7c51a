package dev.stride.local.gateway;

import dev.stride.local.template.CorsSpec;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP API's CORS configuration at work: API Gateway answers preflight requests itself (an
 * {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}, no route or
 * authorizer involved), and on other requests from an allowed origin it replaces whatever CORS
 * headers the function sent with the configured ones.
 */
final class Cors {

    private final CorsSpec spec;
    private final List<Pattern> origins;

    Cors(CorsSpec spec) {
        this.spec = spec;
        // An allowed origin may hold a wildcard ("https://*.example.com").
        this.origins = spec.allowOrigins().stream()
                .filter(o -> !o.equals("*"))
                .map(o -> Pattern.compile(Pattern.quote(o).replace("*", "\\E[^/]*\\Q"), Pattern.CASE_INSENSITIVE))
                .toList();
    }

    static boolean isPreflight(IncomingRequest request) {
        return request.method().equals("OPTIONS") && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    /** The answer to a preflight request: 204, with the CORS headers if the origin is allowed. */
    GatewayResponse preflight(IncomingRequest request) {
        GatewayResponse response = new GatewayResponse(204, List.of(), new byte[0]);
        String origin = request.header("origin");
        if (!allows(origin)) {
            return response;
        }
        addOriginHeaders(response, origin);
        if (!spec.allowMethods().isEmpty()) {
            response.withHeader("Access-Control-Allow-Methods", joined(spec.allowMethods()).toUpperCase(Locale.ROOT));
        }
        if (!spec.allowHeaders().isEmpty()) {
            response.withHeader("Access-Control-Allow-Headers", joined(spec.allowHeaders()).toLowerCase(Locale.ROOT));
        }
        if (spec.maxAge() != null) {
            response.withHeader("Access-Control-Max-Age", String.valueOf(spec.maxAge()));
        }
        return response;
    }

    /** Puts the configured CORS headers on {@code response} (and drops the function's own). */
    void decorate(GatewayResponse response, String origin) {
        if (origin == null || !allows(origin)) {
            return;
        }
        response.removeHeaders(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        addOriginHeaders(response, origin);
        if (!spec.exposeHeaders().isEmpty()) {
            response.withHeader("Access-Control-Expose-Headers", joined(spec.exposeHeaders()));
        }
    }

    private void addOriginHeaders(GatewayResponse response, String origin) {
        boolean any = spec.allowOrigins().contains("*");
        response.withHeader("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            response.withHeader("Vary", "Origin");
        }
        if (spec.allowCredentials()) {
            response.withHeader("Access-Control-Allow-Credentials", "true");
        }
    }

    private boolean allows(String origin) {
        return origin != null
                && (spec.allowOrigins().contains("*") || origins.stream().anyMatch(p -> p.matcher(origin).matches()));
    }

    private static String joined(List<String> values) {
        return values.contains("*") ? "*" : String.join(",", values);
    }
}
