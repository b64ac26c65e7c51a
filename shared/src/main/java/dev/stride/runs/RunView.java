package dev.stride.runs;

import dev.stride.domain.Rounding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    /**
     * A run from one row of {@code RunService}'s single-statement read: the runs columns in table
     * order from id to updated_at, then the tag names as an array.
     */
    static RunView of(Object[] row) {
        double distance = ((Number) row[2]).doubleValue();
        double distanceKm = ((Number) row[4]).doubleValue();
        Integer duration = row[6] == null ? null : ((Number) row[6]).intValue();
        Double pace = duration == null ? null : Rounding.round(duration / distanceKm, 1);
        List<String> tags = tagNames(row[12]);
        return new RunView(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                Rounding.round(distance, 3), (String) row[3], Rounding.round(distanceKm, 3),
                toLocalDate(row[5]), duration, pace,
                (String) row[7], (String) row[8], (String) row[9],
                tags,
                toInstant(row[10]).truncatedTo(ChronoUnit.SECONDS),
                toInstant(row[11]).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A run from the current row of {@code RunService}'s single read over JDBC: the same columns
     * as {@link #of(Object[])} reads, each read as its own type.
     */
    static RunView of(ResultSet row) throws SQLException {
        double distance = row.getDouble(3);
        double distanceKm = row.getDouble(5);
        Integer duration = duration(row);
        Double pace = duration == null ? null : Rounding.round(duration / distanceKm, 1);
        return new RunView(row.getLong(1), row.getLong(2),
                Rounding.round(distance, 3), row.getString(4), Rounding.round(distanceKm, 3),
                row.getObject(6, LocalDate.class), duration, pace,
                row.getString(8), row.getString(9), row.getString(10),
                tagNames(row.getArray(13)),
                row.getObject(11, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS),
                row.getObject(12, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The stored values of the current row {@link #of(ResultSet)} reads, as input: what a PATCH is laid over. */
    static RunInput toInput(ResultSet row) throws SQLException {
        return new RunInput(row.getDouble(3), row.getString(4), row.getObject(6, LocalDate.class), duration(row),
                row.getString(8), row.getString(9), row.getString(10), tagNames(row.getArray(13)));
    }

    private static Integer duration(ResultSet row) throws SQLException {
        int seconds = row.getInt(7);
        return row.wasNull() ? null : seconds;
    }

    /** The tags' names from the row's array, sorted. */
    private static List<String> tagNames(Object array) {
        List<String> tags = new ArrayList<>();
        for (Object name : names(array)) {
            tags.add((String) name);
        }
        tags.sort(null);
        return List.copyOf(tags);
    }

    private static Object[] names(Object array) {
        if (array instanceof java.sql.Array sql) {
            try {
                return (Object[]) sql.getArray();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not read the tags' array", e);
            }
        }
        return (Object[]) array;
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant toInstant(Object value) {
        // instanceof, not a type switch (its bootstrap costs a cold start ~40 classes).
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof java.time.OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    /** The stored values of a row {@link #of(Object[])} reads, as input: what a PATCH is laid over. */
    static RunInput toInput(Object[] row) {
        return new RunInput(((Number) row[2]).doubleValue(), (String) row[3], toLocalDate(row[5]),
                row[6] == null ? null : ((Number) row[6]).intValue(), (String) row[7], (String) row[8], (String) row[9],
                tagNames(row[12]));
    }
}
