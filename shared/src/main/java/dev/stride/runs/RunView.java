package dev.stride.runs;

import dev.stride.domain.Rounding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A run as the API answers it: the input as stored, plus what is derived from it. */
public record RunView(
        long id,
        long userId,
        double distance,
        String unit,
        double distanceKm,
        LocalDate date,
        Integer durationSeconds,
        Double paceSecondsPerKm,
        String mood,
        String title,
        String notes,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {

    public static RunView of(Run run) {
        Double pace = run.getDurationSeconds() == null
                ? null
                : Rounding.round(run.getDurationSeconds() / run.getDistanceKm(), 1);
        return new RunView(run.getId(), run.getUserId(),
                Rounding.round(run.getDistance(), 3), run.getUnit(), Rounding.round(run.getDistanceKm(), 3),
                run.getDate(), run.getDurationSeconds(), pace,
                run.getMood(), run.getTitle(), run.getNotes(),
                run.getTags().stream().map(Tag::getName).sorted().toList(),
                run.getCreatedAt().truncatedTo(ChronoUnit.SECONDS),
                run.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The stored values as input: what a PATCH is laid over. */
    static RunInput toInput(Run run) {
        return new RunInput(run.getDistance(), run.getUnit(), run.getDate(), run.getDurationSeconds(),
                run.getMood(), run.getTitle(), run.getNotes(),
                run.getTags().stream().map(Tag::getName).sorted().toList());
    }
}
