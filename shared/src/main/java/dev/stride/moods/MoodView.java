package dev.stride.moods;

import dev.stride.db.Columns;
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

    /**
     * A mood from a native statement's row: the moods columns id, user_id, description,
     * mood_date, the five levels, note, created_at, updated_at. The same values as
     * {@link #of(Mood)} gives for the entity.
     */
    static MoodView of(Object[] row) {
        return new MoodView(Columns.longValue(row[0]), Columns.longValue(row[1]), (String) row[2], Columns.date(row[3]),
                Columns.integer(row[4]), Columns.integer(row[5]), Columns.integer(row[6]), Columns.integer(row[7]),
                Columns.integer(row[8]), (String) row[9],
                Columns.instant(row[10]).truncatedTo(ChronoUnit.SECONDS),
                Columns.instant(row[11]).truncatedTo(ChronoUnit.SECONDS));
    }

    static MoodInput toInput(Mood mood) {
        return new MoodInput(mood.getDescription(), mood.getDate(), mood.getPositivity(), mood.getStress(),
                mood.getEnergy(), mood.getCalmness(), mood.getMotivation(), mood.getNote());
    }
}
