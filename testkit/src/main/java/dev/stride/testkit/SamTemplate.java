package dev.stride.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation/SAM template read as CloudFormation reads it, in the form a JSON template has:
 * YAML short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B}, {@code !If [...]}) become their
 * full form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::If": [...]}}),
 * and dates stay text. The one template reader: the tests, the benchmark and the local server use it.
 * Also finds the project's files, and the read-only {@code ../shared} folder beside the project.
 */
public final class SamTemplate {

    /** One {@code AWS::Serverless::Function}: its handler class and, for API functions, its route. */
    public record Function(String logicalId, String handlerClass, String handlerMethod, Optional<String> routeKey) {

        /** The events/ file for this function: {@code GetLatestMoodFunction} → {@code get-latest-mood.json}. */
        public String eventFileName() {
            String name = logicalId.replaceFirst("Function$", "");
            return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase() + ".json";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SamTemplate() {
    }

    /** The project root: the folder holding template.yaml (surefire passes it in; an IDE may not). */
    public static Path projectRoot() {
        String configured = System.getProperty("stride.projectRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in the working directory or above it");
    }

    /**
     * A file of {@code ../shared} (e.g. {@code sam/sam.schema.json}). The folder can be moved with
     * {@code -Dstride.sharedDir=...}, for a checkout that does not sit beside it (a git worktree).
     */
    public static Path sharedFile(String relative) {
        String configured = System.getProperty("stride.sharedDir");
        Path shared = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : projectRoot().resolve("../shared");
        return shared.resolve(relative).toAbsolutePath().normalize();
    }

    public static Path eventsDir() {
        return projectRoot().resolve("events");
    }

    /** template.yaml, intrinsics in their JSON form. */
    public static ObjectNode load() {
        return load(projectRoot().resolve("template.yaml"));
    }

    public static ObjectNode load(Path file) {
        try {
            return JSON.valueToTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template given as YAML text (short-form tags included), intrinsics in their JSON form. */
    public static ObjectNode parse(String yaml) {
        return JSON.valueToTree(new Yaml(new IntrinsicsConstructor()).load(yaml));
    }

    /** A template as maps, lists and strings; an {@link IllegalArgumentException} if it is not a YAML mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new IntrinsicsConstructor()).load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) map;
        }
    }

    /** Every {@code AWS::Serverless::Function} of the template, in template order. */
    public static List<Function> functions(JsonNode template) {
        List<Function> functions = new ArrayList<>();
        template.path("Resources").properties().forEach(resource -> {
            JsonNode body = resource.getValue();
            if (!"AWS::Serverless::Function".equals(body.path("Type").asText())) {
                return;
            }
            JsonNode properties = body.path("Properties");
            String[] handler = properties.path("Handler").asText().split("::", 2);
            Optional<String> route = Optional.empty();
            for (JsonNode event : properties.path("Events")) {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    JsonNode api = event.path("Properties");
                    route = Optional.of(api.path("Method").asText().toUpperCase() + " " + api.path("Path").asText());
                }
            }
            functions.add(new Function(resource.getKey(), handler[0], handler.length > 1 ? handler[1] : "", route));
        });
        return functions;
    }

    /** Builds the JSON form of each CloudFormation short-form tag. */
    private static final class IntrinsicsConstructor extends SafeConstructor {

        private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
                "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
                "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "ToJsonString",
                "Length");

        IntrinsicsConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            // CloudFormation reads dates such as AWSTemplateFormatVersion as plain strings.
            yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected YAML node for " + key + ": " + node);
                };
                // The short form of GetAtt is "Resource.Attribute"; the JSON form is a list.
                if (key.equals("Fn::GetAtt") && value instanceof String attribute) {
                    value = List.of(attribute.split("\\.", 2));
                }
                return Collections.singletonMap(key, value);
            }
        }
    }
}
