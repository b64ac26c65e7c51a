package dev.stride.runs;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.Patch;
import dev.stride.domain.UserRef;
import dev.stride.paging.Cursor;
import dev.stride.paging.Keyset;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import dev.stride.users.Ownership;
import dev.stride.users.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A user's runs. */
public final class RunService {

    private final Database database;
    private final Clock clock;

    public RunService(Database database) {
        this(database, Clock.systemUTC());
    }

    public RunService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public RunView create(Caller caller, UserRef owner, RunInput input) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            Run run = new Run(user.getId());
            apply(em, run, input);
            if (run.getDate() == null) {
                run.setDate(LocalDate.now(clock));
            }
            em.persist(run);
            em.flush();
            return RunView.of(run);
        });
    }

    /** The user's runs, newest first (date, then id), filtered by date range and tag. */
    public Page<RunView> list(Caller caller, UserRef owner, ListQuery<RunFilter> query) {
        RunFilter filter = query.filter();
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            Keyset<Run> runs = Keyset.byDateThenId(Run.class, "r", run -> new Cursor.Position(run.getDate(), run.getId()));
            if (filter.tag() != null) {
                runs.join("JOIN r.tags t");
            }
            runs.where("r.userId = :userId", "userId", user.getId())
                    .whereGiven("t.name = :tag", "tag", filter.tag())
                    .within(filter.dates());
            String scope = Cursor.scope("runs", user.getId(), filter.dates().from(), filter.dates().to(), filter.tag());
            return runs.page(em, query, scope).map(RunView::of);
        });
    }

    public RunView get(Caller caller, long runId) {
        return database.transaction(em -> RunView.of(Ownership.find(em, caller, Run.class, runId, LockModeType.NONE)));
    }

    public RunView update(Caller caller, long runId, Patch<RunInput> patch) {
        return database.transaction(em -> {
            // Locked: unit and distance together make distance_km, so two PATCHes must not interleave.
            Run run = Ownership.find(em, caller, Run.class, runId, LockModeType.PESSIMISTIC_WRITE);
            RunInput changed = patch.applyTo(RunView.toInput(run));
            apply(em, run, changed);
            em.flush();
            return RunView.of(run);
        });
    }

    public void delete(Caller caller, long runId) {
        database.transaction(em -> {
            Run run = Ownership.find(em, caller, Run.class, runId, LockModeType.NONE);
            em.createQuery("DELETE FROM Run r WHERE r.id = :id").setParameter("id", run.getId()).executeUpdate();
            return null;
        });
    }

    private static void apply(EntityManager em, Run run, RunInput input) {
        DistanceUnit unit = input.unit() == null
                ? DistanceUnit.KM
                : DistanceUnit.fromCode(input.unit()).orElseThrow();
        run.setDistance(input.distance(), unit);
        run.setDate(input.date());
        run.setDurationSeconds(input.durationSeconds());
        run.setMood(input.mood());
        run.setTitle(input.title());
        run.setNotes(input.notes());
        List<String> names = Tags.normalise(input.tags());
        List<String> current = run.getTags().stream().map(Tag::getName).sorted().toList();
        if (!names.equals(current)) {
            run.setTags(Tags.findOrCreate(em, names));
        }
    }
}
