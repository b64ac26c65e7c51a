package dev.stride.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * The project's one CloudFormation/SAM template reader, reading YAML as CloudFormation does, into
 * the form a JSON template has: short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !If [...]}, the rule functions too) become their full form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::If": [...]}}), and dates stay text. The local
 * server reads template.yaml with it at run time; the tests and the benchmark through the test kit.
 * SnakeYAML is an optional dependency of this module, so the functions' deployment package does
 * not carry it: a module that calls this class declares SnakeYAML itself.
 */
public final class CfnYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "ToJsonString",
            "Length");

    private CfnYaml() {
    }

    /** A template file as maps, lists and strings; an {@link IllegalArgumentException} if it is not a YAML mapping. */
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

    /** YAML text (short-form tags included) as maps, lists and strings, whatever its top level is. */
    public static Object parse(String yaml) {
        return new Yaml(new IntrinsicsConstructor()).load(yaml);
    }

    /** Builds the JSON form of each CloudFormation short-form tag. */
    private static final class IntrinsicsConstructor extends SafeConstructor {

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
