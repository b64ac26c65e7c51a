package dev.stride.domain;

/** The resource is no longer in the state the change was made for: someone changed it since. */
public final class PreconditionFailed extends DomainException {

    public PreconditionFailed() {
        super("the resource has changed since it was read; read it again and repeat the change on what it holds now");
    }
}
