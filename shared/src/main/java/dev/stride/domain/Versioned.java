package dev.stride.domain;

/**
 * A single resource as answered, with the revision it had: {@code id} and {@code version} (raised
 * by every change) name exactly one state of it, which the API turns into an {@code ETag}.
 */
public record Versioned<T>(T value, Revision revision) {

    public Versioned(T value, long id, long version) {
        this(value, new Revision(id, version));
    }
}
