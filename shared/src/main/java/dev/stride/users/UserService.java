package dev.stride.users;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.Conflict;
import dev.stride.domain.Patch;
import dev.stride.domain.UserRef;
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

    public UserView create(Caller caller, UserInput input) {
        return database.transaction(em -> {
            if (Ownership.bySub(em, caller.sub(), LockModeType.NONE) != null) {
                throw new Conflict("the caller already has a profile");
            }
            requireEmailFree(em, input.email(), null);
            User user = new User(caller.sub(), input.username(), input.email());
            em.persist(user);
            em.flush();
            return UserView.of(user);
        });
    }

    /** Admins: every user; anyone else: a list holding only their own profile. Newest first. */
    public Page<UserView> list(Caller caller, ListQuery<?> query) {
        String scope = Cursor.scope("users", caller.admin() ? "*" : caller.sub());
        return database.transaction(em -> {
            Keyset<User> users = Keyset.byId(User.class, "u", User::getId);
            if (!caller.admin()) {
                users.where("u.ownerSub = :sub", "sub", caller.sub());
            }
            return users.page(em, query, scope).map(UserView::of);
        });
    }

    public UserView get(Caller caller, UserRef ref) {
        return database.transaction(em -> UserView.of(Ownership.resolve(em, caller, ref)));
    }

    public UserView update(Caller caller, UserRef ref, Patch<UserInput> patch) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, ref, LockModeType.PESSIMISTIC_WRITE);
            UserInput changed = patch.applyTo(UserView.of(user).toInput());
            if (!changed.email().equalsIgnoreCase(user.getEmail())) {
                requireEmailFree(em, changed.email(), user.getId());
            }
            user.setUsername(changed.username());
            user.setEmail(changed.email());
            em.flush();
            return UserView.of(user);
        });
    }

    /** Deletes the user with all their runs and moods (the foreign keys cascade). */
    public void delete(Caller caller, UserRef ref) {
        database.transaction(em -> {
            User user = Ownership.resolve(em, caller, ref);
            em.createQuery("DELETE FROM User u WHERE u.id = :id")
                    .setParameter("id", user.getId())
                    .executeUpdate();
            return null;
        });
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
