package dev.stride.moods;

import dev.stride.db.Columns;
import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.Invalid;
import dev.stride.domain.NotFound;
import dev.stride.domain.Patch;
import dev.stride.domain.Precondition;
import dev.stride.domain.Revision;
import dev.stride.domain.UserRef;
import dev.stride.domain.Versioned;
import dev.stride.paging.Cursor;
import dev.stride.paging.DateRange;
import dev.stride.paging.Keyset;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import dev.stride.users.Ownership;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/** A user's moods. */
public final class MoodService {

    // The columns MoodView.of(Object[]) reads (id to updated_at), then the version.
    private static final String COLUMNS = "m.id, m.user_id, m.description, m.mood_date, m.positivity, m.stress, m.energy, "
            + "m.calmness, m.motivation, m.note, m.created_at, m.updated_at, m.version";

    private final Database database;

    public MoodService(Database database) {
        this.database = database;
    }

    /**
     * Records a mood in one statement, one round trip, in autocommit: the owner check in a CTE,
     * the mood inserted only if the owner is found (404 otherwise, nothing written).
     */
    public Versioned<MoodView> create(Caller caller, UserRef owner, MoodInput input) {
        String statement = INSERT.formatted(Ownership.condition(caller, owner, OWNER_SUB_PARAMETER));
        return database.write(em -> versioned(single(Ownership.bind(em.createNativeQuery(statement), caller, owner, OWNER_SUB_PARAMETER)
                .setParameter(2, input.description())
                .setParameter(3, input.date())
                .setParameter(4, input.positivity())
                .setParameter(5, input.stress())
                .setParameter(6, input.energy())
                .setParameter(7, input.calmness())
                .setParameter(8, input.motivation())
                .setParameter(9, input.note()), "user")));
    }

    // %s: Ownership.condition on users (?1, and ?10 where it needs the caller's sub). A null
    // parameter is bound as text: CAST says what it is.
    private static final String INSERT = """
            WITH owner AS (SELECT id FROM users WHERE %s),
                 mood AS (INSERT INTO moods (user_id, description, mood_date, positivity, stress, energy, calmness, motivation, note,
                                             created_at, updated_at)
                          SELECT owner.id, ?2, ?3, CAST(?4 AS smallint), CAST(?5 AS smallint), CAST(?6 AS smallint),
                                 CAST(?7 AS smallint), CAST(?8 AS smallint), ?9, now(), now() FROM owner
                          RETURNING *)
            SELECT %s FROM mood m""".formatted("%s", COLUMNS);
    private static final int OWNER_SUB_PARAMETER = 10;

