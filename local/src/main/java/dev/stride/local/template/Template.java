package dev.stride.local.template;

import dev.stride.template.CfnYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A SAM template, read as a deploy would read it: Globals merged into each function, intrinsic
 * functions evaluated, every {@code HttpApi} event turned into a route. This is the local server's
 * only route table.
 */
public final class Template {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String LOCAL_ACCOUNT_ID = "123456789012";

    private static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MAX_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> FUNCTION_PROPERTIES = Set.of("PackageType", "Runtime", "Handler", "CodeUri",
            "Timeout", "MemorySize", "Events");
    private static final Set<String> API_PROPERTIES = Set.of("Auth", "CorsConfiguration", "DefaultRouteSettings",
            "RouteSettings");

    private final Path file;
    private final Map<String, FunctionSpec> functions;
    private final Map<String, HttpApiSpec> apis;
    private final List<String> warnings;

    private Template(Path file, Map<String, FunctionSpec> functions, Map<String, HttpApiSpec> apis,
                     List<String> warnings) {
        this.file = file;
        this.functions = functions;
        this.apis = apis;
        this.warnings = warnings;
    }

    /** Reads {@code file}; {@code parameterOverrides} win over the parameters' defaults. */
    public static Template load(Path file, Map<String, String> parameterOverrides, String region) {
        Map<String, Object> document;
        try {
            document = CfnYaml.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + file, e);
        } catch (IllegalArgumentException notAMapping) {
            throw new TemplateException(notAMapping.getMessage());
        }
        return new Reader(file.toAbsolutePath().normalize(), document, parameterOverrides, region).read();
    }

    public Path file() {
        return file;
    }

    /** Every function, by logical ID, in template order. */
    public Map<String, FunctionSpec> functions() {
        return functions;
    }

    /** Every HTTP API, by logical ID. */
    public Map<String, HttpApiSpec> apis() {
        return apis;
    }

    /** Every route of every function. */
    public List<RouteSpec> routes() {
        return functions.values().stream().flatMap(f -> f.routes().stream()).toList();
    }

    /** What the template asks for that the local server does not do, to print at start. */
    public List<String> warnings() {
        return warnings;
    }

    /** Reads one template document; one instance per load. */
    private static final class Reader {

        private final Path file;
        private final Map<String, Object> document;
        private final Intrinsics intrinsics;
        private final List<String> warnings = new ArrayList<>();
        /** Variables left out of the functions' environments, and the resources their values come from. */
        private final Map<String, String> deployedOnly = new TreeMap<>();

        Reader(Path file, Map<String, Object> document, Map<String, String> overrides, String region) {
            this.file = file;
            this.document = document;
            Map<String, Object> resources = section("Resources");
            this.intrinsics = new Intrinsics(parameters(overrides), pseudoParameters(region),
                    Set.copyOf(resources.keySet()), section("Conditions"), section("Mappings"));
        }

        Template read() {
            Map<String, Object> resources = section("Resources");
            Map<String, Object> globals = section("Globals");
            Map<String, Object> functionGlobals = map(globals.get("Function"), "Globals.Function");
            Map<String, Object> apiGlobals = map(globals.get("HttpApi"), "Globals.HttpApi");

            Map<String, HttpApiSpec> apis = new LinkedHashMap<>();
            Map<String, FunctionSpec> functions = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : resources.entrySet()) {
                String logicalId = entry.getKey();
                Map<String, Object> resource = map(entry.getValue(), logicalId);
                if (resource.get("Condition") != null && !intrinsics.condition(Intrinsics.text(resource.get("Condition")))) {
                    continue;
                }
                Map<String, Object> properties = map(resource.get("Properties"), logicalId + ".Properties");
                switch (String.valueOf(resource.get("Type"))) {
                    case "AWS::Serverless::HttpApi" -> apis.put(logicalId,
                            httpApi(logicalId, resolved(merge(apiGlobals, properties), API_PROPERTIES, logicalId)));
                    case "AWS::Serverless::Function" -> {
                        Map<String, Object> merged = merge(functionGlobals, properties);
                        FunctionSpec function = function(logicalId, resolved(merged, FUNCTION_PROPERTIES, logicalId),
                                merged.get("Environment"));
                        if (function != null) {
                            functions.put(logicalId, function);
                        }
                    }
                    default -> {
                        // Other resources (log groups, roles, databases) have no local counterpart.
                    }
                }
            }
            boolean usesImplicitApi = functions.values().stream()
                    .flatMap(f -> f.routes().stream())
                    .anyMatch(r -> r.apiId().equals(HttpApiSpec.IMPLICIT_API));
            if (usesImplicitApi && !apis.containsKey(HttpApiSpec.IMPLICIT_API)) {
                apis.put(HttpApiSpec.IMPLICIT_API,
                        httpApi(HttpApiSpec.IMPLICIT_API, resolved(apiGlobals, API_PROPERTIES, "Globals.HttpApi")));
            }
            for (FunctionSpec function : functions.values()) {
                for (RouteSpec route : function.routes()) {
                    HttpApiSpec api = apis.get(route.apiId());
                    if (api == null) {
                        throw new TemplateException(function.logicalId() + ": ApiId " + route.apiId()
                                + " is not an AWS::Serverless::HttpApi of this template");
                    }
                    String authorizer = route.authorizer() == null ? api.defaultAuthorizer() : route.authorizer();
                    if (authorizer != null && !authorizer.equals(RouteSpec.NO_AUTHORIZER)
                            && !api.authorizers().containsKey(authorizer)) {
                        throw new TemplateException(function.logicalId() + ": authorizer " + authorizer
                                + " is not defined on " + api.logicalId());
                    }
                }
            }
            if (!deployedOnly.isEmpty()) {
                List<String> named = new ArrayList<>();
                deployedOnly.forEach((name, from) -> named.add(name + " (from " + from + ")"));
                warnings.add("not set locally, as their values come from resources that exist only once deployed: "
                        + String.join(", ", named));
            }
            if (!intrinsics.unsetParameters().isEmpty()) {
                warnings.add("parameters without a Default are empty here unless given with --parameter-overrides: "
                        + String.join(", ", intrinsics.unsetParameters()));
            }
            return new Template(file, Collections.unmodifiableMap(functions), Collections.unmodifiableMap(apis),
                    List.copyOf(warnings));
        }

        /**
         * The function's variables, each resolved on its own: one whose value comes from a
         * resource of the template (a secret's ARN, a table's name) is left out, since that
         * resource only exists once deployed; the functions then run as they do without it.
         */
        private Map<String, String> environment(String logicalId, Object rawEnvironment) {
            Map<String, Object> environment = map(resolveIfIntrinsic(rawEnvironment), logicalId + ".Environment");
            Map<String, String> variables = new TreeMap<>();
            map(resolveIfIntrinsic(environment.get("Variables")), logicalId + ".Environment.Variables").forEach((name, raw) -> {
                Intrinsics.Deployed value = intrinsics.resolveDeployed(raw);
                if (!value.resources().isEmpty()) {
                    deployedOnly.put(name, String.join(", ", value.resources()));
                } else if (value.value() != Intrinsics.NO_VALUE) {
                    variables.put(name, Intrinsics.text(value.value()));
                }
            });
            return variables;
        }

        /** A whole Environment or Variables given as an intrinsic ({@code !If}) is resolved first. */
        private Object resolveIfIntrinsic(Object value) {
            return value instanceof Map<?, ?> map && isIntrinsic(map) ? intrinsics.resolve(value) : value;
        }

        private FunctionSpec function(String logicalId, Map<String, Object> properties, Object rawEnvironment) {
            if ("Image".equals(properties.get("PackageType"))) {
                warnings.add(logicalId + ": container image functions are not served locally");
                return null;
            }
            String runtime = Intrinsics.text(properties.get("Runtime"));
            if (!runtime.startsWith("java")) {
                warnings.add(logicalId + ": runtime " + runtime + " is not served locally (Java only)");
                return null;
            }
            String handler = Intrinsics.text(properties.get("Handler"));
            if (handler.isBlank()) {
                throw new TemplateException(logicalId + " has no Handler");
            }
            Object codeUri = properties.get("CodeUri");
            if (!(codeUri instanceof String path) || path.isBlank()) {
                throw new TemplateException(logicalId + ": CodeUri must be a local path (a zip or a folder), got " + codeUri);
            }
            Duration timeout = properties.containsKey("Timeout")
                    ? Duration.ofSeconds(Long.parseLong(Intrinsics.text(properties.get("Timeout"))))
                    : DEFAULT_FUNCTION_TIMEOUT;
            int memory = properties.containsKey("MemorySize")
                    ? Integer.parseInt(Intrinsics.text(properties.get("MemorySize"))) : 128;
            Map<String, String> variables = environment(logicalId, rawEnvironment);

            List<RouteSpec> routes = new ArrayList<>();
            map(properties.get("Events"), logicalId + ".Events").forEach((eventName, rawEvent) -> {
                Map<String, Object> event = map(rawEvent, logicalId + ".Events." + eventName);
                if ("HttpApi".equals(event.get("Type"))) {
                    routes.add(route(logicalId, eventName, map(event.get("Properties"), eventName + ".Properties")));
                } else if ("Api".equals(event.get("Type"))) {
                    warnings.add(logicalId + "." + eventName + ": REST API (Type: Api) events are not served; use HttpApi");
                }
            });
            return new FunctionSpec(logicalId, handler, runtime, file.getParent().resolve(path).normalize(),
                    timeout, memory, variables, routes);
        }

        private RouteSpec route(String functionId, String eventName, Map<String, Object> properties) {
            String where = functionId + ".Events." + eventName;
            String format = properties.containsKey("PayloadFormatVersion")
                    ? Intrinsics.text(properties.get("PayloadFormatVersion")) : "2.0";
            if (!format.equals("2.0")) {
                throw new TemplateException(where + ": only PayloadFormatVersion 2.0 is served locally");
            }
            String path = properties.containsKey("Path") ? Intrinsics.text(properties.get("Path")) : "$default";
            String method = properties.containsKey("Method")
                    ? Intrinsics.text(properties.get("Method")).toUpperCase(Locale.ROOT) : RouteSpec.ANY;
            if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
                method = RouteSpec.ANY;
            }
            if (!path.equals("$default") && !path.startsWith("/")) {
                throw new TemplateException(where + ": Path must start with /, got " + path);
            }
            String apiId = properties.containsKey("ApiId") ? Intrinsics.text(properties.get("ApiId")) : HttpApiSpec.IMPLICIT_API;
            Map<String, Object> auth = map(properties.get("Auth"), where + ".Auth");
            String authorizer = auth.containsKey("Authorizer") ? Intrinsics.text(auth.get("Authorizer")) : null;
            List<String> scopes = strings(auth.get("AuthorizationScopes"));
            Duration timeout = MAX_INTEGRATION_TIMEOUT;
            if (properties.containsKey("TimeoutInMillis")) {
                long millis = Long.parseLong(Intrinsics.text(properties.get("TimeoutInMillis")));
                timeout = Duration.ofMillis(Math.min(millis, MAX_INTEGRATION_TIMEOUT.toMillis()));
            }
            return new RouteSpec(functionId, method, path, apiId, authorizer, scopes, timeout);
        }

        private HttpApiSpec httpApi(String logicalId, Map<String, Object> properties) {
            Map<String, Object> auth = map(properties.get("Auth"), logicalId + ".Auth");
            Map<String, JwtAuthorizerSpec> authorizers = new LinkedHashMap<>();
            map(auth.get("Authorizers"), logicalId + ".Auth.Authorizers").forEach((name, rawAuthorizer) -> {
                Map<String, Object> authorizer = map(rawAuthorizer, name);
                Map<String, Object> jwt = map(authorizer.get("JwtConfiguration"), name + ".JwtConfiguration");
                if (jwt.isEmpty()) {
                    throw new TemplateException(logicalId + ": authorizer " + name
                            + " is not a JWT authorizer; only JWT authorizers are emulated locally");
                }
                String issuer = Intrinsics.text(either(jwt, "issuer", "Issuer"));
                List<String> audiences = strings(either(jwt, "audience", "Audience"));
                String identitySource = authorizer.containsKey("IdentitySource")
                        ? Intrinsics.text(authorizer.get("IdentitySource")) : "$request.header.Authorization";
                authorizers.put(name, new JwtAuthorizerSpec(name, issuer, audiences, identitySource,
                        strings(authorizer.get("AuthorizationScopes"))));
            });
            String defaultAuthorizer = auth.containsKey("DefaultAuthorizer") ? Intrinsics.text(auth.get("DefaultAuthorizer")) : null;
            if (defaultAuthorizer != null && !authorizers.containsKey(defaultAuthorizer)) {
                throw new TemplateException(logicalId + ": DefaultAuthorizer " + defaultAuthorizer + " is not defined");
            }
            Map<String, ThrottleSpec> routeThrottles = new LinkedHashMap<>();
            map(properties.get("RouteSettings"), logicalId + ".RouteSettings").forEach((routeKey, settings) ->
                    routeThrottles.put(routeKey, throttle(settings, logicalId + ".RouteSettings." + routeKey)));
            return new HttpApiSpec(logicalId, authorizers, defaultAuthorizer, cors(logicalId, properties.get("CorsConfiguration")),
                    throttle(properties.get("DefaultRouteSettings"), logicalId + ".DefaultRouteSettings"), routeThrottles);
        }

        /** ThrottlingRateLimit (requests per second) and ThrottlingBurstLimit of route settings; null when neither. */
        private ThrottleSpec throttle(Object settings, String where) {
            if (settings == null) {
                return null;
            }
            Map<String, Object> values = map(settings, where);
            Object rate = values.get("ThrottlingRateLimit");
            Object burst = values.get("ThrottlingBurstLimit");
            if (rate == null && burst == null) {
                return null;
            }
            try {
                return new ThrottleSpec(rate == null ? null : Double.valueOf(Intrinsics.text(rate)),
                        burst == null ? null : Integer.valueOf(Intrinsics.text(burst)));
            } catch (NumberFormatException e) {
                throw new TemplateException(where + ": ThrottlingRateLimit and ThrottlingBurstLimit must be numbers");
            }
        }

        private CorsSpec cors(String logicalId, Object configuration) {
            if (configuration == null || "false".equals(String.valueOf(configuration))) {
                return null;
            }
            if ("true".equals(String.valueOf(configuration))) {
                return CorsSpec.allowAll();
            }
            Map<String, Object> cors = map(configuration, logicalId + ".CorsConfiguration");
            Object maxAge = cors.get("MaxAge");
            return new CorsSpec(strings(cors.get("AllowOrigins")), strings(cors.get("AllowMethods")),
                    strings(cors.get("AllowHeaders")), strings(cors.get("ExposeHeaders")),
                    maxAge == null ? null : Integer.valueOf(Intrinsics.text(maxAge)),
                    Boolean.parseBoolean(Intrinsics.text(cors.get("AllowCredentials"))));
        }

        private Map<String, Object> parameters(Map<String, String> overrides) {
            Map<String, Object> values = new LinkedHashMap<>();
            section("Parameters").forEach((name, rawDeclaration) -> {
                Map<String, Object> declaration = map(rawDeclaration, "Parameters." + name);
                String type = String.valueOf(declaration.getOrDefault("Type", "String"));
                Object value = overrides.containsKey(name) ? overrides.get(name) : declaration.get("Default");
                if (value != null && (type.equals("CommaDelimitedList") || type.startsWith("List<"))) {
                    value = value instanceof List<?> list ? list : List.of(Intrinsics.text(value).split("\\s*,\\s*"));
                } else if (value != null) {
                    value = Intrinsics.text(value);
                }
                values.put(name, value);
            });
            return values;
        }

        private static Map<String, Object> pseudoParameters(String region) {
            Map<String, Object> pseudo = new LinkedHashMap<>();
            pseudo.put("AWS::Region", region);
            pseudo.put("AWS::AccountId", LOCAL_ACCOUNT_ID);
            pseudo.put("AWS::Partition", "aws");
            pseudo.put("AWS::URLSuffix", "amazonaws.com");
            pseudo.put("AWS::StackName", "local");
            pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + region + ":" + LOCAL_ACCOUNT_ID + ":stack/local/local");
            pseudo.put("AWS::NotificationARNs", List.of());
            return pseudo;
        }

        private Map<String, Object> section(String name) {
            return map(document.get(name), name);
        }

        /**
         * Only the properties the local server reads are evaluated: a policy's {@code !GetAtt} or a
         * function it does not know must not stop the server from serving.
         */
        private Map<String, Object> resolved(Map<String, Object> raw, Set<String> wanted, String where) {
            Map<String, Object> kept = new LinkedHashMap<>(raw);
            kept.keySet().retainAll(wanted);
            return map(intrinsics.resolve(kept), where);
        }

        /** SAM's Globals merge: maps merge key by key, lists add up, anything else the resource's wins. */
        @SuppressWarnings("unchecked")
        private static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> resource) {
            Map<String, Object> merged = new LinkedHashMap<>(globals);
            resource.forEach((key, value) -> {
                Object global = merged.get(key);
                if (global instanceof Map<?, ?> g && value instanceof Map<?, ?> r && !isIntrinsic(g) && !isIntrinsic(r)) {
                    merged.put(key, merge((Map<String, Object>) g, (Map<String, Object>) r));
                } else if (global instanceof List<?> g && value instanceof List<?> r) {
                    List<Object> both = new ArrayList<>(g);
                    both.addAll(r);
                    merged.put(key, both);
                } else {
                    merged.put(key, value);
                }
            });
            return merged;
        }

        private static boolean isIntrinsic(Map<?, ?> map) {
            if (map.size() != 1) {
                return false;
            }
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.startsWith("Fn::");
        }

        private static Object either(Map<String, Object> map, String name, String alternative) {
            return map.containsKey(name) ? map.get(name) : map.get(alternative);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Object value, String where) {
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new TemplateException(where + " must be a mapping");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(key), entry));
            return copy;
        }

        private static List<String> strings(Object value) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Intrinsics::text).toList();
            }
            return List.of(Intrinsics.text(value));
        }
    }
}
