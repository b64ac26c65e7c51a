package dev.stride.moods;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A mood as the API answers it. */
public record MoodView(
        long id,
        long userId,
        String description,
        LocalDate date,
        Integer positivity,
        Integer stress,
        Integer energy,
        Integer calmness,
        Integer motivation,
        String note,
        Instant createdAt,
        Instant updatedAt) {

    public static MoodView of(Mood mood) {
        return new MoodView(mood.getId(), mood.getUserId(), mood.getDescription(), mood.getDate(),
                mood.getPositivity(), mood.getStress(), mood.getEnergy(), mood.getCalmness(),
                mood.getMotivation(), mood.getNote(),
                mood.getCreatedAt().truncatedTo(ChronoUnit.SECONDS),
                mood.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    static MoodInput toInput(Mood mood) {
        return new MoodInput(mood.getDescription(), mood.getDate(), mood.getPositivity(), mood.getStress(),
                mood.getEnergy(), mood.getCalmness(), mood.getMotivation(), mood.getNote());
    }
}
