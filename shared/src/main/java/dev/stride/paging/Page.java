package dev.stride.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest first, and the cursor of the next page (null on the last): the
 * response body of every list, {@code {"items": [...], "nextCursor": "..." | null}}.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page from rows fetched with one row more than {@code limit}: that extra row only tells
     * that a next page exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, String scope, Function<T, Cursor.Position> position) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, Cursor.encode(scope, position.apply(items.getLast())));
    }

    public <V> Page<V> map(Function<T, V> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
