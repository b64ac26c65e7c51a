package dev.stride.functions.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a handler's real response against {@code openapi.yaml}: the status is documented for the
 * operation, the {@code Content-Type} is one the response documents, required headers (such as
 * {@code Location}) are there and match their schema, and the body validates against the
 * documented schema. Schemas are OpenAPI 3.1 Schema Objects, that is JSON Schema 2020-12, and are
 * validated as such by networknt's json-schema-validator with its OpenAPI 3.1 dialect, {@code $ref}s
 * resolved within the document.
 *
 * <p>The document is read and every schema compiled once per JVM, so a check costs one schema
 * validation: cheap enough to run on every response of every test.
 */
public final class OpenApiContract {

    /** The name the document goes by inside the schema factory; never fetched. */
    private static final String DOCUMENT_IRI = "https://stride.dev/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Contract CONTRACT = Contract.load(location());

    private OpenApiContract() {
    }

    /**
     * Fails, naming every difference, unless {@code response} is what openapi.yaml documents for
     * its operation. {@code rawPath} is the path the request went to (a query string is ignored):
     * it must match the operation's path, and a problem's {@code instance} must equal it.
     */
    public static void assertConforms(TestResponse response, String rawPath) {
        List<String> violations = violations(response, rawPath);
        if (!violations.isEmpty()) {
            throw new AssertionError(response.routeKey() + " answered " + response.status()
                    + ", which openapi.yaml does not document:\n  - " + String.join("\n  - ", violations)
                    + "\n  headers: " + response.headers()
                    + "\n  body: " + response.body());
        }
    }

    /** What {@link #assertConforms} would complain about; empty when the response conforms. */
    public static List<String> violations(TestResponse response, String rawPath) {
        List<String> violations = new ArrayList<>();
        Operation operation = CONTRACT.operations.get(response.routeKey());
        if (operation == null) {
            violations.add("openapi.yaml has no operation " + response.routeKey());
            return violations;
        }
        String path = rawPath == null ? null : rawPath.split("\\?", 2)[0];
        if (path != null && !operation.path().matcher(path).matches()) {
            violations.add("the path " + path + " is not a path of " + response.routeKey());
        }
        ResponseSpec documented = operation.response(response.status());
        if (documented == null) {
            violations.add("status " + response.status() + " is not documented (documented: "
                    + String.join(", ", operation.responses().keySet()) + ")");
            return violations;
        }
        checkHeaders(response, documented, violations);
        checkBody(response, documented, path, violations);
        return violations;
    }

    /** Where a request body breaks the schema documented for {@code routeKey}; empty when it conforms. */
    public static List<String> requestBodyViolations(String routeKey, String json) {
        Operation operation = CONTRACT.operations.get(routeKey);
        if (operation == null || operation.requestBody() == null) {
            throw new IllegalArgumentException("openapi.yaml documents no JSON request body for " + routeKey);
        }
        return validate(operation.requestBody(), json);
    }

    /** Where {@code value} breaks the schema at {@code pointer} (e.g. {@code /components/schemas/Run}). */
    public static List<String> schemaViolations(String pointer, JsonNode value) {
        return messages(CONTRACT.schema(pointer).validate(value), "value");
    }

    /** The document, as read. */
    public static JsonNode document() {
        return CONTRACT.document;
    }

    /** Every operation, as a route key like {@code GET /users/{id}}. */
    public static Set<String> routeKeys() {
        return CONTRACT.operations.keySet();
    }

    /** openapi.yaml at the project root: found through {@code stride.projectRoot}, else upwards from here. */
    public static Path location() {
        String root = System.getProperty("stride.projectRoot");
        if (root != null && Files.isRegularFile(Path.of(root, "openapi.yaml"))) {
            return Path.of(root, "openapi.yaml");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("openapi.yaml"))) {
                return dir.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("openapi.yaml not found (stride.projectRoot=" + root + ")");
    }

