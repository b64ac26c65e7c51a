package dev.stride.users;

import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.UserRef;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Who may touch which user's data: a caller reaches their own profile, an admin every profile.
 * Anything else is answered as if it did not exist (404), so IDs reveal nothing.
 */
public final class Ownership {

    private Ownership() {
    }

    /** The user {@code ref} names, if the caller may reach it; 404 otherwise. */
    public static User resolve(EntityManager em, Caller caller, UserRef ref) {
        return resolve(em, caller, ref, LockModeType.NONE);
    }

    public static User resolve(EntityManager em, Caller caller, UserRef ref, LockModeType lock) {
        User user = switch (ref) {
            case UserRef.Me me -> bySub(em, caller.sub(), lock);
            case UserRef.Id id -> em.find(User.class, id.value(), lock);
        };
        if (user == null || !mayReach(caller, user)) {
            throw new NotFound("user");
        }
        return user;
    }

    /**
     * The run or mood with this id, if the caller may reach it (one query, joined to its owner);
     * 404 for an absent row and for somebody else's alike.
     */
    public static <T extends UserOwned> T find(EntityManager em, Caller caller, Class<T> type, long id, LockModeType lock) {
        String entity = em.getMetamodel().entity(type).getName();
        TypedQuery<T> query = caller.admin()
                ? em.createQuery("SELECT e FROM " + entity + " e WHERE e.id = :id", type)
                : em.createQuery("SELECT e FROM " + entity + " e JOIN e.user u WHERE e.id = :id AND u.ownerSub = :sub", type)
                        .setParameter("sub", caller.sub());
        List<T> found = query.setParameter("id", id).setLockMode(lock).getResultList();
        if (found.isEmpty()) {
            throw new NotFound(entity.toLowerCase(java.util.Locale.ROOT));
        }
        return found.get(0);
    }

    public static boolean mayReach(Caller caller, User user) {
        return caller.admin() || caller.sub().equals(user.getOwnerSub());
    }

    static User bySub(EntityManager em, String sub, LockModeType lock) {
        List<User> users = em.createQuery("SELECT u FROM User u WHERE u.ownerSub = :sub", User.class)
                .setParameter("sub", sub)
                .setLockMode(lock)
                .getResultList();
        return users.isEmpty() ? null : users.get(0);
    }
}
