package dev.stride.runs;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.Patch;
import dev.stride.domain.Precondition;
import dev.stride.domain.Revision;
import dev.stride.domain.UserRef;
import dev.stride.domain.Versioned;
import dev.stride.paging.Cursor;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import dev.stride.users.Ownership;
import dev.stride.users.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

    public Versioned<RunView> create(Caller caller, UserRef owner, RunInput input) {
        return database.transaction(em -> {
            User user = Ownership.resolve(em, caller, owner);
            Run run = new Run(user.getId());
            apply(em, run, input);
            if (run.getDate() == null) {
                run.setDate(LocalDate.now(clock));
            }
            em.persist(run);
            em.flush();
            return versioned(run);
        });
    }

    /**
     * The user's runs, newest first (date, then id), filtered by date range and tag: one statement,
     * one round trip, in autocommit. The user (if the caller may reach it) with a page of its runs,
     * each with its tags as an array ({@link #GET_COLUMNS}), fetched with one run more to tell
     * whether a next page exists; no run: one row of nulls beside the user's id; no row: no such
     * user for this caller.
     */
    public Page<RunView> list(Caller caller, UserRef owner, ListQuery<RunFilter> query) {
        RunFilter filter = query.filter();
        Cursor.Issued after = query.cursor() == null ? null : Cursor.read(query.cursor());
        List<Object> values = new ArrayList<>();
        values.add(null); // ?1: the owner's key, bound by Ownership.bind
        StringBuilder runs = new StringBuilder(GET_COLUMNS).append(" WHERE r.user_id = owner.id");
        if (filter.tag() != null) {
            runs.append(" AND EXISTS (SELECT 1 FROM run_tags rt JOIN tags t ON t.id = rt.tag_id"
                    + " WHERE rt.run_id = r.id AND t.name = ").append(parameter(values, filter.tag())).append(')');
        }
        if (filter.dates().from() != null) {
            runs.append(" AND r.run_date >= ").append(parameter(values, filter.dates().from()));
        }
        if (filter.dates().to() != null) {
            runs.append(" AND r.run_date <= ").append(parameter(values, filter.dates().to()));
        }
        if (after != null) {
            // A cursor without a date (another list's) finds nothing here, and within() refuses it below.
            runs.append(" AND (r.run_date, r.id) < (CAST(").append(parameter(values, after.position().date())).append(" AS date)")
                    .append(", ").append(parameter(values, after.position().id())).append(')');
        }
        // The limit written out (an int, 1 to 101): with a parameter there, PostgreSQL plans every
        // execution anew (0.2 ms, as much as running it); with a number it keeps one plan.
        runs.append(" ORDER BY r.run_date DESC, r.id DESC LIMIT ").append(query.limit() + 1);
        int subParameter = values.size() + 1;
        String statement = "WITH owner AS MATERIALIZED (SELECT id FROM users WHERE "
                + Ownership.condition(caller, owner, subParameter) + ")"
                + " SELECT page.*, owner.id FROM owner LEFT JOIN LATERAL (" + runs + ") page ON true";
        return database.read(em -> {
            Query select = Ownership.bind(em.createNativeQuery(statement), caller, owner, subParameter);
            for (int i = 1; i < values.size(); i++) {
                select.setParameter(i + 1, values.get(i));
            }
            List<?> rows = select.getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("user");
            }
            Object[] first = (Object[]) rows.get(0);
            long userId = ((Number) first[first.length - 1]).longValue();
            String scope = Cursor.scope("runs", userId, filter.dates().from(), filter.dates().to(), filter.tag());
            if (after != null) {
                after.within(scope);
            }
            List<RunView> page = new ArrayList<>(rows.size());
            for (Object row : rows) {
                if (((Object[]) row)[0] != null) {
                    page.add(RunView.of((Object[]) row));
                }
            }
            return Page.of(page, query.limit(), scope, run -> new Cursor.Position(run.date(), run.id()));
        });
    }

    /** Adds a value to a statement's numbered parameters; answers its marker ({@code ?n}). */
    private static String parameter(List<Object> values, Object value) {
        values.add(value);
        return "?" + values.size();
    }

    /** One statement, one round trip: the run, its owner check, its tags and its version together, in autocommit. */
    public Versioned<RunView> get(Caller caller, long runId) {
        return database.read(em -> {
            Query select = em.createNativeQuery(caller.admin() ? GET_ANY : GET_OWNED).setParameter(1, runId);
            if (!caller.admin()) {
                select.setParameter(2, caller.sub());
            }
            List<?> rows = select.getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("run");
            }
            Object[] row = (Object[]) rows.get(0);
            return new Versioned<>(RunView.of(row), runId, ((Number) row[13]).longValue());
        });
    }

    // The columns RunView.of(Object[]) reads, the tags' names as an array, then the version.
    private static final String GET_COLUMNS = """
            SELECT r.id, r.user_id, r.distance, r.unit, r.distance_km, r.run_date, r.duration_seconds,
                   r.mood, r.title, r.notes, r.created_at, r.updated_at,
                   ARRAY(SELECT t.name FROM run_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.run_id = r.id),
                   r.version
              FROM runs r""";
    private static final String GET_OWNED = GET_COLUMNS + " JOIN users u ON u.id = r.user_id WHERE r.id = ?1 AND u.owner_sub = ?2";
    private static final String GET_ANY = GET_COLUMNS + " WHERE r.id = ?1";

    /**
     * Changes a run, if it is still in a state {@code precondition} accepts. Only the run's own row
     * is locked (unit and distance together make distance_km, so two PATCHes must not interleave);
     * then new tags, the run, its weekly totals and its tag links: the order every writer follows.
     */
    public Versioned<RunView> update(Caller caller, long runId, Patch<RunInput> patch, Precondition precondition) {
        return database.transaction(em -> {
            Run run = Ownership.lock(em, caller, Run.class, runId, Ownership.Lock.CHANGE);
            precondition.check(revision(run));
            RunInput changed = patch.applyTo(RunView.toInput(run));
            apply(em, run, changed);
            em.flush();
            return versioned(run);
        });
    }

    public void delete(Caller caller, long runId, Precondition precondition) {
        database.transaction(em -> {
            Run run = Ownership.lock(em, caller, Run.class, runId, Ownership.Lock.DELETE);
            precondition.check(revision(run));
            em.createQuery("DELETE FROM Run r WHERE r.id = :id").setParameter("id", run.getId()).executeUpdate();
            return null;
        });
    }

    private static Revision revision(Run run) {
        return new Revision(run.getId(), run.getVersion());
    }

    private static Versioned<RunView> versioned(Run run) {
        return new Versioned<>(RunView.of(run), revision(run));
    }

    private static void apply(EntityManager em, Run run, RunInput input) {
        // New tags first: the lock order of every writer is tags, then the run's row, its weekly
        // totals and its tag links. (Inserting a tag makes EclipseLink flush the run's pending
        // changes first, which would write run_weeks before the tag; then a create adding the same
        // new tag at once deadlocks with this change.)
        List<String> names = Tags.normalise(input.tags());
        List<String> current = run.getTags().stream().map(Tag::getName).sorted().toList();
        List<Tag> tags = names.equals(current) ? null : Tags.findOrCreate(em, names);
        DistanceUnit unit = input.unit() == null
                ? DistanceUnit.KM
                : DistanceUnit.fromCode(input.unit()).orElseThrow();
        run.setDistance(input.distance(), unit);
        run.setDate(input.date());
        run.setDurationSeconds(input.durationSeconds());
        run.setMood(input.mood());
        run.setTitle(input.title());
        run.setNotes(input.notes());
        if (tags != null) {
            run.setTags(tags);
        }
    }
}
