package dev.stride.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * Writes what Stride answers with (response records, maps, lists, strings, numbers, dates) through
 * jackson-core's generator alone, to the same text Jackson's {@code ObjectMapper} would write
 * (JsonWriterTest holds the two together). A function that reads no body so never builds the
 * mapper: databind and its introspection of the record types were ~500 of the get function's cold
 * start classes and a sixth of its CPU (docs/performance.md).
 */
final class JsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

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
     * {@link #write}, but a number that is not finite as null and a value with no JSON form as its
     * string (a log line is never refused), and with {@link LineEscapes}.
     */
    static String line(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean line) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            if (line) {
                out.setCharacterEscapes(LineEscapes.INSTANCE);
            }
            write(out, value, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value, boolean line) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Double d when line && !Double.isFinite(d) -> out.writeNull();
            case Float f when line && !Float.isFinite(f) -> out.writeNull();
            case String s -> out.writeString(s);
            case Boolean b -> out.writeBoolean(b);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Short s -> out.writeNumber(s);
            case Byte b -> out.writeNumber(b);
            case Double d -> out.writeNumber(d);
            case Float f -> out.writeNumber(f);
            case BigDecimal d -> out.writeNumber(d);
            case BigInteger i -> out.writeNumber(i);
            // ISO-8601, as the mapper writes them (Json: toString() is exactly that form).
            case LocalDate date -> out.writeString(date.toString());
            case Instant instant -> out.writeString(instant.toString());
            case Enum<?> constant -> out.writeString(constant.name());
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    write(out, entry.getValue(), line);
                }
                out.writeEndObject();
            }
            case Collection<?> items -> {
                out.writeStartArray();
                for (Object item : items) {
                    write(out, item, line);
                }
                out.writeEndArray();
            }
            case Record record -> {
                out.writeStartObject();
                for (Method accessor : ACCESSORS.get(record.getClass())) {
                    out.writeFieldName(accessor.getName());
                    write(out, component(record, accessor), line);
                }
                out.writeEndObject();
            }
            // A tree (a JSON Patch document echoed back): only the mapper knows its node types.
            case JsonNode tree -> out.writeRawValue(Json.mapper().writeValueAsString(tree));
            case Number number when line -> out.writeNumber(number.toString());
            default -> {
                if (!line) {
                    throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
                }
                out.writeString(value.toString());
            }
        }
    }

    /**
     * A log line's strings: escaped as RFC 8259 requires, {@code \n}, {@code \r} and {@code \t} as
     * such and any other control character, U+2028 and U+2029 as a backslash, {@code u} and four
     * lower-case hex digits (the line stays one line for any reader); everything else as is.
     */
    private static final class LineEscapes extends CharacterEscapes {

        static final LineEscapes INSTANCE = new LineEscapes();

        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        private LineEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c < 0x20 || c == 0x2028 || c == 0x2029 ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }

    private static Object component(Record record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
