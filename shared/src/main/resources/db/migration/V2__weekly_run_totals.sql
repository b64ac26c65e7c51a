-- Weekly totals of each user's runs, kept up to date by a trigger, so that the dashboard costs
-- what its answer holds (one row a week) and not what the user has ever run.
-- Weeks start on Monday, as date_trunc('week') does.

CREATE TABLE run_weeks (
    user_id        BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week_start     DATE    NOT NULL,
    runs           INTEGER NOT NULL,
    distance_km    NUMERIC NOT NULL,
    timed_seconds  BIGINT  NOT NULL,
    timed_km       NUMERIC NOT NULL,
    longest_km     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (user_id, week_start)
);

CREATE FUNCTION run_weeks_add(p_user BIGINT, p_date DATE, p_km DOUBLE PRECISION, p_seconds INTEGER)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO run_weeks AS w (user_id, week_start, runs, distance_km, timed_seconds, timed_km, longest_km)
    VALUES (p_user, date_trunc('week', p_date)::date, 1, p_km::numeric, coalesce(p_seconds, 0),
            CASE WHEN p_seconds IS NULL THEN 0 ELSE p_km::numeric END, p_km)
    ON CONFLICT (user_id, week_start) DO UPDATE
       SET runs          = w.runs + 1,
           distance_km   = w.distance_km + EXCLUDED.distance_km,
           timed_seconds = w.timed_seconds + EXCLUDED.timed_seconds,
           timed_km      = w.timed_km + EXCLUDED.timed_km,
           longest_km    = greatest(w.longest_km, EXCLUDED.longest_km);
END $$;

CREATE FUNCTION run_weeks_remove(p_user BIGINT, p_date DATE, p_km DOUBLE PRECISION, p_seconds INTEGER)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_week DATE := date_trunc('week', p_date)::date;
    v_row  run_weeks%ROWTYPE;
BEGIN
    UPDATE run_weeks
       SET runs          = runs - 1,
           distance_km   = distance_km - p_km::numeric,
           timed_seconds = timed_seconds - coalesce(p_seconds, 0),
           timed_km      = timed_km - CASE WHEN p_seconds IS NULL THEN 0 ELSE p_km::numeric END
     WHERE user_id = p_user AND week_start = v_week
    RETURNING * INTO v_row;
    IF NOT FOUND THEN
        RETURN; -- the user is being deleted: the cascade removes the week too
    END IF;
    IF v_row.runs = 0 THEN
        DELETE FROM run_weeks WHERE user_id = p_user AND week_start = v_week;
    ELSIF p_km >= v_row.longest_km THEN
        -- The longest run of the week may be the one removed: look again, within that week only.
        UPDATE run_weeks
           SET longest_km = (SELECT max(distance_km) FROM runs
                              WHERE user_id = p_user AND run_date BETWEEN v_week AND v_week + 6)
         WHERE user_id = p_user AND week_start = v_week;
    END IF;
END $$;

CREATE FUNCTION runs_keep_weeks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM run_weeks_remove(OLD.user_id, OLD.run_date, OLD.distance_km, OLD.duration_seconds);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM run_weeks_add(NEW.user_id, NEW.run_date, NEW.distance_km, NEW.duration_seconds);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER runs_keep_weeks
AFTER INSERT OR DELETE OR UPDATE OF user_id, run_date, distance_km, duration_seconds ON runs
FOR EACH ROW EXECUTE FUNCTION runs_keep_weeks();

-- Existing runs, once.
INSERT INTO run_weeks (user_id, week_start, runs, distance_km, timed_seconds, timed_km, longest_km)
SELECT user_id, date_trunc('week', run_date)::date, count(*), sum(distance_km::numeric),
       coalesce(sum(duration_seconds), 0),
       coalesce(sum(distance_km::numeric) FILTER (WHERE duration_seconds IS NOT NULL), 0),
       max(distance_km)
  FROM runs
 GROUP BY 1, 2;
