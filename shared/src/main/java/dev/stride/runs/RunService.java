package dev.stride.runs;

import dev.stride.db.Database;
import dev.stride.db.NativeSql;
import dev.stride.db.SqlArray;
import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.Patch;
import dev.stride.domain.Precondition;
import dev.stride.domain.UserRef;
import dev.stride.domain.Versioned;
import dev.stride.paging.Cursor;
import dev.stride.paging.Keyset;
import dev.stride.paging.ListQuery;
import dev.stride.paging.Page;
import dev.stride.users.Ownership;
import dev.stride.users.User;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /**
     * Records a run in three round trips: the new tags (BEGIN sent with it), the run with its owner
     * check and tag links in one statement, COMMIT. A run without tags is that one statement alone,
     * in autocommit: one round trip, and the owner's weekly totals row (run_weeks, which every
     * create of that owner updates) is locked only while the statement and its commit run, not
     * across two more round trips.
     */
    public Versioned<RunView> create(Caller caller, UserRef owner, RunInput input) {
        List<String> tags = Tags.normalise(input.tags());
        DistanceUnit unit = input.unit() == null ? DistanceUnit.KM : DistanceUnit.fromCode(input.unit()).orElseThrow();
        LocalDate date = input.date() == null ? LocalDate.now(clock) : input.date();
        NativeSql statement = INSERTS.computeIfAbsent(Ownership.condition(caller, owner, OWNER_SUB_PARAMETER),
                condition -> NativeSql.of(INSERT.formatted(condition)));
        Function<EntityManager, Versioned<RunView>> work = em -> {
            // New tags first: the lock order of every writer is tags, then the run's row, its tag
            // links and its weekly totals.
            Tags.insertMissing(em, tags);
            NativeSql.Execution insert = statement.on(em)
                    .setDouble(2, input.distance())
                    .setText(3, unit.code())
                    .setDouble(4, unit.toKm(input.distance()))
                    .setDate(5, date)
                    .setInteger(6, input.durationSeconds())
                    .setText(7, input.mood())
                    .setText(8, input.title())
                    .setText(9, input.notes())
                    .setText(10, SqlArray.literal(tags));
            return found(Ownership.bind(insert, caller, owner, OWNER_SUB_PARAMETER).first(RunService::versioned), "user");
        };
        return tags.isEmpty() ? database.write(work) : database.transaction(work);
    }

    // The columns RunView.of reads (id to updated_at) of the run a write returned (`run r`).
    private static final String WRITTEN_COLUMNS = "r.id, r.user_id, r.distance, r.unit, r.distance_km, r.run_date, "
            + "r.duration_seconds, r.mood, r.title, r.notes, r.created_at, r.updated_at";

    // The run, inserted only if the owner is found (%s: Ownership.condition on users, the owner's key
    // ?1 and the caller's sub ?11 where it needs one), with its links to the tags named in ?10,
    // answered as the single read answers it (GET_COLUMNS). The tags exist already
    // (Tags.insertMissing, an earlier statement: this one would not see rows it inserted itself);
    // the statement-level run_weeks trigger fires at its end.
    private static final String INSERT = """
            WITH owner AS (SELECT id FROM users WHERE %s),
                 run AS (INSERT INTO runs (user_id, distance, unit, distance_km, run_date, duration_seconds, mood, title, notes,
                                           created_at, updated_at)
                         SELECT owner.id, ?2, ?3, ?4, ?5, CAST(?6 AS integer), ?7, ?8, ?9, now(), now() FROM owner
                         RETURNING *),
                 links AS (INSERT INTO run_tags (run_id, tag_id)
                           SELECT run.id, t.id FROM run, tags t WHERE t.name = ANY (CAST(?10 AS varchar[])))
            SELECT %s,
                   ARRAY(SELECT t.name FROM tags t WHERE t.name = ANY (CAST(?10 AS varchar[])) ORDER BY t.name),
                   r.version
              FROM run r""".formatted("%s", WRITTEN_COLUMNS);
    private static final int OWNER_SUB_PARAMETER = 11;
    // INSERT for each form of the owner condition (a user id or me, an admin or not): built once.
    private static final Map<String, NativeSql> INSERTS = new ConcurrentHashMap<>();

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
        // ?1 is the owner's key (Ownership.bind); the list's own values follow.
        Keyset runs = Keyset.byDateThenId("r.run_date", "r.id", 2)
                .where("r.user_id = owner.id")
                .whereGiven("EXISTS (SELECT 1 FROM run_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.run_id = r.id AND t.name = ?)",
                        filter.tag())
                .within(filter.dates());
        if (after != null) {
            // A cursor without a date (another list's) finds nothing here, and within() refuses it below.
            runs.after(after.position());
        }
        int subParameter = runs.nextParameter();
        String statement = "WITH owner AS MATERIALIZED (SELECT id FROM users WHERE "
                + Ownership.condition(caller, owner, subParameter) + ")"
                + " SELECT page.*, owner.id FROM owner LEFT JOIN LATERAL (" + GET_COLUMNS + runs.sql(query.limit() + 1) + ") page ON true";
        return database.read(em -> {
            List<?> rows = runs.bind(Ownership.bind(em.createNativeQuery(statement), caller, owner, subParameter)).getResultList();
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

    /** One statement, one round trip: the run, its owner check, its tags and its version together, in autocommit. */
    public Versioned<RunView> get(Caller caller, long runId) {
        return database.read(em -> found(owned(caller.admin() ? GET_ANY : GET_OWNED, em, caller, runId).first(RunService::versioned),
                "run"));
    }

    /** {@code statement} (a run's single read) bound to the run and, unless the caller is an admin, to the caller's sub. */
    private static NativeSql.Execution owned(NativeSql statement, EntityManager em, Caller caller, long runId) {
        NativeSql.Execution select = statement.on(em).setLong(1, runId);
        return caller.admin() ? select : select.setText(2, caller.sub());
    }

    // The columns RunView.of(Object[]) reads, the tags' names as an array, then the version.
    private static final String GET_COLUMNS = """
            SELECT r.id, r.user_id, r.distance, r.unit, r.distance_km, r.run_date, r.duration_seconds,
                   r.mood, r.title, r.notes, r.created_at, r.updated_at,
                   ARRAY(SELECT t.name FROM run_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.run_id = r.id),
                   r.version
              FROM runs r""";
    private static final String OWNED = GET_COLUMNS + " JOIN users u ON u.id = r.user_id WHERE r.id = ?1 AND u.owner_sub = ?2";
    private static final String ANY = GET_COLUMNS + " WHERE r.id = ?1";
    private static final NativeSql GET_OWNED = NativeSql.of(OWNED);
    private static final NativeSql GET_ANY = NativeSql.of(ANY);

    /**
     * Changes a run, if it is still in a state {@code precondition} accepts, in three round trips:
     * the run with its tags, its row locked (BEGIN sent with it); new tags if any; the change with
     * the run's tag links in one statement; COMMIT. Only the run's own row is locked (unit and
     * distance together make distance_km, so two PATCHes must not interleave). A PATCH that changes
     * nothing writes nothing and keeps the version.
     */
    public Versioned<RunView> update(Caller caller, long runId, Patch<RunInput> patch, Precondition precondition) {
        return database.transaction(em -> {
            Locked locked = found(owned(caller.admin() ? LOCK_ANY : LOCK_OWNED, em, caller, runId).first(Locked::read), "run");
            precondition.check(locked.run().revision());
            RunInput current = locked.input();
            RunInput changed = patch.applyTo(current);
            List<String> tags = Tags.normalise(changed.tags());
            if (current.equals(new RunInput(changed.distance(), changed.unit(), changed.date(), changed.durationSeconds(),
                    changed.mood(), changed.title(), changed.notes(), tags))) {
                return locked.run();
            }
            if (!tags.equals(current.tags())) {
                // New tags first: the lock order of every writer (see create).
                Tags.insertMissing(em, tags);
            }
            DistanceUnit unit = DistanceUnit.fromCode(changed.unit()).orElseThrow();
            return found(UPDATE.on(em)
                    .setLong(1, runId)
                    .setDouble(2, changed.distance())
                    .setText(3, unit.code())
                    .setDouble(4, unit.toKm(changed.distance()))
                    .setDate(5, changed.date())
                    .setInteger(6, changed.durationSeconds())
                    .setText(7, changed.mood())
                    .setText(8, changed.title())
                    .setText(9, changed.notes())
                    .setText(10, SqlArray.literal(tags))
                    .first(RunService::versioned), "run");
        });
    }

    /** A run read with its row locked: as answered, and its stored values, what a PATCH is laid over. */
    private record Locked(Versioned<RunView> run, RunInput input) {
        static Locked read(ResultSet row) throws SQLException {
            return new Locked(versioned(row), RunView.toInput(row));
        }
    }

    // The single read's columns with the run's row locked: FOR NO KEY UPDATE does not block the
    // FOR KEY SHARE that inserting a tag link takes.
    private static final NativeSql LOCK_OWNED = NativeSql.of(OWNED + " FOR NO KEY UPDATE OF r");
    private static final NativeSql LOCK_ANY = NativeSql.of(ANY + " FOR NO KEY UPDATE");

    // Every column written and the version raised (even when only the tags changed: they are part
    // of the run's state); the run's links made exactly the tags named in ?10, which exist already;
    // answered as the single read answers it. The run_weeks trigger fires at the statement's end
    // and changes nothing when no total changed.
    private static final NativeSql UPDATE = NativeSql.of("""
            WITH run AS (UPDATE runs SET distance = ?2, unit = ?3, distance_km = ?4, run_date = ?5, duration_seconds = CAST(?6 AS integer),
                                         mood = ?7, title = ?8, notes = ?9, updated_at = now(), version = version + 1
                          WHERE id = ?1
                         RETURNING *),
                 unlinked AS (DELETE FROM run_tags rt
                               WHERE rt.run_id = ?1
                                 AND rt.tag_id NOT IN (SELECT t.id FROM tags t WHERE t.name = ANY (CAST(?10 AS varchar[])))),
                 linked AS (INSERT INTO run_tags (run_id, tag_id)
                            SELECT ?1, t.id FROM tags t WHERE t.name = ANY (CAST(?10 AS varchar[]))
                            ON CONFLICT DO NOTHING)
            SELECT %s,
                   ARRAY(SELECT t.name FROM tags t WHERE t.name = ANY (CAST(?10 AS varchar[])) ORDER BY t.name),
                   r.version
              FROM run r""".formatted(WRITTEN_COLUMNS));

    /** Deletes a run in one statement, one round trip (see {@link Ownership#delete}); its tag links go with it (ON DELETE CASCADE). */
    public void delete(Caller caller, long runId, Precondition precondition) {
        database.write(em -> {
            Ownership.delete(em, caller, Run.class, runId, precondition);
            return null;
        });
    }

    /** What a single-row statement answered, 404 ({@code what}) when it answered nothing. */
    private static <T> T found(T row, String what) {
        if (row == null) {
            throw new NotFound(what);
        }
        return row;
    }

    /** The run and its version from a row of the single read's columns ({@link #GET_COLUMNS}). */
    private static Versioned<RunView> versioned(ResultSet row) throws SQLException {
        return new Versioned<>(RunView.of(row), row.getLong(1), row.getLong(14));
    }
}
