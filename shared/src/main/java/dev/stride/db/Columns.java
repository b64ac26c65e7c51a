package dev.stride.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The values of a native statement's row as Java types, whichever form the driver answered them in. */
public final class Columns {

    private Columns() {
    }

    public static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    /** An integer column (smallint, integer) that may be null. */
    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    public static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime time -> time.toInstant();
            default -> (Instant) value;
        };
    }
}
