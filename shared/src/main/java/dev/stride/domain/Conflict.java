package dev.stride.domain;

/** The request is valid but clashes with what is stored (an email already taken). */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
