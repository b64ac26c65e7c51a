package dev.stride.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM CLI's {@code --env-vars} file: {@code {"Parameters": {...}}} for every function and
 * {@code {"FunctionLogicalId": {...}}} for one, the function's own entries winning. As in SAM, it
 * overrides only variables the template declares for that function; the others are reported.
 */
public final class EnvVarsFile {

    private static final String ALL_FUNCTIONS = "Parameters";

    private final Map<String, Map<String, String>> sections;

    private EnvVarsFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    public static EnvVarsFile none() {
        return new EnvVarsFile(Map.of());
    }

    public static EnvVarsFile read(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the env-vars file " + file, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " must hold a JSON object: {\"FunctionLogicalId\": {\"VAR\": \"value\"}}");
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        root.properties().forEach(section -> {
            if (!section.getValue().isObject()) {
                throw new IllegalArgumentException(file + ": " + section.getKey() + " must map variable names to values");
            }
            Map<String, String> variables = new LinkedHashMap<>();
            section.getValue().properties().forEach(v -> variables.put(v.getKey(),
                    v.getValue().isNull() ? "" : v.getValue().isValueNode() ? v.getValue().asText() : v.getValue().toString()));
            sections.put(section.getKey(), variables);
        });
        return new EnvVarsFile(sections);
    }

    /** The function's template variables with this file's values applied; {@code ignored} collects the rest. */
    public Map<String, String> apply(String functionId, Map<String, String> templateVariables, List<String> ignored) {
        Map<String, String> overrides = new LinkedHashMap<>(sections.getOrDefault(ALL_FUNCTIONS, Map.of()));
        overrides.putAll(sections.getOrDefault(functionId, Map.of()));
        Map<String, String> result = new LinkedHashMap<>(templateVariables);
        overrides.forEach((name, value) -> {
            if (templateVariables.containsKey(name)) {
                result.put(name, value);
            } else if (sections.getOrDefault(functionId, Map.of()).containsKey(name)) {
                ignored.add(functionId + "." + name);
            }
        });
        return result;
    }
}
