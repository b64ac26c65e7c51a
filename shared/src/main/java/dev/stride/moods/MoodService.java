package dev.stride.moods;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
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
import dev.stride.users.User;
import jakarta.persistence.LockModeType;
import java.util.List;

/** A user's moods. */
public final class MoodService {

    private final Database database;

    public MoodService(Database database) {
        this.database = database;
    }

    public Versioned<MoodView> create(Caller caller, UserRef owner, MoodInput input) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            Mood mood = new Mood(user.getId());
            apply(mood, input);
            em.persist(mood);
            em.flush();
            return versioned(mood);
        });
    }

    /** The user's moods, newest first (date, then id), filtered by date range. */
    public Page<MoodView> list(Caller caller, UserRef owner, ListQuery<DateRange> query) {
        DateRange dates = query.filter();
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            // The last part stands where a run list's tag does: mood cursors keep the scope they were issued with.
            String scope = Cursor.scope("moods", user.getId(), dates.from(), dates.to(), null);
            return newestFirst(user).within(dates).page(em, SELECT, Mood.class, query, scope, MoodService::position).map(MoodView::of);
        });
    }

    /** The most recent mood by date (on a tie, the newest); 404 when the user has none. */
    public Versioned<MoodView> latest(Caller caller, UserRef owner) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            List<Mood> moods = newestFirst(user).first(em, SELECT, Mood.class, 1);
            if (moods.isEmpty()) {
                throw new NotFound("mood");
            }
            return versioned(moods.get(0));
        });
    }

    public Versioned<MoodView> get(Caller caller, long moodId) {
        return database.transaction(em -> versioned(Ownership.find(em, caller, Mood.class, moodId, LockModeType.NONE)));
    }

    /** Changes a mood, if it is still in a state {@code precondition} accepts; only its own row is locked. */
    public Versioned<MoodView> update(Caller caller, long moodId, Patch<MoodInput> patch, Precondition precondition) {
        return database.transaction(em -> {
            Mood mood = Ownership.lock(em, caller, Mood.class, moodId, Ownership.Lock.CHANGE);
            precondition.check(revision(mood));
            apply(mood, patch.applyTo(MoodView.toInput(mood)));
            em.flush();
            return versioned(mood);
        });
    }

    /** Deletes a mood in one statement, one round trip (see {@link Ownership#delete}). */
    public void delete(Caller caller, long moodId, Precondition precondition) {
        database.write(em -> {
            Ownership.delete(em, caller, Mood.class, moodId, precondition);
            return null;
        });
    }

    private static Revision revision(Mood mood) {
        return new Revision(mood.getId(), mood.getVersion());
    }

    private static Versioned<MoodView> versioned(Mood mood) {
        return new Versioned<>(MoodView.of(mood), revision(mood));
    }

    private static final String SELECT = "SELECT m.* FROM moods m";

    private static Keyset newestFirst(User user) {
        return Keyset.byDateThenId("m.mood_date", "m.id", 1).where("m.user_id = ?", user.getId());
    }

    private static Cursor.Position position(Mood mood) {
        return new Cursor.Position(mood.getDate(), mood.getId());
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
