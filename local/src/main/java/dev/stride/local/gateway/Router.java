package dev.stride.local.gateway;

import dev.stride.local.template.RouteSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route for a request as an HTTP API does: the most specific match wins. A path
 * without a greedy variable beats one with {@code {proxy+}}; between those, literal segments beat
 * variables (from the left); an exact method beats {@code ANY}; {@code $default} comes last.
 * Nothing matching is API Gateway's 404.
 */
final class Router {

    private final List<Compiled> routes;
    private final Compiled defaultRoute;

    Router(List<RouteSpec> specs) {
        List<Compiled> compiled = new ArrayList<>();
        Compiled fallback = null;
        for (RouteSpec spec : specs) {
            if (spec.path().equals("$default")) {
                fallback = new Compiled(spec, List.of());
            } else {
                compiled.add(new Compiled(spec, List.of(spec.path().substring(1).split("/", -1))));
            }
        }
        this.routes = List.copyOf(compiled);
        this.defaultRoute = fallback;
    }

    /** Every route, {@code $default} included. */
    List<RouteSpec> routes() {
        List<RouteSpec> all = new ArrayList<>(routes.stream().map(Compiled::spec).toList());
        if (defaultRoute != null) {
            all.add(defaultRoute.spec);
        }
        return all;
    }

    /** The route for {@code method} and the decoded {@code path}, with its path parameters. */
    Optional<Match> match(String method, String path) {
        String[] segments = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
        List<Match> matches = new ArrayList<>();
        for (Compiled route : routes) {
            if (!route.spec.method().equals(method) && !route.spec.method().equals(RouteSpec.ANY)) {
                continue;
            }
            Map<String, String> parameters = route.match(segments);
            if (parameters != null) {
                matches.add(new Match(route.spec, parameters, route.rank()));
            }
        }
        Optional<Match> best = matches.stream().min(Comparator.comparing(Match::rank));
        if (best.isEmpty() && defaultRoute != null) {
            return Optional.of(new Match(defaultRoute.spec, Map.of(), ""));
        }
        return best;
    }

    /** A matched route and the values of its path variables (decoded). */
    record Match(RouteSpec route, Map<String, String> pathParameters, String rank) {
    }

    private record Compiled(RouteSpec spec, List<String> segments) {

        Map<String, String> match(String[] path) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (isGreedy(segment)) {
                    if (i >= path.length || String.join("/", List.of(path).subList(i, path.length)).isEmpty()) {
                        return null;
                    }
                    parameters.put(name(segment), String.join("/", List.of(path).subList(i, path.length)));
                    return parameters;
                }
                if (i >= path.length) {
                    return null;
                }
                if (isVariable(segment)) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    parameters.put(name(segment), path[i]);
                } else if (!segment.equals(path[i])) {
                    return null;
                }
            }
            return segments.size() == path.length ? parameters : null;
        }

        /**
         * Sorts best first: '0' no greedy variable / '1' greedy; then per segment '0' literal,
         * '1' variable; then '0' exact method / '1' ANY.
         */
        String rank() {
            StringBuilder rank = new StringBuilder();
            rank.append(segments.stream().anyMatch(Compiled::isGreedy) ? '1' : '0');
            for (String segment : segments) {
                rank.append(isGreedy(segment) ? '2' : isVariable(segment) ? '1' : '0');
            }
            rank.append("|").append(spec.method().equals(RouteSpec.ANY) ? '1' : '0');
            return rank.toString();
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        private static boolean isGreedy(String segment) {
            return segment.startsWith("{") && segment.endsWith("+}");
        }

        private static String name(String segment) {
            return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
        }
    }
}
