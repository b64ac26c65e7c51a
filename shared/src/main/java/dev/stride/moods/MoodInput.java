package dev.stride.moods;

import dev.stride.validation.CalendarDate;
import dev.stride.validation.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** What a client sends to record or change a mood. */
public record MoodInput(
        @NotNull @Text(min = 1, max = 100) String description,
        @NotNull @CalendarDate LocalDate date,
        @Min(1) @Max(5) Integer positivity,
        @Min(1) @Max(5) Integer stress,
        @Min(1) @Max(5) Integer energy,
        @Min(1) @Max(5) Integer calmness,
        @Min(1) @Max(5) Integer motivation,
        @Text(max = 2000) String note) {
}
