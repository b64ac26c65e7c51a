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
    void read_whenSigned_thenPositionBeforeTheScopeIsKnown_andWithinChecksItAfter() {
        Cursor.Position position = new Cursor.Position(LocalDate.of(2026, 3, 2), 17);
        Cursor.Issued issued = Cursor.read(Cursor.encode("runs|7|null|null|null", position));

        assertThat(issued.position()).isEqualTo(position);
        assertThat(issued.within("runs|7|null|null|null")).isEqualTo(position);
        assertThatThrownBy(() -> issued.within("runs|8|null|null|null"))
                .isInstanceOfSatisfying(Invalid.class, p ->
                        assertThat(p.errors()).extracting(FieldError::field).containsExactly("cursor"));
        assertThatThrownBy(() -> Cursor.read("not-a-cursor")).isInstanceOf(Invalid.class);
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

    @Test
    void decode_whenSignedDateOutsideYears1To9999_thenInvalid() {
        for (LocalDate date : new LocalDate[] {LocalDate.of(0, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.MIN, LocalDate.MAX}) {
            String cursor = Cursor.encode("runs|1", new Cursor.Position(date, 5));

            assertThatThrownBy(() -> Cursor.decode(cursor, "runs|1")).as(date.toString()).isInstanceOf(Invalid.class);
        }
        assertThat(Cursor.decode(Cursor.encode("runs|1", new Cursor.Position(LocalDate.of(9999, 12, 31), 5)), "runs|1").date())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void key_whenOnLambdaWithoutOne_thenRefusesToStart() {
        assertThatThrownBy(() -> Cursor.key(null, java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "ListRunsFunction")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRIDE_CURSOR_KEY").hasMessageContaining("refusing to start");
        assertThat(Cursor.key("deployed-key", java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "ListRunsFunction"))).isNotEmpty();
        // The local server (and SAM CLI) run functions with AWS_SAM_LOCAL=true: the built-in key will do there.
        assertThat(Cursor.key(null, java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "ListRunsFunction", "AWS_SAM_LOCAL", "true"))).isNotEmpty();
        assertThat(Cursor.key(null, java.util.Map.of())).isNotEmpty();
    }
}
