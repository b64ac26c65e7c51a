package dev.stride.paging;

import java.time.LocalDate;

/** The {@code from} and {@code to} filters, both inclusive, either one open (null). */
public record DateRange(LocalDate from, LocalDate to) {
}
