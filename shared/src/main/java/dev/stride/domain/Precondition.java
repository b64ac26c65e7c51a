package dev.stride.domain;

import java.util.Set;

/**
 * What a change requires of the resource's current state ({@code If-Match}): nothing, any state
 * ({@code *}), or one of the given revisions. Checked after the row is locked, so that nothing can
 * change between the check and the write; a mismatch raises {@link PreconditionFailed}.
 */
public record Precondition(boolean required, Set<Revision> revisions) {

    /** No condition: the change goes ahead. */
    public static final Precondition NONE = new Precondition(false, Set.of());

    /** Any current state ({@code If-Match: *}): the resource must exist. */
    public static final Precondition ANY = new Precondition(true, null);

    public Precondition {
        revisions = revisions == null ? null : Set.copyOf(revisions);
    }

    public static Precondition oneOf(Set<Revision> revisions) {
        return new Precondition(true, revisions);
    }

    /**
     * The revisions this accepts, for a statement that checks them itself (a delete in one
     * statement); null when it accepts any state.
     */
    public Set<Revision> accepted() {
        return required ? revisions : null;
    }

    /** Raises {@link PreconditionFailed} unless the resource's current {@code revision} is acceptable. */
    public void check(Revision current) {
        if (required && revisions != null && !revisions.contains(current)) {
            throw new PreconditionFailed();
        }
    }
}
