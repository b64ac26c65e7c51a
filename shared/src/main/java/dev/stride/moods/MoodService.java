package dev.stride.moods;

import dev.stride.api.Caller;
import dev.stride.api.Patch;
import dev.stride.api.ProblemException;
import dev.stride.api.UserRef;
import dev.stride.db.Database;
import dev.stride.paging.Cursor;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import dev.stride.users.Owners;
import dev.stride.users.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** A user's moods. */
public final class MoodService {

    private final Database database;

    public MoodService(Database database) {
        this.database = database;
    }

    public MoodView create(Caller caller, UserRef owner, MoodInput input) {
        return database.transaction(em -> {
            User user = Owners.resolve(em, caller, owner);
            Mood mood = new Mood(user.getId());
            apply(mood, input);
            em.persist(mood);
            em.flush();
            return MoodView.of(mood);
        });
    }

    /** The user's moods, newest first (date, then id), filtered by date range. */
    public Page<MoodView> list(Caller caller, UserRef owner, ListQuery query) {
        return database.transaction(em -> {
            User user = Owners.resolve(em, caller, owner);
            String scope = query.scope("moods", user.getId());
            Cursor.Position after = query.cursor() == null ? null : Cursor.decode(query.cursor(), scope);
            List<Mood> moods = newestFirst(em, user.getId(), query, after, query.limit() + 1);
            return Page.of(moods, query.limit(), scope, mood -> new Cursor.Position(mood.getDate(), mood.getId()))
                    .map(MoodView::of);
        });
    }

    /** The most recent mood by date (on a tie, the newest); 404 when the user has none. */
    public MoodView latest(Caller caller, UserRef owner) {
        return database.transaction(em -> {
            User user = Owners.resolve(em, caller, owner);
            List<Mood> moods = newestFirst(em, user.getId(), ListQuery.firstPage(1), null, 1);
            if (moods.isEmpty()) {
                throw ProblemException.notFound("mood");
            }
            return MoodView.of(moods.get(0));
        });
    }

    public MoodView get(Caller caller, long moodId) {
        return database.transaction(em -> MoodView.of(Owners.find(em, caller, Mood.class, moodId, LockModeType.NONE)));
    }

    public MoodView update(Caller caller, long moodId, Patch<MoodInput> patch) {
        return database.transaction(em -> {
            Mood mood = Owners.find(em, caller, Mood.class, moodId, LockModeType.PESSIMISTIC_WRITE);
            apply(mood, patch.applyTo(MoodView.toInput(mood)));
            em.flush();
            return MoodView.of(mood);
        });
    }

    public void delete(Caller caller, long moodId) {
        database.transaction(em -> {
            Mood mood = Owners.find(em, caller, Mood.class, moodId, LockModeType.NONE);
            em.createQuery("DELETE FROM Mood m WHERE m.id = :id").setParameter("id", mood.getId()).executeUpdate();
            return null;
        });
    }

    private static List<Mood> newestFirst(EntityManager em, long userId, ListQuery query,
                                          Cursor.Position after, int max) {
        StringBuilder jpql = new StringBuilder("SELECT m FROM Mood m WHERE m.userId = :userId");
        if (query.from() != null) {
            jpql.append(" AND m.date >= :from");
        }
        if (query.to() != null) {
            jpql.append(" AND m.date <= :to");
        }
        if (after != null) {
            jpql.append(" AND (m.date < :afterDate OR (m.date = :afterDate AND m.id < :afterId))");
        }
        jpql.append(" ORDER BY m.date DESC, m.id DESC");
        TypedQuery<Mood> select = em.createQuery(jpql.toString(), Mood.class).setParameter("userId", userId);
        if (query.from() != null) {
            select.setParameter("from", query.from());
        }
        if (query.to() != null) {
            select.setParameter("to", query.to());
        }
        if (after != null) {
            select.setParameter("afterDate", after.date()).setParameter("afterId", after.id());
        }
        return select.setMaxResults(max).getResultList();
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
