package dev.stride.domain;

/** The resource does not exist, or belongs to somebody else (the two look the same). */
public final class NotFound extends DomainException {

    /** {@code what}: the kind of resource, e.g. {@code "run"}. */
    public NotFound(String what) {
        super(what + " not found");
    }
}
