package dev.stride.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest first, and the cursor of the next page (null on the last): the
 * response body of every list, {@code {"items": [...], "nextCursor": "..." | null}}.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public <V> Page<V> map(Function<T, V> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
