package dev.stride.paging;

/**
 * The query parameters of a list request, as a list's filter reads them. A bad value is recorded
 * with {@link #reject}, and every bad parameter is reported at once, with those of {@code limit}
 * and {@code cursor}. Parameters that no filter reads are ignored.
 */
public interface ListParameters {

    /** The raw value of a query parameter, or null when absent. */
    String get(String name);

    /** The {@code from} and {@code to} parameters as dates, each checked, and from not after to. */
    DateRange dates();

    /** Records that {@code name} is bad; the request is refused once every filter has been read. */
    void reject(String name, String message);
}
