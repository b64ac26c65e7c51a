package dev.stride.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options template.yaml gives the functions ({@code JAVA_TOOL_OPTIONS}), so that the cold
 * start is measured with exactly what is deployed. A plain scan rather than a YAML parser: the
 * template's CloudFormation tags ({@code !Ref}, {@code !If}) are not plain YAML.
 */
final class TemplateOptions {

    private static final Pattern OPTION = Pattern.compile("^\\s*JAVA_TOOL_OPTIONS:\\s*(.*?)\\s*$");

    private TemplateOptions() {
    }

    /** The one value the template sets, "" if it sets none; an error if functions get different ones. */
    static String javaToolOptions(Path template) throws IOException {
        Set<String> values = new LinkedHashSet<>();
        for (String line : Files.readAllLines(template)) {
            Matcher option = OPTION.matcher(line);
            if (option.matches()) {
                values.add(unquote(option.group(1)));
            }
        }
        if (values.size() > 1) {
            throw new IllegalStateException(template + " gives the functions different JAVA_TOOL_OPTIONS " + values
                    + ": the cold-start section measures one function; make it measure each");
        }
        return values.isEmpty() ? "" : values.iterator().next();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
