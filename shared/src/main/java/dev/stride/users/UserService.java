package dev.stride.users;

import dev.stride.api.Caller;
import dev.stride.api.Patch;
import dev.stride.api.ProblemException;
import dev.stride.api.UserRef;
import dev.stride.db.Database;
import dev.stride.paging.Cursor;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** User profiles: each bound to the identity that created it. */
public final class UserService {

    private final Database database;

    public UserService(Database database) {
        this.database = database;
    }

    public UserView create(Caller caller, UserInput input) {
        return database.transaction(em -> {
            if (Owners.bySub(em, caller.sub(), LockModeType.NONE) != null) {
                throw ProblemException.conflict("the caller already has a profile");
            }
            requireEmailFree(em, input.email(), null);
            User user = new User(caller.sub(), input.username(), input.email());
            em.persist(user);
            em.flush();
            return UserView.of(user);
        });
    }

    /** Admins: every user; anyone else: a list holding only their own profile. Newest first. */
    public Page<UserView> list(Caller caller, ListQuery query) {
        String scope = "users|" + (caller.admin() ? "*" : caller.sub());
        Cursor.Position after = query.cursor() == null ? null : Cursor.decode(query.cursor(), scope);
        return database.transaction(em -> {
            StringBuilder jpql = new StringBuilder("SELECT u FROM User u WHERE 1 = 1");
            if (!caller.admin()) {
                jpql.append(" AND u.ownerSub = :sub");
            }
            if (after != null) {
                jpql.append(" AND u.id < :afterId");
            }
            jpql.append(" ORDER BY u.id DESC");
            TypedQuery<User> select = em.createQuery(jpql.toString(), User.class);
            if (!caller.admin()) {
                select.setParameter("sub", caller.sub());
            }
            if (after != null) {
                select.setParameter("afterId", after.id());
            }
            List<User> users = select.setMaxResults(query.limit() + 1).getResultList();
            return Page.of(users, query.limit(), scope, user -> new Cursor.Position(null, user.getId()))
                    .map(UserView::of);
        });
    }

    public UserView get(Caller caller, UserRef ref) {
        return database.transaction(em -> UserView.of(Owners.resolve(em, caller, ref)));
    }

    public UserView update(Caller caller, UserRef ref, Patch<UserInput> patch) {
        return database.transaction(em -> {
            User user = Owners.resolve(em, caller, ref, LockModeType.PESSIMISTIC_WRITE);
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
            User user = Owners.resolve(em, caller, ref);
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
            throw ProblemException.conflict("the email is already taken");
        }
    }
}
