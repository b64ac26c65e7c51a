package dev.stride.users;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.Conflict;
import dev.stride.domain.NotFound;
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
import jakarta.persistence.Query;
import java.util.List;

/** User profiles: each bound to the identity that created it. */
public final class UserService {

    // The columns UserView.of(Object[]) reads, then the version.
    private static final String COLUMNS = "u.id, u.username, u.email, u.created_at, u.updated_at, u.version";

    private final Database database;

    public UserService(Database database) {
        this.database = database;
    }

    /**
     * Creates the caller's profile in one statement, one round trip, in autocommit: 409 when the
     * caller has a profile already, or when another holds the email (case-insensitively). Two
     * creates racing past those checks meet at the unique indexes (owner_sub, lower(email)): the
     * second is a unique violation, also answered 409 (dev.stride.api.Api), nothing written.
     */
    public Versioned<UserView> create(Caller caller, UserInput input) {
        return database.write(em -> {
            Object[] row = (Object[]) em.createNativeQuery(CREATE)
                    .setParameter(1, caller.sub())
                    .setParameter(2, input.username())
                    .setParameter(3, input.email())
                    .getSingleResult();
            if ((Boolean) row[0]) {
                throw new Conflict("the caller already has a profile");
            }
            if ((Boolean) row[1]) {
                throw new Conflict("the email is already taken");
            }
            return versioned(row, 2);
        });
    }

    // The profile, inserted only when the caller has none and nobody holds the email; one row
    // always: whether each check failed, then the new profile's columns (nulls when not inserted).
    private static final String CREATE = """
            WITH profile AS (SELECT 1 FROM users WHERE owner_sub = ?1),
                 holder AS (SELECT 1 FROM users WHERE lower(email) = lower(?3)),
                 created AS (INSERT INTO users (owner_sub, username, email, created_at, updated_at)
                             SELECT ?1, ?2, ?3, now(), now()
                              WHERE NOT EXISTS (SELECT 1 FROM profile) AND NOT EXISTS (SELECT 1 FROM holder)
                             RETURNING *)
            SELECT EXISTS (SELECT 1 FROM profile), EXISTS (SELECT 1 FROM holder), %s
              FROM (SELECT 1) one LEFT JOIN created u ON true""".formatted(COLUMNS);

    /** Admins: every user; anyone else: a list holding only their own profile. Newest first. One statement, in autocommit. */
    public Page<UserView> list(Caller caller, ListQuery<?> query) {
        String scope = Cursor.scope("users", caller.admin() ? "*" : caller.sub());
        return database.read(em -> {
            Keyset users = Keyset.byId("u.id", 1);
            if (!caller.admin()) {
                users.where("u.owner_sub = ?", caller.sub());
            }
            return users.page(em, "SELECT u.* FROM users u", User.class, query, scope, user -> new Cursor.Position(null, user.getId()))
                    .map(UserView::of);
        });
    }

    /** The profile {@code ref} names, if the caller may reach it (404 otherwise): one statement, in autocommit. */
    public Versioned<UserView> get(Caller caller, UserRef ref) {
        return database.read(em -> versioned(single(select(em, caller, ref, "")), 0));
    }

    /**
     * Changes a profile, if it is still in a state {@code precondition} accepts, in three round
     * trips: the profile with its row locked (BEGIN sent with it; FOR NO KEY UPDATE: a create of
     * one of its runs is not blocked); the change with the email's check in one statement; COMMIT.
     * A PATCH that changes nothing writes nothing and keeps the version.
     */
    public Versioned<UserView> update(Caller caller, UserRef ref, Patch<UserInput> patch, Precondition precondition) {
        return database.transaction(em -> {
            Versioned<UserView> current = versioned(single(select(em, caller, ref, " FOR NO KEY UPDATE")), 0);
            precondition.check(current.revision());
            UserInput before = current.value().toInput();
            UserInput changed = patch.applyTo(before);
            if (changed.equals(before)) {
                return current;
            }
            Object[] row = single(em.createNativeQuery(UPDATE)
                    .setParameter(1, current.revision().id())
                    .setParameter(2, changed.username())
                    .setParameter(3, changed.email()));
            if ((Boolean) row[0]) {
                throw new Conflict("the email is already taken");
            }
            return versioned(row, 1);
        });
    }

    // The profile changed unless another holds the email (its own, in any case, is no conflict);
    // one row always: whether another holds it, then the changed profile (nulls when not changed).
    private static final String UPDATE = """
            WITH holder AS (SELECT 1 FROM users WHERE lower(email) = lower(?3) AND id <> ?1),
                 changed AS (UPDATE users SET username = ?2, email = ?3, updated_at = now(), version = version + 1
                              WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM holder)
                             RETURNING *)
            SELECT EXISTS (SELECT 1 FROM holder), %s
              FROM (SELECT 1) one LEFT JOIN changed u ON true""".formatted(COLUMNS);

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

    /** The profile {@code ref} names if the caller may reach it ({@link Ownership#condition}), then {@code suffix}. */
    private static Query select(EntityManager em, Caller caller, UserRef ref, String suffix) {
        return Ownership.bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM users u WHERE "
                + Ownership.condition(caller, ref, 2) + suffix), caller, ref, 2);
    }

    private static Object[] single(Query query) {
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("user");
        }
        return (Object[]) rows.get(0);
    }

    /** The profile in {@code row} from column {@code first} on ({@link #COLUMNS}). */
    private static Versioned<UserView> versioned(Object[] row, int first) {
        UserView view = UserView.of(row, first);
        return new Versioned<>(view, new Revision(view.id(), ((Number) row[first + 5]).longValue()));
    }
}
