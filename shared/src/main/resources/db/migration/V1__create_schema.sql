-- Stride's first schema: users own runs and moods; runs and tags meet in run_tags.
-- Every query the API runs has an index below; deleting a user deletes their runs and moods
-- in the database, in one statement.

CREATE TABLE users (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_sub   VARCHAR(255) NOT NULL,
    username    VARCHAR(80)  NOT NULL,
    email       VARCHAR(120) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
-- One profile per caller (the token's sub): the lookup behind every request.
CREATE UNIQUE INDEX users_owner_sub_key ON users (owner_sub);
-- Emails are compared case-insensitively.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE runs (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           BIGINT           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    distance          DOUBLE PRECISION NOT NULL CHECK (distance > 0 AND distance <= 1000),
    unit              VARCHAR(2)       NOT NULL CHECK (unit IN ('km', 'mi')),
    distance_km       DOUBLE PRECISION NOT NULL CHECK (distance_km > 0),
    run_date          DATE             NOT NULL,
    duration_seconds  INTEGER          CHECK (duration_seconds BETWEEN 1 AND 604800),
    mood              VARCHAR(50),
    title             VARCHAR(100),
    notes             VARCHAR(2000),
    created_at        TIMESTAMPTZ      NOT NULL,
    updated_at        TIMESTAMPTZ      NOT NULL
);
-- A user's runs, newest first: lists, keyset paging, date filters and the dashboard.
CREATE INDEX runs_user_date_id_idx ON runs (user_id, run_date DESC, id DESC);

CREATE TABLE tags (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name  VARCHAR(30) NOT NULL
);
CREATE UNIQUE INDEX tags_name_key ON tags (name);

CREATE TABLE run_tags (
    run_id  BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    tag_id  BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (run_id, tag_id)
);
-- The tag filter goes from a tag to its runs.
CREATE INDEX run_tags_tag_run_idx ON run_tags (tag_id, run_id);

CREATE TABLE moods (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    description  VARCHAR(100)  NOT NULL,
    mood_date    DATE          NOT NULL,
    positivity   SMALLINT      CHECK (positivity BETWEEN 1 AND 5),
    stress       SMALLINT      CHECK (stress BETWEEN 1 AND 5),
    energy       SMALLINT      CHECK (energy BETWEEN 1 AND 5),
    calmness     SMALLINT      CHECK (calmness BETWEEN 1 AND 5),
    motivation   SMALLINT      CHECK (motivation BETWEEN 1 AND 5),
    note         VARCHAR(2000),
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
-- A user's moods, newest first: lists, paging, filters and the latest mood.
CREATE INDEX moods_user_date_id_idx ON moods (user_id, mood_date DESC, id DESC);