    /**
     * The user's moods, newest first (date, then id), filtered by date range: one statement, one
     * round trip, in autocommit. The user (if the caller may reach it) with a page of its moods,
     * fetched with one more to tell whether a next page exists; no mood: one row of nulls beside
     * the user's id; no row: no such user for this caller (404, before any cursor is judged).
     */
    public Page<MoodView> list(Caller caller, UserRef owner, ListQuery<DateRange> query) {
        DateRange dates = query.filter();
        Cursor.Issued after = null;
        Invalid badCursor = null;
        if (query.cursor() != null) {
            try {
                after = Cursor.read(query.cursor());
            } catch (Invalid invalid) {
                badCursor = invalid; // answered once the user is known to exist: a missing user is 404 first
            }
        }
        // ?1 is the owner's key (Ownership.bind); the list's own values follow.
        Keyset moods = Keyset.byDateThenId("m.mood_date", "m.id", 2).where("m.user_id = owner.id").within(dates);
        if (after != null) {
            moods.after(after.position());
        }
        String statement = ownerAnd(caller, owner, moods, query.limit() + 1);
        Cursor.Issued cursor = after;
        Invalid refused = badCursor;
        return database.read(em -> {
            List<?> rows = moods.bind(Ownership.bind(em.createNativeQuery(statement), caller, owner, moods.nextParameter()))
                    .getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("user");
            }
            if (refused != null) {
                throw refused;
            }
            Object[] first = (Object[]) rows.get(0);
            // The last part stands where a run list's tag does: mood cursors keep the scope they were issued with.
            String scope = Cursor.scope("moods", Columns.longValue(first[first.length - 1]), dates.from(), dates.to(), null);
            if (cursor != null) {
                cursor.within(scope);
            }
            return Page.of(views(rows), query.limit(), scope, mood -> new Cursor.Position(mood.date(), mood.id()));
        });
    }

    /**
     * The most recent mood by date (on a tie, the newest); 404 when the user has none. One
     * statement, one round trip, in autocommit.
     */
    public Versioned<MoodView> latest(Caller caller, UserRef owner) {
        Keyset newest = Keyset.byDateThenId("m.mood_date", "m.id", 2).where("m.user_id = owner.id");
        String statement = ownerAnd(caller, owner, newest, 1);
        return database.read(em -> {
            List<?> rows = Ownership.bind(em.createNativeQuery(statement), caller, owner, newest.nextParameter()).getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("user");
            }
            Object[] row = (Object[]) rows.get(0);
            if (row[0] == null) {
                throw new NotFound("mood");
            }
            return versioned(row);
        });
    }

    // The user (if the caller may reach it: Ownership.condition, ?1 and the caller's sub after the
    // list's values) and the moods `moods` selects, each row ending with the user's id.
    private static String ownerAnd(Caller caller, UserRef owner, Keyset moods, int limit) {
        return "WITH owner AS MATERIALIZED (SELECT id FROM users WHERE " + Ownership.condition(caller, owner, moods.nextParameter()) + ")"
                + " SELECT page.*, owner.id FROM owner LEFT JOIN LATERAL (SELECT " + COLUMNS + " FROM moods m"
                + moods.sql(limit) + ") page ON true";
    }

    /** One mood, if the caller may reach it: one statement, one round trip, in autocommit. */
    public Versioned<MoodView> get(Caller caller, long moodId) {
        return database.read(em -> {
            Query select = em.createNativeQuery(caller.admin() ? GET_ANY : GET_OWNED).setParameter(1, moodId);
            if (!caller.admin()) {
                select.setParameter(2, caller.sub());
            }
            return versioned(single(select, "mood"));
        });
    }

    private static final String GET_ANY = "SELECT " + COLUMNS + " FROM moods m WHERE m.id = ?1";
    private static final String GET_OWNED = "SELECT " + COLUMNS + " FROM moods m JOIN users u ON u.id = m.user_id"
            + " WHERE m.id = ?1 AND u.owner_sub = ?2";

    /** Changes a mood, if it is still in a state {@code precondition} accepts; only its own row is locked. */
    public Versioned<MoodView> update(Caller caller, long moodId, Patch<MoodInput> patch, Precondition precondition) {
        return database.transaction(em -> {
            Mood mood = Ownership.lock(em, caller, Mood.class, moodId, Ownership.Lock.CHANGE);
            precondition.check(new Revision(mood.getId(), mood.getVersion()));
            apply(mood, patch.applyTo(MoodView.toInput(mood)));
            em.flush();
            return new Versioned<>(MoodView.of(mood), new Revision(mood.getId(), mood.getVersion()));
        });
    }

    /** Deletes a mood in one statement, one round trip (see {@link Ownership#delete}). */
    public void delete(Caller caller, long moodId, Precondition precondition) {
        database.write(em -> {
            Ownership.delete(em, caller, Mood.class, moodId, precondition);
            return null;
        });
    }

    /** The one row a single-row statement answers, 404 ({@code what}) when there is none. */
    private static Object[] single(Query query, String what) {
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw new NotFound(what);
        }
        return (Object[]) rows.get(0);
    }

    /** The moods of a list's rows ({@link #ownerAnd}): none when its one row has no mood. */
    private static List<MoodView> views(List<?> rows) {
        List<MoodView> views = new ArrayList<>(rows.size());
        for (Object row : rows) {
            if (((Object[]) row)[0] != null) {
                views.add(MoodView.of((Object[]) row));
            }
        }
        return views;
    }

    private static Versioned<MoodView> versioned(Object[] row) {
        MoodView view = MoodView.of(row);
        return new Versioned<>(view, new Revision(view.id(), ((Number) row[12]).longValue()));
    }

    private static void apply(Mood mood, MoodInput input) {
        mood.setDescription(input.description());
        mood.setDate(input.date());
        mood.setPositivity(input.positivity());
        mood.setStress(input.stress());
        mood.setEnergy(input.energy());
        mood.setCalmness(input.calmness());
        mood.setMotivation(input.motivation());
        mood.setNote(input.note());
    }
}
