package dev.stride.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Writes what Stride answers with (response records, maps, lists, strings, numbers, dates) to the
 * same text Jackson's {@code ObjectMapper} would write (JsonWriterTest holds the two together),
 * without the mapper and without jackson-core's generator. A function that reads no body so loads
 * no Jackson class: databind and its introspection of the record types were ~500 of the get
 * function's cold start classes and a sixth of its CPU, the generator and its factory 67 classes
 * more (docs/performance.md). Jackson's defaults, kept here: no whitespace; in strings the quote,
 * the backslash and the control characters escaped (backspace, tab, newline, form feed and carriage
 * return by name, the others as a backslash, u and four upper-case hex digits), nothing else; numbers as
 * {@code toString()} writes them; a double or float that is not finite as a string ({@code "NaN"}).
 */
final class JsonWriter {

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    /** Each record type's accessors, in declaration order (the mapper's order for records). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                // A nested or package-private record: the mapper reads those too.
                accessors[i].trySetAccessible();
            }
            return accessors;
        }
    };

    private JsonWriter() {
    }

    static String write(Object value) {
        return write(value, false);
    }

    /**
     * {@code value} as one line of Stride's log ({@code dev.stride.observability.JsonLines}): as
     * {@link #write}, but a number that is not finite as null, a value with no JSON form as its
     * string (a log line is never refused), and strings escaped as {@link #string} says for a line.
     */
    static String line(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean line) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, line);
        return out.toString();
    }

    // An if-chain, not a pattern switch: a type switch is linked at its first run by
    // SwitchBootstraps, which generates a class with the class-file API (~40 JDK classes at a
    // cold start; docs/performance.md). The order is the order the cases need.
    private static void write(StringBuilder out, Object value, boolean line) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s, line);
        } else if (value instanceof Double d) {
            number(out, d.toString(), Double.isFinite(d), line);
        } else if (value instanceof Float f) {
            number(out, f.toString(), Float.isFinite(f), line);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof LocalDate || value instanceof Instant) {
            // ISO-8601, as the mapper writes them (Json: toString() is exactly that form).
            string(out, value.toString(), line);
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.name(), line);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String comma = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                string(out.append(comma), String.valueOf(entry.getKey()), line);
                write(out.append(':'), entry.getValue(), line);
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            String comma = "";
            for (Object item : items) {
                write(out.append(comma), item, line);
                comma = ",";
            }
            out.append(']');
        } else if (value instanceof Record record) {
            out.append('{');
            String comma = "";
            for (Method accessor : ACCESSORS.get(record.getClass())) {
                string(out.append(comma), accessor.getName(), line);
                write(out.append(':'), component(record, accessor), line);
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof JsonNode tree) {
            // A tree (a JSON Patch document echoed back): only the mapper knows its node types.
            try {
                out.append(Json.mapper().writeValueAsString(tree));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a JSON tree", e);
            }
        } else if (line && value instanceof Number number) {
            out.append(number);
        } else if (!line) {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        } else {
            string(out, value.toString(), line);
        }
    }

    /** A double or float: one that is not finite is a string in a response ({@code "NaN"}), null in a log line. */
    private static void number(StringBuilder out, String text, boolean finite, boolean line) {
        if (finite) {
            out.append(text);
        } else if (line) {
            out.append("null");
        } else {
            out.append('"').append(text).append('"');
        }
    }

    /**
     * A JSON string, escaped as Jackson escapes by default; a log line's ({@code line}) as RFC 8259
     * requires: {@code \n}, {@code \r} and {@code \t} as such and any other control character,
     * U+2028 and U+2029 as a backslash, {@code u} and four lower-case hex digits (the line stays
     * one line for any reader); everything else as is.
     */
    static void string(StringBuilder out, String s, boolean line) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String named;
            if (c == '"') {
                named = "\\\"";
            } else if (c == '\\') {
                named = "\\\\";
            } else if (c == '\n') {
                named = "\\n";
            } else if (c == '\r') {
                named = "\\r";
            } else if (c == '\t') {
                named = "\\t";
            } else if (c == '\b' && !line) {
                named = "\\b";
            } else if (c == '\f' && !line) {
                named = "\\f";
            } else if (c < 0x20 || (line && (c == '\u2028' || c == '\u2029'))) {
                named = null;
            } else {
                continue;
            }
            out.append(s, from, i);
            if (named != null) {
                out.append(named);
            } else {
                char[] hex = line ? LOWER_HEX : UPPER_HEX;
                out.append('\\').append('u').append(hex[c >> 12 & 0xF]).append(hex[c >> 8 & 0xF])
                        .append(hex[c >> 4 & 0xF]).append(hex[c & 0xF]);
            }
            from = i + 1;
        }
        out.append(s, from, s.length()).append('"');
    }

    private static Object component(Record record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
