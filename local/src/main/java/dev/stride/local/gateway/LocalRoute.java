package dev.stride.local.gateway;

/**
 * A route of the local server that is no function of the template: the local-only endpoints
 * under {@code /_local/}, the web app's files. See {@link LocalServer#route} and
 * {@link LocalServer#fallback} for where each kind goes.
 */
public interface LocalRoute {

    /** Whether this route answers {@code path} (decoded). */
    boolean serves(String path);

    GatewayResponse handle(IncomingRequest request, String path);
}
