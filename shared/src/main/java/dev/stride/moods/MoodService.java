package dev.stride.moods;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.Patch;
import dev.stride.domain.UserRef;
import dev.stride.paging.Cursor;
import dev.stride.paging.DateRange;
import dev.stride.paging.Keyset;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import dev.stride.users.Ownership;
import dev.stride.users.User;
import jakarta.persistence.LockModeType;
import java.util.List;

/** A user's moods. */
public final class MoodService {

    private final Database database;

    public MoodService(Database database) {
        this.database = database;
    }

    public MoodView create(Caller caller, UserRef owner, MoodInput input) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            Mood mood = new Mood(user.getId());
            apply(mood, input);
            em.persist(mood);
            em.flush();
            return MoodView.of(mood);
        });
    }

    /** The user's moods, newest first (date, then id), filtered by date range. */
    public Page<MoodView> list(Caller caller, UserRef owner, ListQuery<DateRange> query) {
        DateRange dates = query.filter();
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            // The last part stands where a run list's tag does: mood cursors keep the scope they were issued with.
            String scope = Cursor.scope("moods", user.getId(), dates.from(), dates.to(), null);
            return newestFirst(user).within(dates).page(em, query, scope).map(MoodView::of);
        });
    }

    /** The most recent mood by date (on a tie, the newest); 404 when the user has none. */
    public MoodView latest(Caller caller, UserRef owner) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            List<Mood> moods = newestFirst(user).first(em, 1);
            if (moods.isEmpty()) {
                throw new NotFound("mood");
            }
            return MoodView.of(moods.get(0));
        });
    }

    public MoodView get(Caller caller, long moodId) {
        return database.transaction(em -> MoodView.of(Ownership.find(em, caller, Mood.class, moodId, LockModeType.NONE)));
    }

    public MoodView update(Caller caller, long moodId, Patch<MoodInput> patch) {
        return database.transaction(em -> {
            Mood mood = Ownership.find(em, caller, Mood.class, moodId, LockModeType.PESSIMISTIC_WRITE);
            apply(mood, patch.applyTo(MoodView.toInput(mood)));
            em.flush();
            return MoodView.of(mood);
        });
    }

    public void delete(Caller caller, long moodId) {
        database.transaction(em -> {
            Mood mood = Ownership.find(em, caller, Mood.class, moodId, LockModeType.NONE);
            em.createQuery("DELETE FROM Mood m WHERE m.id = :id").setParameter("id", mood.getId()).executeUpdate();
            return null;
        });
    }

    private static Keyset<Mood> newestFirst(User user) {
        return Keyset.byDateThenId(Mood.class, "m", mood -> new Cursor.Position(mood.getDate(), mood.getId()))
                .where("m.userId = :userId", "userId", user.getId());
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
