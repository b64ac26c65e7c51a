package dev.stride.local.template;

import java.util.List;

/** An HTTP API's {@code CorsConfiguration}. {@code maxAge} is null when not set. */
public record CorsSpec(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    public CorsSpec {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** {@code CorsConfiguration: true}: every origin, method and header. */
    public static CorsSpec allowAll() {
        return new CorsSpec(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
    }
}
