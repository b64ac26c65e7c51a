package dev.stride.local.localonly;

import dev.stride.local.gateway.GatewayResponse;
import dev.stride.local.gateway.IncomingRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request comes from one of the local server's own pages (or from no page at all: curl,
 * scripts). Browsers send {@code Origin} with every cross-origin request and with same-origin
 * POSTs; a request whose Origin is not {@code http://<this server's host>:<its port>} comes from
 * another site and is refused. The host must be a name of this machine's loopback (or the address
 * the server is bound to), not just whatever Host the request names: a page of a foreign domain
 * that resolves to 127.0.0.1 (DNS rebinding) is another origin too.
 */
final class SameOrigin {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String boundHost;
    private final int port;

    SameOrigin(String boundHost, int port) {
        this.boundHost = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
        this.port = port;
    }

    /**
     * Null when the request may go on; else the 403 to answer a request from another origin, or the
     * 405 to answer one whose method is not {@code method} (a GET endpoint takes HEAD too).
     */
    GatewayResponse refusal(IncomingRequest request, String method) {
        String origin = request.header("origin");
        if (origin != null && !allows(origin)) {
            return Problem.of(403, "forbidden", "Forbidden",
                    "this endpoint answers only the local server's own pages, not " + origin, request.rawPath());
        }
        boolean allowed = request.method().equals(method) || method.equals("GET") && request.method().equals("HEAD");
        return allowed ? null : GatewayResponse.message(405, "Method Not Allowed").withHeader("Allow", method);
    }

    boolean allows(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (!"http".equals(uri.getScheme()) || uri.getPort() != port || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return LOOPBACK.contains(host) || host.equals(boundHost.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
