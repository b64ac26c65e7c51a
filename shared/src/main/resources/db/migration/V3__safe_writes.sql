-- Safe writes (API.md, "Safe writes"): a version per user, run and mood for ETags and If-Match;
-- the answers to creates sent with an Idempotency-Key; and run_weeks kept by statement-level
-- triggers, so that one statement touching many runs (erasing a big account) updates the weekly
-- totals once per week instead of once per run.

-- Versions: JPA @Version columns, raised by every change (a run's tags included). Adding a
-- column with a constant default rewrites nothing in PostgreSQL 11 and later.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE runs  ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE moods ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- The first 2xx answer to a POST sent with an Idempotency-Key, written in the same transaction as
-- the create, so that the key and the resource exist together or not at all. Keys belong to their
-- caller (the token's sub). The fingerprint is a SHA-256 of the method, the route and the body.
-- A row is kept 24 hours; expired rows are ignored and removed by idempotency_keys_cleanup().
CREATE TABLE idempotency_keys (
    caller_sub   VARCHAR(128) NOT NULL,
    key          VARCHAR(255) NOT NULL,
    fingerprint  BYTEA        NOT NULL,
    status       SMALLINT     NOT NULL CHECK (status BETWEEN 200 AND 299),
    body         TEXT,
    location     VARCHAR(2048),
    etag         VARCHAR(100),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL DEFAULT now() + interval '24 hours',
    PRIMARY KEY (caller_sub, key)
);
-- The cleanup takes the oldest expired rows first.
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);

-- Removes up to p_limit expired keys and answers how many it removed. Stride calls it with a
-- small limit on every keyed create (so the table holds about one day of keys without any
-- scheduler); an operator may call it with a large one. SKIP LOCKED: never waits on another
-- request's cleanup.
CREATE FUNCTION idempotency_keys_cleanup(p_limit INTEGER) RETURNS INTEGER LANGUAGE sql AS $$
    WITH expired AS (
        SELECT caller_sub, key FROM idempotency_keys
         WHERE expires_at < now()
         ORDER BY expires_at
         LIMIT p_limit
           FOR UPDATE SKIP LOCKED
    ), removed AS (
        DELETE FROM idempotency_keys k USING expired e
         WHERE k.caller_sub = e.caller_sub AND k.key = e.key
        RETURNING 1
    )
    SELECT count(*)::integer FROM removed
$$;

-- run_weeks, statement by statement. The per-row trigger of V2 ran two statements per run: erasing
-- a user with 100,000 runs ran 200,000. These triggers see every row a statement inserted, deleted
-- or changed at once (transition tables) and apply the difference per (user, week) in one pass.
-- Weeks are written in (user_id, week_start) order, the one lock order every writer follows.
DROP TRIGGER runs_keep_weeks ON runs;
DROP FUNCTION runs_keep_weeks();
DROP FUNCTION run_weeks_add(BIGINT, DATE, DOUBLE PRECISION, INTEGER);
DROP FUNCTION run_weeks_remove(BIGINT, DATE, DOUBLE PRECISION, INTEGER);

-- One run as a statement changed it: sign +1 for a run that now counts, -1 for one that no longer
-- does (a changed run is both: -1 as it was, +1 as it is).
CREATE TYPE run_weeks_delta AS (
    sign              INTEGER,
    user_id           BIGINT,
    run_date          DATE,
    distance_km       DOUBLE PRECISION,
    duration_seconds  INTEGER
);

-- Applies a statement's runs to run_weeks: one upsert per week touched, in (user_id, week_start)
-- order. Only the trigger function itself may read its transition tables, so the triggers hand
-- their rows over as an array.
CREATE FUNCTION run_weeks_apply(p_runs run_weeks_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(cardinality(p_runs), 0) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO run_weeks AS w (user_id, week_start, runs, distance_km, timed_seconds, timed_km, longest_km)
    SELECT d.user_id, date_trunc('week', d.run_date)::date,
           sum(d.sign)::integer,
           sum(d.sign * d.distance_km::numeric),
           sum(d.sign * coalesce(d.duration_seconds, 0))::bigint,
           sum(CASE WHEN d.duration_seconds IS NULL THEN 0 ELSE d.sign * d.distance_km::numeric END),
           coalesce(max(d.distance_km) FILTER (WHERE d.sign > 0), 0)
      FROM unnest(p_runs) d
      -- A user erased by this very statement: the cascade from users removes their weeks.
     WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = d.user_id)
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (user_id, week_start) DO UPDATE
       SET runs          = w.runs + EXCLUDED.runs,
           distance_km   = w.distance_km + EXCLUDED.distance_km,
           timed_seconds = w.timed_seconds + EXCLUDED.timed_seconds,
           timed_km      = w.timed_km + EXCLUDED.timed_km,
           longest_km    = greatest(w.longest_km, EXCLUDED.longest_km);

    IF NOT EXISTS (SELECT 1 FROM unnest(p_runs) d WHERE d.sign < 0) THEN
        RETURN; -- only additions: no week emptied, no longest run lost
    END IF;
    DELETE FROM run_weeks w
     USING (SELECT DISTINCT d.user_id, date_trunc('week', d.run_date)::date AS week_start
              FROM unnest(p_runs) d WHERE d.sign < 0) lost
     WHERE w.user_id = lost.user_id AND w.week_start = lost.week_start AND w.runs <= 0;
    -- A week that lost the run that was its longest: look again, within that week only.
    UPDATE run_weeks w
       SET longest_km = (SELECT max(r.distance_km) FROM runs r
                          WHERE r.user_id = w.user_id AND r.run_date BETWEEN w.week_start AND w.week_start + 6)
      FROM (SELECT d.user_id, date_trunc('week', d.run_date)::date AS week_start, max(d.distance_km) AS km
              FROM unnest(p_runs) d WHERE d.sign < 0 GROUP BY 1, 2) lost
     WHERE w.user_id = lost.user_id AND w.week_start = lost.week_start AND lost.km >= w.longest_km;
END $$;

CREATE FUNCTION runs_weeks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM run_weeks_apply(ARRAY(
        SELECT ROW(1, user_id, run_date, distance_km, duration_seconds)::run_weeks_delta FROM new_runs));
    RETURN NULL;
END $$;

CREATE FUNCTION runs_weeks_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM run_weeks_apply(ARRAY(
        SELECT ROW(-1, user_id, run_date, distance_km, duration_seconds)::run_weeks_delta FROM old_runs));
    RETURN NULL;
END $$;

CREATE FUNCTION runs_weeks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only runs whose owner, date, distance or duration changed count: a new title, a new tag or
    -- a raised version changes no total.
    PERFORM run_weeks_apply(ARRAY(
        SELECT ROW(s.sign, s.user_id, s.run_date, s.distance_km, s.duration_seconds)::run_weeks_delta
          FROM old_runs o
          JOIN new_runs n ON n.id = o.id
         CROSS JOIN LATERAL (VALUES (-1, o.user_id, o.run_date, o.distance_km, o.duration_seconds),
                                    (1, n.user_id, n.run_date, n.distance_km, n.duration_seconds))
               AS s(sign, user_id, run_date, distance_km, duration_seconds)
         WHERE (o.user_id, o.run_date, o.distance_km, o.duration_seconds)
               IS DISTINCT FROM (n.user_id, n.run_date, n.distance_km, n.duration_seconds)));
    RETURN NULL;
END $$;

CREATE TRIGGER runs_weeks_inserted AFTER INSERT ON runs
REFERENCING NEW TABLE AS new_runs FOR EACH STATEMENT EXECUTE FUNCTION runs_weeks_inserted();
CREATE TRIGGER runs_weeks_deleted AFTER DELETE ON runs
REFERENCING OLD TABLE AS old_runs FOR EACH STATEMENT EXECUTE FUNCTION runs_weeks_deleted();
CREATE TRIGGER runs_weeks_updated AFTER UPDATE ON runs
REFERENCING OLD TABLE AS old_runs NEW TABLE AS new_runs FOR EACH STATEMENT EXECUTE FUNCTION runs_weeks_updated();
