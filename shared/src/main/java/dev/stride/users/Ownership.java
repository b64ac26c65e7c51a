package dev.stride.users;

import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.UserRef;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
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

    /** How a row about to change is locked. */
    public enum Lock {
        /**
         * {@code FOR NO KEY UPDATE}: for a change of the row's columns. It does not block the
         * {@code FOR KEY SHARE} that inserting a child row takes, so a PATCH of a user never
         * waits on (or deadlocks with) a create of one of their runs.
         */
        CHANGE("FOR NO KEY UPDATE"),
        /** {@code FOR UPDATE}: for a delete, which takes that lock anyway. */
        DELETE("FOR UPDATE");

        private final String sql;

        Lock(String sql) {
            this.sql = sql;
        }
    }

    /**
     * The run or mood with this id, if the caller may reach it, with only its own row locked (not
     * its owner's): one query. 404 for an absent row and for somebody else's alike.
     */
    public static <T extends UserOwned> T lock(EntityManager em, Caller caller, Class<T> type, long id, Lock lock) {
        String table = type.getAnnotation(Table.class).name();
        String sql = caller.admin()
                ? "SELECT e.* FROM " + table + " e WHERE e.id = ?1 " + lock.sql
                : "SELECT e.* FROM " + table + " e JOIN users u ON u.id = e.user_id WHERE e.id = ?1 AND u.owner_sub = ?2 "
                        + lock.sql + " OF e";
        var query = em.createNativeQuery(sql, type).setParameter(1, id);
        if (!caller.admin()) {
            query.setParameter(2, caller.sub());
        }
        @SuppressWarnings("unchecked")
        List<T> found = query.getResultList();
        if (found.isEmpty()) {
            throw new NotFound(em.getMetamodel().entity(type).getName().toLowerCase(java.util.Locale.ROOT));
        }
        return found.get(0);
    }

    /** The user {@code ref} names, if the caller may reach it, with its row locked; 404 otherwise. */
    public static User lock(EntityManager em, Caller caller, UserRef ref, Lock lock) {
        var query = switch (ref) {
            case UserRef.Me me -> em.createNativeQuery("SELECT * FROM users WHERE owner_sub = ?1 " + lock.sql, User.class)
                    .setParameter(1, caller.sub());
            case UserRef.Id id -> em.createNativeQuery("SELECT * FROM users WHERE id = ?1 " + lock.sql, User.class)
                    .setParameter(1, id.value());
        };
        @SuppressWarnings("unchecked")
        List<User> found = query.getResultList();
        if (found.isEmpty() || !mayReach(caller, found.get(0))) {
            throw new NotFound("user");
        }
        return found.get(0);
    }

    /**
     * {@link #resolve}'s rule as a condition on {@code users}, for a native statement that finds
     * the user and reads its data in one round trip: {@code ?1} is the caller's sub ({@code me}) or
     * the user's id; for an id asked by someone other than an admin, {@code ?subParameter} is the
     * caller's sub too. {@link #bind} gives them their values. No row: 404, as {@link #resolve}.
     */
    public static String condition(Caller caller, UserRef ref, int subParameter) {
        return switch (ref) {
            case UserRef.Me me -> "owner_sub = ?1";
            case UserRef.Id id -> caller.admin() ? "id = ?1" : "id = ?1 AND owner_sub = ?" + subParameter;
        };
    }

    /** Binds the parameters of {@link #condition} in {@code query}. */
    public static Query bind(Query query, Caller caller, UserRef ref, int subParameter) {
        return switch (ref) {
            case UserRef.Me me -> query.setParameter(1, caller.sub());
            case UserRef.Id id -> caller.admin()
                    ? query.setParameter(1, id.value())
                    : query.setParameter(1, id.value()).setParameter(subParameter, caller.sub());
        };
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
