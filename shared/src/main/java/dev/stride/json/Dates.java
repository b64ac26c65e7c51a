package dev.stride.json;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Calendar dates exactly as the API writes them: {@code YYYY-MM-DD}, years 0001 to 9999. */
public final class Dates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** The date, or null when {@code text} is not a real date in that form. */
    public static LocalDate parse(String text) {
        if (text == null || text.length() != 10) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, FORMAT);
            // PostgreSQL has no year 0.
            return date.getYear() >= 1 ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
