package dev.stride.paging;

import java.time.LocalDate;

/**
 * A list request: page size, the cursor to continue from, and the filters. Which filters a list
 * honours is up to the list ({@code tag} only applies to runs).
 */
public record ListQuery(int limit, String cursor, LocalDate from, LocalDate to, String tag) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static ListQuery firstPage(int limit) {
        return new ListQuery(limit, null, null, null, null);
    }

    /** The filters that define a list; a cursor is only valid with the filters it was issued for. */
    public String scope(String list, long ownerId) {
        return list + '|' + ownerId + '|' + from + '|' + to + '|' + tag;
    }
}