    private static void checkHeaders(TestResponse response, ResponseSpec documented, List<String> violations) {
        documented.headers().forEach((name, header) -> {
            String value = response.header(name);
            if (value == null) {
                if (header.required()) {
                    violations.add("the header " + name + " is missing");
                }
                return;
            }
            // Every header Stride documents is a string; its value is checked as one.
            violations.addAll(messages(header.schema().validate(TextNode.valueOf(value)), "header " + name));
        });
    }

    private static void checkBody(TestResponse response, ResponseSpec documented, String path, List<String> violations) {
        String body = response.body();
        if (documented.content().isEmpty()) {
            if (body != null && !body.isEmpty()) {
                violations.add("the response is documented without a body, but has one");
            }
            return;
        }
        String contentType = response.header("Content-Type");
        if (contentType == null) {
            violations.add("the Content-Type header is missing (documented: " + documented.content().keySet() + ")");
            return;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        JsonSchema schema = documented.content().get(mediaType);
        if (schema == null) {
            violations.add("Content-Type " + contentType + " is not documented (documented: "
                    + documented.content().keySet() + ")");
            return;
        }
        if (body == null || body.isEmpty()) {
            violations.add("the body is missing");
            return;
        }
        JsonNode json = readOrNull(body);
        if (json == null) {
            violations.add("the body is not JSON");
            return;
        }
        violations.addAll(messages(schema.validate(json), "body"));
        JsonNode instance = json.get("instance");
        if (mediaType.equals("application/problem+json") && path != null && instance != null
                && !path.equals(decodedPath(instance.asText()))) {
            violations.add("the problem's instance is " + instance + ", not the request path " + path);
        }
    }

    private static List<String> validate(JsonSchema schema, String json) {
        JsonNode node = readOrNull(json);
        return node == null ? List.of("the body is not JSON") : messages(schema.validate(node), "body");
    }

    private static JsonNode readOrNull(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Each message as {@code /distanceKm: must be multiple of 0.001}, or {@code <whole>: …} at the root. */
    private static List<String> messages(Set<ValidationMessage> messages, String whole) {
        return messages.stream()
                .map(message -> {
                    String at = message.getInstanceLocation().toString();
                    return (at.isEmpty() ? whole : at) + ": " + message.getError();
                })
                .toList();
    }

    /** One operation: its path as a pattern, its responses by status code (or range, or default), its request body. */
    private record Operation(Pattern path, Map<String, ResponseSpec> responses, JsonSchema requestBody) {

        ResponseSpec response(int status) {
            ResponseSpec exact = responses.get(String.valueOf(status));
            if (exact != null) {
                return exact;
            }
            ResponseSpec range = responses.get(status / 100 + "XX");
            return range != null ? range : responses.get("default");
        }
    }

    /** A documented response: a schema per media type (none: no body) and its headers. */
    private record ResponseSpec(Map<String, JsonSchema> content, Map<String, HeaderSpec> headers) {
    }

    private record HeaderSpec(boolean required, JsonSchema schema) {
    }

    /** A node of the document and the JSON pointer it sits at. */
    private record Located(JsonNode node, String pointer) {
    }

    private static final class Contract {
        private final JsonNode document;
        private final JsonSchemaFactory factory;
        private final SchemaValidatorsConfig config;
        private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
        private final Map<String, Operation> operations = new LinkedHashMap<>();

        private Contract(JsonNode document) throws JsonProcessingException {
            this.document = document;
            String json = JSON.writeValueAsString(document);
            // networknt's email formats also demand a top-level domain from commons-validator's
            // list, which neither RFC 6531 nor Stride does: they stay annotations, and the Email
            // schema's pattern and lengths say what Stride checks.
            JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                    .format(annotationOnly("email"))
                    .format(annotationOnly("idn-email"))
                    .build();
            this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                    .metaSchema(dialect)
                    .defaultMetaSchemaIri(dialect.getIri())
                    .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, json))));
            // `format` is only an annotation in JSON Schema 2020-12; here dates, timestamps and
            // URIs are held to it.
            this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        }

        static Contract load(Path file) {
            try {
                Contract contract = new Contract(new YAMLMapper().readTree(file.toFile()));
                contract.readOperations();
                return contract;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        JsonSchema schema(String pointer) {
            return schemas.computeIfAbsent(pointer, p -> {
                JsonSchema schema = factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p)), config);
                schema.initializeValidators();
                return schema;
            });
        }

        private void readOperations() {
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                String pathPointer = "/paths/" + escape(path.getKey());
                Pattern pattern = Pattern.compile("^" + path.getKey().replaceAll("\\{[^/}]+}", "[^/]+") + "$");
                for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                    Map.Entry<String, JsonNode> item = items.next();
                    if (!METHODS.contains(item.getKey())) {
                        continue;
                    }
                    String pointer = pathPointer + "/" + item.getKey();
                    operations.put(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                            new Operation(pattern, responses(pointer + "/responses"), requestBody(pointer + "/requestBody")));
                }
            }
        }

        private Map<String, ResponseSpec> responses(String pointer) {
            Map<String, ResponseSpec> responses = new LinkedHashMap<>();
            document.at(pointer).fieldNames().forEachRemaining(status -> {
                Located response = resolve(pointer + "/" + escape(status));
                Map<String, HeaderSpec> headers = new LinkedHashMap<>();
                response.node().path("headers").fieldNames().forEachRemaining(name -> {
                    // OpenAPI ignores a documented Content-Type header: the media types say it.
                    if (!name.equalsIgnoreCase("Content-Type")) {
                        Located header = resolve(response.pointer() + "/headers/" + escape(name));
                        headers.put(name, new HeaderSpec(header.node().path("required").asBoolean(false),
                                schema(header.pointer() + "/schema")));
                    }
                });
                responses.put(status, new ResponseSpec(content(response.pointer() + "/content"), headers));
            });
            return responses;
        }

        private JsonSchema requestBody(String pointer) {
            if (document.at(pointer).isMissingNode()) {
                return null;
            }
            Located body = resolve(pointer);
            return body.node().path("content").has("application/json")
                    ? schema(body.pointer() + "/content/" + escape("application/json") + "/schema")
                    : null;
        }

        private Map<String, JsonSchema> content(String pointer) {
            Map<String, JsonSchema> content = new LinkedHashMap<>();
            document.at(pointer).fieldNames().forEachRemaining(mediaType ->
                    content.put(mediaType.toLowerCase(Locale.ROOT), schema(pointer + "/" + escape(mediaType) + "/schema")));
            return content;
        }

        /** Follows OpenAPI (not JSON Schema) {@code $ref}s, e.g. a response that is {@code #/components/responses/NotFound}. */
        private Located resolve(String pointer) {
            JsonNode node = document.at(pointer);
            for (int hops = 0; node.has("$ref"); hops++) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/") || hops > 10) {
                    throw new IllegalStateException("unsupported $ref " + ref + " at " + pointer);
                }
                pointer = ref.substring(1);
                node = document.at(pointer);
                if (node.isMissingNode()) {
                    throw new IllegalStateException("$ref " + ref + " points at nothing");
                }
            }
            return new Located(node, pointer);
        }

        /** A format every value matches: documentation only. */
        private static Format annotationOnly(String name) {
            return () -> name;
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }

        /** A JSON pointer as a URI fragment: characters a fragment may not hold, like {@code {}}, percent-encoded. */
        private static String fragment(String pointer) {
            StringBuilder fragment = new StringBuilder();
            for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                    fragment.append(c);
                } else {
                    fragment.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return fragment.toString();
        }
    }

    /** A problem's instance is the request path as a URI reference: percent-encoded where the path is not. */
    private static String decodedPath(String instance) {
        try {
            return new java.net.URI(instance).getPath();
        } catch (java.net.URISyntaxException e) {
            return "(not a URI reference: " + instance + ")";
        }
    }
}
