package dev.stride.paging;

/**
 * A list request: page size, the cursor to continue from, and the list's own filter ({@link DateRange}
 * for moods, the runs' filter for runs, none for users).
 */
public record ListQuery<F>(int limit, String cursor, F filter) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static <F> ListQuery<F> firstPage(int limit, F filter) {
        return new ListQuery<>(limit, null, filter);
    }
}
