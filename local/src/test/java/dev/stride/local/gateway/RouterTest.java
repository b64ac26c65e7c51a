package dev.stride.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.local.template.RouteSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route selection as an HTTP API does it: the most specific match wins. */
class RouterTest {

    private final Router router = new Router(List.of(
            route("GET", "/users/{id}"),
            route("GET", "/users/{id}/moods"),
            route("GET", "/users/{id}/moods/latest"),
            route("GET", "/users/me"),
            route("ANY", "/users/{id}/moods/{moodId}"),
            route("GET", "/files/{path+}"),
            route("ANY", "/files/{path+}")));

    @Test
    void literalSegmentsBeatVariables() {
        assertThat(functionFor("GET", "/users/me")).isEqualTo("GET /users/me");
        assertThat(functionFor("GET", "/users/7")).isEqualTo("GET /users/{id}");
        assertThat(functionFor("GET", "/users/7/moods/latest")).isEqualTo("GET /users/{id}/moods/latest");
        assertThat(router.match("GET", "/users/7/moods/12").orElseThrow().pathParameters())
                .isEqualTo(Map.of("id", "7", "moodId", "12"));
    }

    @Test
    void exactMethodBeatsAnyAndGreedyVariablesTakeTheRest() {
        assertThat(functionFor("GET", "/files/a/b/c")).isEqualTo("GET /files/{path+}");
        assertThat(functionFor("PUT", "/files/a/b/c")).isEqualTo("ANY /files/{path+}");
        assertThat(router.match("GET", "/files/a/b/c").orElseThrow().pathParameters()).isEqualTo(Map.of("path", "a/b/c"));
        assertThat(router.match("GET", "/files/")).isEmpty();
    }

    @Test
    void noMatchIsEmpty() {
        assertThat(router.match("POST", "/users/7")).isEmpty();
        assertThat(router.match("GET", "/users/7/")).isEmpty();
        assertThat(router.match("GET", "/users")).isEmpty();
    }

    private String functionFor(String method, String path) {
        return router.match(method, path).orElseThrow().route().routeKey();
    }

    private static RouteSpec route(String method, String path) {
        return new RouteSpec(method + " " + path, method, path, "Api", null, List.of(), Duration.ofSeconds(30));
    }
}
