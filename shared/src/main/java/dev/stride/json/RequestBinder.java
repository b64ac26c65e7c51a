package dev.stride.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.domain.FieldError;
import dev.stride.domain.Invalid;
import dev.stride.validation.Validation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a JSON object into a request record, strictly, and reports every bad field at once:
 * unknown fields, wrong JSON types and out-of-range numbers, and the record's Bean Validation
 * constraints on all the other fields. Jackson's own binding stops at the first error and coerces ("5" to 5,
 * 2.7 to 2), so the fields are converted here, one by one, with no coercion at all.
 */
public final class RequestBinder {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RequestBinder() {
    }

    /**
     * Binds and validates the JSON object {@code body} as a new {@code type}; validation groups
     * beyond Default may be given. {@link Invalid} names every bad field.
     */
    public static <R extends Record> R bind(ObjectNode body, Class<R> type, Class<?>... groups) {
        Shape shape = shapeOf(type);
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.index.containsKey(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        Set<String> mistyped = new HashSet<>();
        Object[] values = new Object[shape.components.length];
        for (int i = 0; i < shape.components.length; i++) {
            RecordComponent component = shape.components[i];
            JsonNode node = body.get(component.getName());
            try {
                values[i] = convert(node, component.getGenericType());
            } catch (TypeMismatch mismatch) {
                // Left null so the other fields are still validated; its own rules are not
                // reported on top of the type error.
                mistyped.add(component.getName());
                errors.add(new FieldError(component.getName() + mismatch.path, mismatch.getMessage()));
            }
        }
        R record = instantiate(shape, type, values);
        for (FieldError violation : Validation.violations(record, groups)) {
            if (!mistyped.contains(violation.field().split("\\[", 2)[0])) {
                errors.add(violation);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw new Invalid(errors);
        }
        return record;
    }

    /** The record as a JSON object, field by field: the starting point of a PATCH. */
    public static ObjectNode toNode(Record record) {
        return Json.mapper().valueToTree(record);
    }

    private static Object convert(JsonNode node, Type type) throws TypeMismatch {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type == String.class) {
            if (!node.isTextual()) {
                throw new TypeMismatch("must be a string");
            }
            return node.textValue();
        }
        if (type == Integer.class) {
            if (!node.isIntegralNumber() && !isWholeDecimal(node)) {
                throw new TypeMismatch("must be an integer");
            }
            if (!fitsInt(node)) {
                throw new TypeMismatch("is out of range");
            }
            return node.bigIntegerValue().intValueExact();
        }
        if (type == Double.class) {
            if (!node.isNumber()) {
                throw new TypeMismatch("must be a number");
            }
            double value = node.doubleValue();
            if (!Double.isFinite(value)) {
                throw new TypeMismatch("is out of range");
            }
            return value;
        }
        if (type == LocalDate.class) {
            if (!node.isTextual()) {
                throw new TypeMismatch("must be a date (YYYY-MM-DD)");
            }
            LocalDate date = Dates.parse(node.textValue());
            if (date == null) {
                throw new TypeMismatch("must be a date (YYYY-MM-DD)");
            }
            return date;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!node.isArray()) {
                throw new TypeMismatch("must be an array");
            }
            Type element = list.getActualTypeArguments()[0];
            List<Object> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isNull()) {
                    throw new TypeMismatch("[" + i + "]", "must not be null");
                }
                try {
                    values.add(convert(item, element));
                } catch (TypeMismatch mismatch) {
                    throw new TypeMismatch("[" + i + "]" + mismatch.path, mismatch.getMessage());
                }
            }
            return List.copyOf(values);
        }
        throw new IllegalStateException("request records may not use " + type.getTypeName());
    }

    private static boolean isWholeDecimal(JsonNode node) {
        // 5.0 is written by many clients for an integer; 5.5 is not an integer.
        if (!node.isNumber()) {
            return false;
        }
        BigDecimal value = node.decimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static boolean fitsInt(JsonNode node) {
        BigDecimal value = node.decimalValue();
        return value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static <R extends Record> R instantiate(Shape shape, Class<R> type, Object[] values) {
        try {
            return type.cast(shape.constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Shape shapeOf(Class<? extends Record> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                index.put(components[i].getName(), i);
            }
            try {
                Constructor<?> constructor = t.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, index, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private record Shape(RecordComponent[] components, Map<String, Integer> index, Constructor<?> constructor) {
    }

    private static final class TypeMismatch extends Exception {
        private final String path;

        TypeMismatch(String message) {
            this("", message);
        }

        TypeMismatch(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }
}
