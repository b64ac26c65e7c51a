package dev.stride.api;

/** The {@code {id}} of a {@code /users/{id}…} route: a user ID, or {@code me} for the caller's own. */
public sealed interface UserRef {

    record Me() implements UserRef {
    }

    record Id(long value) implements UserRef {
    }
}
