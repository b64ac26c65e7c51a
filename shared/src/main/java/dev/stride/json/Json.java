package dev.stride.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The one ObjectMapper, built once per instance on first use (reading a body, a claim, a tree) and
 * shared by every request; responses are written without it ({@link JsonWriter}).
 */
public final class Json {

    private Json() {
    }

    // A holder class: a function that only answers never builds the mapper.
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                // The only java.time types Stride writes, in ISO-8601 (2026-01-31, 2026-01-31T07:05:00Z):
                // their toString() is exactly that, so jackson-datatype-jsr310 (a module of 50-odd
                // classes loaded at every cold start) is not needed.
                .addModule(new SimpleModule("stride-time")
                        .addSerializer(LocalDate.class, ToStringSerializer.instance)
                        .addSerializer(Instant.class, ToStringSerializer.instance))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Optional fields are always present in responses, as null when empty.
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** {@code value} as the mapper would write it: records, maps, lists, strings, numbers, dates. */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }

    /** {@code fields} as one log line (see {@link JsonWriter#line}). */
    public static String line(Map<String, ?> fields) {
        return JsonWriter.line(fields);
    }

    /** {@code value} as a JSON string (or null) of a log line, escaped as {@link #line} escapes it, appended to {@code out}. */
    public static StringBuilder appendLineString(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        JsonWriter.string(out, value, true);
        return out;
    }

    /** Parses a document; {@link JsonProcessingException} for anything that is not exactly one JSON value. */
    public static JsonNode read(String json) throws JsonProcessingException {
        return Mapper.MAPPER.readTree(json);
    }
}
