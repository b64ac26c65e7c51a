package dev.stride.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions the way a deploy would, as far as that is possible
 * without AWS: parameters (overrides, else their {@code Default}), pseudo parameters, conditions,
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::If}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::FindInMap}, {@code Fn::Base64}. What only exists once deployed has no value here:
 * {@code Ref} to a resource gives its logical ID and {@code Fn::GetAtt} gives
 * {@code Resource.Attribute} (as SAM CLI does, a stand-in rather than an error).
 */
final class Intrinsics {

    /** {@code AWS::NoValue}: the property it stands for is removed. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, Object> pseudoParameters;
    private final Set<String> resources;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Map<String, Boolean> evaluatedConditions = new LinkedHashMap<>();
    private final Set<String> unsetParameters = new TreeSet<>();
    /** Resources whose stand-in values went into what was resolved since {@link #resolveDeployed}. */
    private final Set<String> deployedResources = new TreeSet<>();

    Intrinsics(Map<String, Object> parameters, Map<String, Object> pseudoParameters, Set<String> resources,
               Map<String, Object> conditions, Map<String, Object> mappings) {
        this.parameters = parameters;
        this.pseudoParameters = pseudoParameters;
        this.resources = resources;
        this.conditions = conditions;
        this.mappings = mappings;
    }

