package dev.stride.users;

import dev.stride.api.Caller;
import dev.stride.api.ProblemException;
import dev.stride.api.UserRef;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;

/**
 * Who may touch which user's data: a caller reaches their own profile, an admin every profile.
 * Anything else is answered as if it did not exist (404), so IDs reveal nothing.
 */
public final class Owners {

    private Owners() {
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
            throw ProblemException.notFound("user");
        }
        return user;
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
