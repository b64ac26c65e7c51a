package dev.stride.local.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function}, with Globals applied: what Lambda would run
 * ({@code handler} from the code at {@code codeUri}), with which environment and time limit, and
 * the HTTP API routes that invoke it.
 */
public record FunctionSpec(String logicalId, String handler, String runtime, Path codeUri, Duration timeout,
                           int memorySize, Map<String, String> environment, List<RouteSpec> routes) {

    public FunctionSpec {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
    }
}
