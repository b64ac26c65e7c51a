package dev.stride.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.dashboard.DashboardView;
import dev.stride.domain.FieldError;
import dev.stride.moods.MoodView;
import dev.stride.paging.Page;
import dev.stride.runs.RunView;
import dev.stride.users.UserView;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Responses written without the mapper are, byte for byte, what the mapper writes. */
class JsonWriterTest {

    private static final Instant CREATED = Instant.parse("2026-01-31T07:05:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 31);

    static Stream<Object> bodies() {
        RunView run = new RunView(7, 3, 5.0, "km", 5.0, DAY, 1800, 360.0, "happy", "Morning \"tempo\"",
                "line one\nline two\t<b>é 🏃</b>\u0001", List.of("easy", "park"), CREATED, CREATED.plusSeconds(61));
        RunView sparse = new RunView(Long.MAX_VALUE, 0, 0.1, "mi", 0.161, LocalDate.of(1, 1, 1), null, null, null, null,
                null, List.of(), CREATED, CREATED);
        MoodView mood = new MoodView(9, 3, "calm", DAY, 5, null, 1, 2, 3, "", CREATED, CREATED);
        UserView user = new UserView(3, "ana", "ana@example.com", CREATED, CREATED);
        DashboardView dashboard = new DashboardView("ana", 2, 12.345, 6.1725, 7.0, 321.5, null,
                List.of(new DashboardView.Week(DAY, 2, 12.345), new DashboardView.Week(DAY.minusWeeks(1), 0, 0.0)));
        DashboardView empty = new DashboardView("bo", 0, 0.0, null, null, null, null, List.of());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://stride.dev/problems/invalid");
        problem.put("title", "Invalid request");
        problem.put("status", 400);
        problem.put("detail", null);
        problem.put("errors", List.of(new FieldError("distance", "must be greater than 0"),
                new FieldError("tags[0]", "at most 30 characters")));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("big", new BigDecimal("12.500"));
        numbers.put("tiny", new BigDecimal("1E-7"));
        numbers.put("huge", new BigInteger("123456789012345678901234567890"));
        numbers.put("double", 1e20);
        numbers.put("small", 1.0E-5);
        numbers.put("float", 2.5f);
        numbers.put("short", (short) 7);
        numbers.put("byte", (byte) -1);
        numbers.put("negative", -0.0);
        numbers.put("nan", Double.NaN);
        numbers.put("yes", true);
        numbers.put("nested", Map.of("list", new ArrayList<>(Arrays.asList(1L, null, "x"))));
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("op", "replace").put("value", 1.5);
        return Stream.of(run, sparse, mood, user, dashboard, empty, new Page<>(List.of(run, sparse), "abc=="),
                new Page<>(List.of(mood), null), problem, numbers, Map.of("patch", tree), List.of(), "text", 42, null);
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void write_whenResponseBody_thenSameTextAsTheMapper(Object body) throws Exception {
        assertThat(Json.write(body)).isEqualTo(Json.mapper().writeValueAsString(body));
    }

    @Test
    void write_whenTypeWithoutJsonForm_thenRefused() {
        // The mapper refuses an Optional too (no jdk8 module): a new kind of body must be added here.
        assertThatThrownBy(() -> Json.write(Map.of("maybe", Optional.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.Optional");
    }
}
