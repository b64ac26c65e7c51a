package dev.stride.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.template.CfnYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation/SAM template read as CloudFormation reads it, in the form a JSON template has:
 * YAML short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B}, {@code !If [...]}) become their
 * full form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::If": [...]}}),
 * and dates stay text, as {@link CfnYaml} (shared), the one template reader, reads it.
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
        return JSON.valueToTree(CfnYaml.parse(yaml));
    }

    /** A template as maps, lists and strings; an {@link IllegalArgumentException} if it is not a YAML mapping. */
    public static Map<String, Object> read(Path file) throws IOException {
        return CfnYaml.read(file);
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
}
