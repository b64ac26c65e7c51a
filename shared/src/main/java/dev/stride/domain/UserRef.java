package dev.stride.domain;

/** The user an operation is about: a user ID, or {@code me}, the caller's own profile. */
public sealed interface UserRef {

    record Me() implements UserRef {
    }

    record Id(long value) implements UserRef {
    }
}
