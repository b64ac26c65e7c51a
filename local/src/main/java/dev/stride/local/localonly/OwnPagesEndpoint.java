package dev.stride.local.localonly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.gateway.GatewayResponse;
import dev.stride.local.gateway.IncomingRequest;
import dev.stride.local.gateway.LocalRoute;

/**
 * An endpoint at one path, for one method, that answers only the local server's own pages: a
 * request from another origin gets a 403 and one with another method a 405 ({@link SameOrigin})
 * before {@link #answer} sees it.
 */
abstract class OwnPagesEndpoint implements LocalRoute {

    private final String path;
    private final String method;
    private final SameOrigin sameOrigin;
    final ObjectMapper json;

    OwnPagesEndpoint(String path, String method, String boundHost, int port, ObjectMapper json) {
        this.path = path;
        this.method = method;
        this.sameOrigin = new SameOrigin(boundHost, port);
        this.json = json;
    }

    @Override
    public final boolean serves(String path) {
        return path.equals(this.path);
    }

    @Override
    public final GatewayResponse handle(IncomingRequest request, String path) {
        GatewayResponse refused = sameOrigin.refusal(request, method);
        return refused != null ? refused : answer(request);
    }

    /** The answer to a request from one of the server's own pages, with the endpoint's method. */
    abstract GatewayResponse answer(IncomingRequest request);

    /** A 200 with {@code body} as JSON. */
    final GatewayResponse ok(Object body) {
        try {
            return GatewayResponse.json(200, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer of " + path, e);
        }
    }
}
