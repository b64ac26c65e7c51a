package dev.stride.users;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.Conflict;
import dev.stride.domain.Patch;
import dev.stride.domain.Precondition;
import dev.stride.domain.Revision;
import dev.stride.domain.UserRef;
import dev.stride.domain.Versioned;
import dev.stride.paging.Cursor;
import dev.stride.paging.Keyset;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;

/** User profiles: each bound to the identity that created it. */
public final class UserService {

    private final Database database;

    public UserService(Database database) {
        this.database = database;
    }

    public Versioned<UserView> create(Caller caller, UserInput input) {
        return database.transaction(em -> {
            if (Ownership.bySub(em, caller.sub(), LockModeType.NONE) != null) {
                throw new Conflict("the caller already has a profile");
            }
            requireEmailFree(em, input.email(), null);
            User user = new User(caller.sub(), input.username(), input.email());
            em.persist(user);
            em.flush();
            return versioned(user);
        });
    }

    /** Admins: every user; anyone else: a list holding only their own profile. Newest first. */
    public Page<UserView> list(Caller caller, ListQuery<?> query) {
        String scope = Cursor.scope("users", caller.admin() ? "*" : caller.sub());
        return database.transaction(em -> {
            Keyset users = Keyset.byId("u.id", 1);
            if (!caller.admin()) {
                users.where("u.owner_sub = ?", caller.sub());
            }
            return users.page(em, "SELECT u.* FROM users u", User.class, query, scope, user -> new Cursor.Position(null, user.getId()))
                    .map(UserView::of);
        });
    }

    public Versioned<UserView> get(Caller caller, UserRef ref) {
        return database.transaction(em -> versioned(Ownership.resolve(em, caller, ref)));
    }

    /** Changes a profile, if it is still in a state {@code precondition} accepts; only its row is locked. */
    public Versioned<UserView> update(Caller caller, UserRef ref, Patch<UserInput> patch, Precondition precondition) {
        return database.transaction(em -> {
            User user = Ownership.lock(em, caller, ref, Ownership.Lock.CHANGE);
            precondition.check(revision(user));
            UserInput changed = patch.applyTo(UserView.of(user).toInput());
            if (!changed.email().equalsIgnoreCase(user.getEmail())) {
                requireEmailFree(em, changed.email(), user.getId());
            }
            user.setUsername(changed.username());
            user.setEmail(changed.email());
            em.flush();
            return versioned(user);
        });
    }

    /**
     * Deletes the user with all their runs and moods (the foreign keys cascade) in one statement,
     * one round trip (see {@link Ownership#delete}).
     */
    public void delete(Caller caller, UserRef ref, Precondition precondition) {
        database.write(em -> {
            Ownership.delete(em, caller, ref, precondition);
            return null;
        });
    }

    private static Revision revision(User user) {
        return new Revision(user.getId(), user.getVersion());
    }

    private static Versioned<UserView> versioned(User user) {
        return new Versioned<>(UserView.of(user), revision(user));
    }

    private static void requireEmailFree(EntityManager em, String email, Long except) {
        List<Long> holders = em.createQuery(
                        "SELECT u.id FROM User u WHERE LOWER(u.email) = LOWER(:email)", Long.class)
                .setParameter("email", email)
                .getResultList();
        if (holders.stream().anyMatch(id -> !id.equals(except))) {
            throw new Conflict("the email is already taken");
        }
    }
}