    /** {@code value} with every intrinsic function in it evaluated; {@link #NO_VALUE} entries dropped. */
    Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, map.values().iterator().next());
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object entryValue = resolve(entry.getValue());
                if (entryValue != NO_VALUE) {
                    resolved.put(String.valueOf(entry.getKey()), entryValue);
                }
            }
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object itemValue = resolve(item);
                if (itemValue != NO_VALUE) {
                    resolved.add(itemValue);
                }
            }
            return resolved;
        }
        return value;
    }

    /**
     * Resolves {@code value} and tells which template resources it depends on: their stand-ins
     * (a logical ID for an ARN) mean nothing outside AWS.
     */
    Deployed resolveDeployed(Object value) {
        deployedResources.clear();
        Object resolved = resolve(value);
        return new Deployed(resolved, Set.copyOf(deployedResources));
    }

    /** A resolved value and the resources it stands in for. */
    record Deployed(Object value, Set<String> resources) {
    }

    /** Parameters that were referenced but have neither a Default nor an override. */
    Set<String> unsetParameters() {
        return Collections.unmodifiableSet(unsetParameters);
    }

    /** Whether the template's condition {@code name} holds. */
    boolean condition(String name) {
        Boolean known = evaluatedConditions.get(name);
        if (known != null) {
            return known;
        }
        if (!conditions.containsKey(name)) {
            throw new TemplateException("unknown condition " + name);
        }
        evaluatedConditions.put(name, false); // a condition that refers to itself is false, not a stack overflow
        boolean result = truth(conditions.get(name));
        evaluatedConditions.put(name, result);
        return result;
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(text(resolve(argument)));
            case "Fn::Sub" -> sub(argument);
            case "Fn::GetAtt" -> getAtt(resolve(argument));
            case "Fn::Join" -> join(list(argument, name));
            case "Fn::If" -> branch(argument);
            case "Fn::Select" -> select(list(argument, name));
            case "Fn::Split" -> split(list(argument, name));
            case "Fn::FindInMap" -> findInMap(list(argument, name));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(text(resolve(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> truth(Map.of(name, argument));
            case "Fn::ImportValue" -> "ImportValue:" + text(resolve(argument));
            case "Fn::GetAZs" -> List.of(pseudoParameters.get("AWS::Region") + "a", pseudoParameters.get("AWS::Region") + "b");
            default -> throw new TemplateException(name + " is not supported by the local server");
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            Object value = parameters.get(name);
            if (value == null) {
                // A parameter without Default that nobody overrode: a deploy would refuse it; here it
                // is empty, and the server says so at start (the DB_* ones it replaces anyway).
                unsetParameters.add(name);
                return "";
            }
            return value;
        }
        if (pseudoParameters.containsKey(name)) {
            return pseudoParameters.get(name);
        }
        if (resources.contains(name)) {
            deployedResources.add(name);
            return name;
        }
        throw new TemplateException("!Ref " + name + ": no such parameter or resource");
    }

    private Object getAtt(Object argument) {
        List<?> parts = argument instanceof List<?> list ? list : List.of(text(argument).split("\\.", 2));
        if (parts.size() != 2) {
            throw new TemplateException("Fn::GetAtt needs [Resource, Attribute]");
        }
        deployedResources.add(text(parts.get(0)));
        return text(parts.get(0)) + "." + text(parts.get(1));
    }

    private String sub(Object argument) {
        String template;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(1) instanceof Map<?, ?> map)) {
                throw new TemplateException("Fn::Sub needs a string or [string, {variables}]");
            }
            template = text(list.get(0));
            map.forEach((key, value) -> variables.put(String.valueOf(key), resolve(value)));
        } else {
            template = text(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).strip();
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}"; // ${!Literal} is written out as ${Literal}
            } else if (variables.containsKey(variable)) {
                replacement = text(variables.get(variable));
            } else if (variable.contains(".")) {
                replacement = text(getAtt(List.of(variable.split("\\.", 2))));
            } else {
                replacement = text(ref(variable));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String join(List<?> arguments) {
        if (arguments.size() != 2) {
            throw new TemplateException("Fn::Join needs [delimiter, [values]]");
        }
        String delimiter = text(resolve(arguments.get(0)));
        List<String> parts = new ArrayList<>();
        for (Object part : list(arguments.get(1), "Fn::Join")) {
            parts.add(text(part));
        }
        return String.join(delimiter, parts);
    }

    /** Only the branch taken is evaluated: the other may well be {@code AWS::NoValue}. */
    private Object branch(Object argument) {
        if (!(argument instanceof List<?> arguments) || arguments.size() != 3) {
            throw new TemplateException("Fn::If needs [condition, value if true, value if false]");
        }
        return resolve(condition(text(arguments.get(0))) ? arguments.get(1) : arguments.get(2));
    }

    private Object select(List<?> arguments) {
        if (arguments.size() != 2) {
            throw new TemplateException("Fn::Select needs [index, [values]]");
        }
        int index = Integer.parseInt(text(resolve(arguments.get(0))));
        List<?> values = list(arguments.get(1), "Fn::Select");
        if (index < 0 || index >= values.size()) {
            throw new TemplateException("Fn::Select index " + index + " is out of range");
        }
        return values.get(index);
    }

    private List<String> split(List<?> arguments) {
        if (arguments.size() != 2) {
            throw new TemplateException("Fn::Split needs [delimiter, string]");
        }
        return List.of(text(resolve(arguments.get(1))).split(Pattern.quote(text(resolve(arguments.get(0)))), -1));
    }

    private Object findInMap(List<?> arguments) {
        if (arguments.size() < 3) {
            throw new TemplateException("Fn::FindInMap needs [map, top-level key, second-level key]");
        }
        Object map = mappings.get(text(resolve(arguments.get(0))));
        Object top = map instanceof Map<?, ?> m ? m.get(text(resolve(arguments.get(1)))) : null;
        Object value = top instanceof Map<?, ?> m ? m.get(text(resolve(arguments.get(2)))) : null;
        if (value == null) {
            throw new TemplateException("Fn::FindInMap " + arguments + " has no value");
        }
        return resolve(value);
    }

    private boolean truth(Object expression) {
        Object value = expression;
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            Object argument = map.values().iterator().next();
            switch (key) {
                case "Condition" -> {
                    return condition(text(argument));
                }
                case "Fn::Equals" -> {
                    List<?> pair = list(argument, key);
                    if (pair.size() != 2) {
                        throw new TemplateException("Fn::Equals needs two values");
                    }
                    return text(resolve(pair.get(0))).equals(text(resolve(pair.get(1))));
                }
                case "Fn::Not" -> {
                    return !truth(list(argument, key).get(0));
                }
                case "Fn::And" -> {
                    return list(argument, key).stream().allMatch(this::truth);
                }
                case "Fn::Or" -> {
                    return list(argument, key).stream().anyMatch(this::truth);
                }
                default -> value = resolve(value);
            }
        }
        return Boolean.parseBoolean(text(value));
    }

    private List<?> list(Object argument, String function) {
        Object value = resolve(argument);
        if (!(value instanceof List<?> list)) {
            throw new TemplateException(function + " needs a list, got " + value);
        }
        return list;
    }

    /** A scalar as CloudFormation sees it: every scalar is a string. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return String.valueOf(number.longValue());
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateException("expected a single value, got " + value);
        }
        return String.valueOf(value);
    }
}
