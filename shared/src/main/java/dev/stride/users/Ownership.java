package dev.stride.users;

import dev.stride.db.NativeSql;
import dev.stride.db.SqlArray;
import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.Precondition;
import dev.stride.domain.PreconditionFailed;
import dev.stride.domain.Revision;
import dev.stride.domain.UserRef;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may touch which user's data: a caller reaches their own profile, an admin every profile.
 * Anything else is answered as if it did not exist (404), so IDs reveal nothing.
 */
public final class Ownership {

    private Ownership() {
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
            throw new NotFound(em.getMetamodel().entity(type).getName().toLowerCase(Locale.ROOT));
        }
        return found.get(0);
    }

    /**
     * The user {@code ref} names, if the caller may reach it, as a condition on {@code users}, for a
     * native statement that finds the user and reads or writes its data in one round trip:
     * {@code ?1} is the caller's sub ({@code me}) or the user's id; for an id asked by someone other
     * than an admin, {@code ?subParameter} is the caller's sub too. {@link #bind} gives them their
     * values. No row: 404.
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

    /** Binds the parameters of {@link #condition} in {@code statement}. */
    public static NativeSql.Execution bind(NativeSql.Execution statement, Caller caller, UserRef ref, int subParameter) {
        return switch (ref) {
            case UserRef.Me me -> statement.setText(1, caller.sub());
            case UserRef.Id id -> caller.admin()
                    ? statement.setLong(1, id.value())
                    : statement.setLong(1, id.value()).setText(subParameter, caller.sub());
        };
    }

    // One statement deletes a row if its version is accepted: `target` finds and locks the row (its
    // owner checked; a concurrent change is waited for and its version seen), `gone` deletes it when
    // ?2 (the accepted "id:version" pairs) is null or holds it. No row: 404; a row not deleted: 412.
    private static final String DELETE = """
            WITH target AS (%s),
                 gone AS (DELETE FROM %s e USING target t
                           WHERE e.id = t.id AND (CAST(?2 AS text) IS NULL OR t.id || ':' || t.version = ANY (CAST(?2 AS text[])))
                       RETURNING e.id)
            SELECT t.version, (SELECT count(*) FROM gone) FROM target t""";
    private static final String TARGET_ANY = "SELECT e.id, e.version FROM %s e WHERE e.id = ?1 FOR UPDATE";
    private static final String TARGET_OWNED =
            "SELECT e.id, e.version FROM %s e JOIN users u ON u.id = e.user_id WHERE e.id = ?1 AND u.owner_sub = ?3 FOR UPDATE OF e";
    private static final String TARGET_MY_PROFILE = "SELECT e.id, e.version FROM users e WHERE e.owner_sub = ?1 FOR UPDATE";
    private static final String TARGET_PROFILE = "SELECT e.id, e.version FROM users e WHERE e.id = ?1 AND e.owner_sub = ?3 FOR UPDATE";

    /**
     * Deletes the run or mood with this id in one statement (one round trip, in autocommit), if the
     * caller may reach it and {@code precondition} accepts its version: 404 for an absent row and
     * for somebody else's alike, 412 for a version not accepted; nothing is deleted then.
     */
    public static void delete(EntityManager em, Caller caller, Class<? extends UserOwned> type, long id, Precondition precondition) {
        String table = type.getAnnotation(Table.class).name();
        NativeSql.Execution delete = deleteStatement(caller.admin() ? TARGET_ANY : TARGET_OWNED, table).on(em).setLong(1, id);
        if (!caller.admin()) {
            delete.setText(3, caller.sub());
        }
        if (!delete(delete, precondition)) {
            throw new NotFound(em.getMetamodel().entity(type).getName().toLowerCase(Locale.ROOT));
        }
    }

    /** Deletes the user {@code ref} names in one statement, as {@link #delete(EntityManager, Caller, Class, long, Precondition)} does a run. */
    public static void delete(EntityManager em, Caller caller, UserRef ref, Precondition precondition) {
        NativeSql.Execution delete = switch (ref) {
            case UserRef.Me me -> deleteStatement(TARGET_MY_PROFILE, "users").on(em).setText(1, caller.sub());
            case UserRef.Id id when caller.admin() -> deleteStatement(TARGET_ANY, "users").on(em).setLong(1, id.value());
            case UserRef.Id id -> deleteStatement(TARGET_PROFILE, "users").on(em).setLong(1, id.value()).setText(3, caller.sub());
        };
        if (!delete(delete, precondition)) {
            throw new NotFound("user");
        }
    }

    // DELETE for each target and table: built once.
    private static final Map<DeleteOf, NativeSql> DELETES = new ConcurrentHashMap<>();

    private record DeleteOf(String target, String table) {
    }

    private static NativeSql deleteStatement(String target, String table) {
        return DELETES.computeIfAbsent(new DeleteOf(target, table),
                key -> NativeSql.of(DELETE.formatted(key.target().formatted(key.table()), key.table())));
    }

    /** Runs a bound {@link #DELETE}: false when it found no row; 412 when it found one the precondition does not accept. */
    private static boolean delete(NativeSql.Execution delete, Precondition precondition) {
        Set<Revision> accepted = precondition.accepted();
        Long deleted = delete.setText(2, accepted == null ? null
                        : SqlArray.literal(accepted.stream().map(revision -> revision.id() + ":" + revision.version()).toList()))
                .first(row -> row.getLong(2));
        if (deleted == null) {
            return false;
        }
        if (deleted == 0) {
            throw new PreconditionFailed();
        }
        return true;
    }
}
