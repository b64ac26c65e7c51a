package dev.stride.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.domain.FieldError;
import dev.stride.domain.Invalid;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void decode_whenIssuedForSameScope_thenSamePosition() {
        Cursor.Position position = new Cursor.Position(LocalDate.of(2026, 11, 25), 42);

        String cursor = Cursor.encode("runs|7|null|null|null", position);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(cursor, "runs|7|null|null|null")).isEqualTo(position);
    }

    @Test
    void decode_whenPositionWithoutDate_thenRoundTrips() {
        Cursor.Position position = new Cursor.Position(null, 9);

        assertThat(Cursor.decode(Cursor.encode("users|*", position), "users|*")).isEqualTo(position);
    }

    @Test
    void decode_whenOtherScope_thenInvalidNamingCursor() {
        String cursor = Cursor.encode("runs|7|null|null|null", new Cursor.Position(LocalDate.of(2026, 1, 1), 1));

        assertThatThrownBy(() -> Cursor.decode(cursor, "runs|7|2026-01-01|null|null"))
                .isInstanceOfSatisfying(Invalid.class, p ->
                        assertThat(p.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void decode_whenAnyByteChanged_thenInvalid() {
        String cursor = Cursor.encode("s", new Cursor.Position(LocalDate.of(2026, 1, 1), 1));
        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertThatThrownBy(() -> Cursor.decode(tampered, "s")).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void decode_whenGarbage_thenInvalid() {
        for (String garbage : new String[] {"", "x", "!!!", "a".repeat(500)}) {
            assertThatThrownBy(() -> Cursor.decode(garbage, "s")).isInstanceOf(Invalid.class);
        }
    }
}
