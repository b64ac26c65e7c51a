package dev.stride.runs;

import dev.stride.validation.CalendarDate;
import dev.stride.validation.Text;
import dev.stride.validation.Validation.OnUpdate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a client sends to record or change a run. {@code unit} and {@code date} have defaults on
 * create ({@code km}, today in UTC) and so cannot be cleared by a PATCH.
 */
public record RunInput(
        @NotNull @Distance
        Double distance,
        @NotNull(groups = OnUpdate.class) @Pattern(regexp = "km|mi", message = "must be \"km\" or \"mi\"")
        String unit,
        @NotNull(groups = OnUpdate.class) @CalendarDate
        LocalDate date,
        @Min(1) @Max(604800)
        Integer durationSeconds,
        @Text(max = 50) String mood,
        @Text(max = 100) String title,
        @Text(max = 2000) String notes,
        @Size(max = 10, message = "must hold at most 10 tags")
        List<@TagName String> tags) {
}
