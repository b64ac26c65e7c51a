package dev.stride.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
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
                    write(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case Collection<?> items -> {
                out.writeStartArray();
                for (Object item : items) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case Record record -> {
                out.writeStartObject();
                for (Method accessor : ACCESSORS.get(record.getClass())) {
                    out.writeFieldName(accessor.getName());
                    write(out, component(record, accessor));
                }
                out.writeEndObject();
            }
            // A tree (a JSON Patch document echoed back): only the mapper knows its node types.
            case JsonNode tree -> out.writeRawValue(Json.mapper().writeValueAsString(tree));
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
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
