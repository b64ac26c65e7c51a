package dev.stride.local.localonly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.demo.DemoData;
import dev.stride.local.gateway.GatewayResponse;
import dev.stride.local.gateway.IncomingRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_local/demo-users}: the demo users ({@code --demo}) this database holds, for a
 * sign-in form to offer: {@code {"users": [{"sub": "alice", "username": "Alice", "groups": []}]}}
 * (empty when there are none). Same rules as the token endpoint: the server's own pages only, no
 * CORS headers.
 */
public final class DemoUsersEndpoint extends OwnPagesEndpoint {

    public static final String PATH = "/_local/demo-users";

    private final DemoData demo;

    public DemoUsersEndpoint(DemoData demo, String boundHost, int port, ObjectMapper json) {
        super(PATH, "GET", boundHost, port, json);
        this.demo = demo;
    }

    @Override
    GatewayResponse answer(IncomingRequest request) {
        List<Map<String, Object>> users = demo.present().stream()
                .map(p -> Map.<String, Object>of("sub", p.sub(), "username", p.username(), "groups", p.groups()))
                .toList();
        return ok(Map.of("users", users));
    }
}
