package dev.stride.instance;

import dev.stride.db.Database;
import dev.stride.db.TransactionHook;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A request primed for real, writing nothing: its unit of work runs as usual (its statements
 * prepared, its rows written, its COMMIT sent), but everything after the transaction's start is
 * undone before that COMMIT ({@code SAVEPOINT} first, {@code ROLLBACK TO SAVEPOINT} last), so the
 * COMMIT commits nothing. Inside that, it first gives the priming caller a profile of its own, with
 * one run and one mood ({@link #runId()}, {@link #moodId()}), so that a create, a PATCH and a
 * DELETE reach their writes instead of stopping at a 404, and a read answers that profile, run or
 * mood in full (reads join it too, in a transaction of their own: {@link #joinsReads()}).
 *
 * <p>The profile holds one of two {@linkplain History histories}: a new user's single run and
 * mood, every optional field filled, or a lived-in one, more than a page of runs and moods with
 * optional fields empty and several tags. A real request meets either, and its path differs with
 * them (nulls read and written, tags sorted, a next page's cursor, a list outgrowing its first
 * array), so priming around a snapshot runs over both.
 *
 * <p>The caller and the ids are new for every instance (ids from the top half of the identity
 * range, which a table never reaches), so instances priming at once never wait on each other.
 */
public final class RolledBackWrites implements TransactionHook {

    private static final String SAVEPOINT = "SAVEPOINT stride_priming";
    private static final String ROLLBACK = "ROLLBACK TO SAVEPOINT stride_priming";

    // The caller's profile (id ?1, sub ?2), which both seeds begin with.
    private static final String PROFILE = """
            WITH profile AS (
                   INSERT INTO users (id, owner_sub, username, email, created_at, updated_at) OVERRIDING SYSTEM VALUE
                   VALUES (?1, ?2, 'Priming', ?2 || '@priming.invalid', now(), now())
                   RETURNING id),
            """;

    // The profile, a run with a tag of its own (named after the caller: no other instance waits on
    // it) and a mood, with ids given (OVERRIDING SYSTEM VALUE: the columns are identities), in one
    // statement. The tag, and every optional column filled, because a real run or mood has them:
    // reading them, and a PATCH checking them again (a duration's bounds), is part of its path;
    // without a duration, a real PATCH of a run met that check, and a class, for the first time.
    private static final String SEED = PROFILE + """
                 run AS (
                   INSERT INTO runs (id, user_id, distance, unit, distance_km, run_date, duration_seconds, mood, title, notes,
                                     created_at, updated_at) OVERRIDING SYSTEM VALUE
                   SELECT ?3, id, 5, 'km', 5, current_date, 1800, 'Fine', 'Priming', 'Priming', now(), now() FROM profile
                   RETURNING id),
                 tag AS (
                   INSERT INTO tags (name) VALUES (right(?2, 30))
                   RETURNING id),
                 run_tag AS (
                   INSERT INTO run_tags (run_id, tag_id) SELECT run.id, tag.id FROM run, tag),
                 mood AS (
                   INSERT INTO moods (id, user_id, description, mood_date, positivity, stress, energy, calmness, motivation, note,
                                      created_at, updated_at) OVERRIDING SYSTEM VALUE
                   SELECT ?4, id, 'Priming', current_date, 3, 3, 3, 3, 3, 'Priming', now(), now() FROM profile)
            SELECT id FROM profile""";

    // The same profile with a history (ids ?3 and up, ?4 and up): 24 runs, one every third day, in
    // miles, each with two tags of the caller's own, the newest (?3) with every optional field
    // empty and the others with some; 24 moods, one a day, without notes, some scores empty. More
    // than a page (ListQuery.DEFAULT_LIMIT) of each, over ten weeks of the dashboard.
    private static final String SEED_LIVED_IN = PROFILE + """
                 run AS (
                   INSERT INTO runs (id, user_id, distance, unit, distance_km, run_date, duration_seconds, mood, title, notes,
                                     created_at, updated_at) OVERRIDING SYSTEM VALUE
                   SELECT ?3 + i, id, 3.1 + i * 0.37, 'mi', (3.1 + i * 0.37) * 1.609344, current_date - 3 * i,
                          CASE WHEN i % 2 = 1 THEN 1500 + 97 * i END, CASE WHEN i % 3 = 1 THEN 'Tired' END,
                          CASE WHEN i % 2 = 1 THEN 'Run ' || i END, NULL, now(), now()
                     FROM profile, generate_series(0, 23) i
                   RETURNING id),
                 tag AS (
                   INSERT INTO tags (name) VALUES ('a-' || right(?2, 28)), ('b-' || right(?2, 28))
                   RETURNING id),
                 run_tag AS (
                   INSERT INTO run_tags (run_id, tag_id) SELECT run.id, tag.id FROM run, tag),
                 mood AS (
                   INSERT INTO moods (id, user_id, description, mood_date, positivity, stress, energy, calmness, motivation, note,
                                      created_at, updated_at) OVERRIDING SYSTEM VALUE
                   SELECT ?4 + i, id, 'Priming', current_date - i, CASE WHEN i % 2 = 1 THEN 1 + i % 5 END, 1 + i % 5, 3,
                          1 + (i + 2) % 5, CASE WHEN i % 3 = 1 THEN 5 END, NULL, now(), now()
                     FROM profile, generate_series(0, 23) i)
            SELECT id FROM profile""";

    /** What the priming caller's profile holds inside a request run over it. */
    public enum History {
        /** One run (one tag, every optional field filled) and one mood (with a note): a new user's. */
        NEW(SEED),
        /**
         * 24 runs in miles with two tags each and 24 moods without notes, some optional fields
         * empty (every one of them on the run the requests name; two scores and the note on the
         * mood): a page and more of each.
         */
        LIVED_IN(SEED_LIVED_IN);

        private final String seed;

        History(String seed) {
            this.seed = seed;
        }
    }

    private final String caller;
    private final long userId;
    private final long runId;
    private final long moodId;
    private History history;

    public RolledBackWrites(String callerPrefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.caller = callerPrefix + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        this.userId = (1L << 62) + random.nextLong(1L << 61);
        this.runId = (1L << 62) + random.nextLong(1L << 61);
        this.moodId = (1L << 62) + random.nextLong(1L << 61);
    }

    /** The caller whose profile the writes reach: pass it as the request's {@code sub}. */
    public String caller() {
        return caller;
    }

    /** The id of the caller's profile (inside a request run with one). */
    public long userId() {
        return userId;
    }

    public long runId() {
        return runId;
    }

    public long moodId() {
        return moodId;
    }

    /**
     * Runs {@code request} with every unit of work it runs rolled back as described above; the
     * caller has a profile with {@code history} in it, or none when {@code history} is null.
     */
    public <T> T run(History history, Supplier<T> request) {
        this.history = history;
        return Database.withHook(this, request);
    }

    /** The caller's own tags: the one a {@linkplain History#NEW new} profile's run has, then the lived-in runs' two. */
    public List<String> tags() {
        return List.of(right(caller, 30), "a-" + right(caller, 28), "b-" + right(caller, 28));
    }

    private static String right(String text, int length) {
        return text.substring(Math.max(0, text.length() - length));
    }

    @Override
    public void begin(EntityManager em) {
        em.createNativeQuery(SAVEPOINT).executeUpdate();
        if (history != null) {
            em.createNativeQuery(history.seed)
                    .setParameter(1, userId)
                    .setParameter(2, caller)
                    .setParameter(3, runId)
                    .setParameter(4, moodId)
                    .getResultList();
        }
    }

    @Override
    public void beforeCommit(EntityManager em, Object result) {
        em.createNativeQuery(ROLLBACK).executeUpdate();
    }

    /** Reads too: a read primed over the profile, run and mood sees them, and answers them in full. */
    @Override
    public boolean joinsReads() {
        return true;
    }
}
