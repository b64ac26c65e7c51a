package dev.stride.bench.experiments;

import dev.stride.bench.child.JdbcFloor;
import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Seed;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An experiment, not a change to Stride: would a weekly rollup table, kept up to date by a
 * trigger, keep the dashboard's cost flat as a user's runs grow? Run in a scratch database on the
 * same server (created here, dropped at the end), with Stride's real migrations plus the rollup:
 * the dashboard's SQL today against the rollup's, at 10 and 100 000 runs; the same with a
 * covering index instead; and what the trigger adds to inserting one run.
 */
public final class RollupExperiment {

    /** The rollup, as a migration would add it. Sums are exact enough for an experiment; see docs/performance.md. */
    static final String ROLLUP_DDL = """
            CREATE TABLE run_weeks (
                user_id        BIGINT           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                week_start     DATE             NOT NULL,
                runs           INTEGER          NOT NULL,
                distance_km    DOUBLE PRECISION NOT NULL,
                timed_seconds  BIGINT           NOT NULL,
                timed_km       DOUBLE PRECISION NOT NULL,
                longest_km     DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (user_id, week_start)
            );

            CREATE FUNCTION run_weeks_apply(p_user BIGINT, p_date DATE, p_km DOUBLE PRECISION, p_seconds INTEGER, p_sign INTEGER)
            RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                w DATE := CAST(date_trunc('week', p_date) AS date);
                v_timed_km DOUBLE PRECISION := CASE WHEN p_seconds IS NULL THEN 0 ELSE p_km END;
            BEGIN
                IF p_sign > 0 THEN
                    INSERT INTO run_weeks AS rw VALUES (p_user, w, 1, p_km, coalesce(p_seconds, 0), v_timed_km, p_km)
                    ON CONFLICT (user_id, week_start) DO UPDATE
                       SET runs = rw.runs + 1, distance_km = rw.distance_km + p_km,
                           timed_seconds = rw.timed_seconds + coalesce(p_seconds, 0), timed_km = rw.timed_km + v_timed_km,
                           longest_km = greatest(rw.longest_km, p_km);
                ELSE
                    -- A maximum cannot be un-added: it is recomputed from that one week's runs (index range scan).
                    UPDATE run_weeks
                       SET runs = runs - 1, distance_km = distance_km - p_km,
                           timed_seconds = timed_seconds - coalesce(p_seconds, 0), timed_km = timed_km - v_timed_km,
                           longest_km = coalesce((SELECT max(r.distance_km) FROM runs r
                                                   WHERE r.user_id = p_user AND r.run_date >= w AND r.run_date < w + 7), 0)
                     WHERE user_id = p_user AND week_start = w;
                    DELETE FROM run_weeks WHERE user_id = p_user AND week_start = w AND runs <= 0;
                END IF;
            END $$;

            CREATE FUNCTION runs_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('DELETE', 'UPDATE') THEN
                    PERFORM run_weeks_apply(OLD.user_id, OLD.run_date, OLD.distance_km, OLD.duration_seconds, -1);
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    PERFORM run_weeks_apply(NEW.user_id, NEW.run_date, NEW.distance_km, NEW.duration_seconds, 1);
                END IF;
                RETURN NULL;
            END $$;
            """;

    static final String BACKFILL = """
            INSERT INTO run_weeks
            SELECT user_id, CAST(date_trunc('week', run_date) AS date), count(*), sum(distance_km),
                   coalesce(sum(duration_seconds), 0), coalesce(sum(distance_km) FILTER (WHERE duration_seconds IS NOT NULL), 0),
                   max(distance_km)
              FROM runs GROUP BY 1, 2""";

    static final String TRIGGER = """
            CREATE TRIGGER runs_rollup
            AFTER INSERT OR DELETE OR UPDATE OF user_id, run_date, distance_km, duration_seconds ON runs
            FOR EACH ROW EXECUTE FUNCTION runs_rollup()""";

    public record Case(String name, double p50Us10, double p50Us100k, double growth) {
    }

    public record Result(String skipped, List<Case> dashboard, Map<String, Double> insertP50Us, int repetitions,
                         boolean sameAnswer, String note) {
    }

    private final DatabaseSettings server;
    private final Consumer<String> progress;

    public RollupExperiment(DatabaseSettings server, Consumer<String> progress) {
        this.server = server;
        this.progress = progress;
    }

    public Result run(int big, int repetitions) {
        String name = "stride_bench_rollup_" + Long.toString(System.currentTimeMillis(), 36);
        DatabaseSettings scratch;
        try (Connection admin = connect(server); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
            scratch = new DatabaseSettings(withDatabase(server.jdbcUrl(), name), server.user(), server.password());
        } catch (SQLException | RuntimeException e) {
            return new Result("could not create a scratch database: " + e.getMessage(), List.of(), Map.of(), 0, false, null);
        }
        try {
            return measure(scratch, big, repetitions);
        } catch (SQLException e) {
            throw new IllegalStateException("rollup experiment failed", e);
        } finally {
            try (Connection admin = connect(server); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                progress.accept("rollup: could not drop " + name + ": " + e.getMessage());
            }
        }
    }

    private Result measure(DatabaseSettings scratch, int big, int repetitions) throws SQLException {
        Migrations.migrate(scratch);
        try (Connection connection = connect(scratch); Statement sql = connection.createStatement()) {
            long small = Seed.user(connection, "rollup-small");
            Seed.runs(connection, small, 10, 10);
            long large = Seed.user(connection, "rollup-large");
            Seed.runs(connection, large, big, big);
            sql.execute(ROLLUP_DDL);
            sql.execute(BACKFILL);
            sql.execute(TRIGGER);
            sql.execute("VACUUM ANALYZE");
            JdbcFloor floor = new JdbcFloor(connection);

            String expectedSmall = floor.dashboard(small);
            String expectedLarge = floor.dashboard(large);
            boolean same = rollup(connection, small).equals(expectedSmall) && rollup(connection, large).equals(expectedLarge);
            if (!same) {
                progress.accept("rollup: the rollup's dashboard differs from today's (see latest.json)");
            }

            List<Case> cases = new ArrayList<>();
            cases.add(compare("today's queries (runs table)", repetitions, () -> floor.dashboard(small), () -> floor.dashboard(large)));
            cases.add(compare("weekly rollup (run_weeks)", repetitions, () -> rollup(connection, small), () -> rollup(connection, large)));

            // The same three queries over a covering index: index-only scans, still one entry per run.
            sql.execute("CREATE INDEX runs_dashboard_cover ON runs (user_id, run_date) INCLUDE (distance_km, duration_seconds)");
            sql.execute("VACUUM ANALYZE runs");
            cases.add(compare("today's queries + covering index", repetitions, () -> floor.dashboard(small), () -> floor.dashboard(large)));
            sql.execute("DROP INDEX runs_dashboard_cover");

            Map<String, Double> insert = new LinkedHashMap<>();
            insert.put("with trigger", insertP50(connection, large, repetitions));
            sql.execute("ALTER TABLE runs DISABLE TRIGGER runs_rollup");
            insert.put("without trigger", insertP50(connection, large, repetitions));
            sql.execute("ALTER TABLE runs ENABLE TRIGGER runs_rollup");
            return new Result(null, cases, insert, repetitions, same,
                    "p50 of the dashboard's SQL and JSON over raw JDBC (no handler), user with 10 vs " + big
                            + " runs over two years; insert: one run, autocommit");
        }
    }

    private interface Query {
        String run() throws SQLException;
    }

    private Case compare(String name, int repetitions, Query small, Query large) throws SQLException {
        double p10 = p50(small, repetitions);
        double pBig = p50(large, Math.max(20, repetitions / 4));
        progress.accept("rollup " + name + ": p50 " + Math.round(p10) + " µs at 10 runs, " + Math.round(pBig) + " µs at the large size");
        return new Case(name, p10, pBig, pBig / p10);
    }

    private static double p50(Query query, int repetitions) throws SQLException {
        for (int i = 0; i < Math.min(50, repetitions); i++) {
            query.run();
        }
        List<Double> us = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            query.run();
            us.add((System.nanoTime() - start) / 1e3);
        }
        return Stats.percentiles(us).p50();
    }

    /** The dashboard from the rollup: the same JSON as {@code JdbcFloor.dashboard}, from one row per week. */
    static String rollup(Connection connection, long userId) throws SQLException {
        StringBuilder json = new StringBuilder(4096).append("{\"user\":");
        try (PreparedStatement user = connection.prepareStatement("SELECT username FROM users WHERE id = ?")) {
            user.setLong(1, userId);
            try (ResultSet row = user.executeQuery()) {
                row.next();
                json.append('"').append(row.getString(1)).append('"');
            }
        }
        List<String> weeks = new ArrayList<>();
        long runs = 0;
        double km = 0;
        double longest = 0;
        long seconds = 0;
        double timedKm = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT week_start, runs, distance_km, timed_seconds, timed_km, longest_km
                  FROM run_weeks WHERE user_id = ? ORDER BY week_start""")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs += rows.getLong(2);
                    km += rows.getDouble(3);
                    seconds += rows.getLong(4);
                    timedKm += rows.getDouble(5);
                    longest = Math.max(longest, rows.getDouble(6));
                    weeks.add("{\"weekStart\":\"" + rows.getDate(1).toLocalDate() + "\",\"runs\":" + rows.getLong(2)
                            + ",\"distanceKm\":" + round(rows.getDouble(3), 3) + "}");
                }
            }
        }
        String mood = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT description FROM moods WHERE user_id = ? ORDER BY mood_date DESC, id DESC LIMIT 1")) {
            select.setLong(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    mood = row.getString(1);
                }
            }
        }
        json.append(",\"totalRuns\":").append(runs)
                .append(",\"totalDistanceKm\":").append(round(km, 3))
                .append(",\"averageDistanceKm\":").append(runs == 0 ? "null" : String.valueOf(round(km / runs, 3)))
                .append(",\"longestRunKm\":").append(runs == 0 ? "null" : String.valueOf(round(longest, 3)))
                .append(",\"averagePaceSecondsPerKm\":").append(timedKm > 0 ? String.valueOf(round(seconds / timedKm, 1)) : "null")
                .append(",\"latestMood\":").append(mood == null ? "null" : "\"" + mood + "\"")
                .append(",\"runsByWeek\":[").append(String.join(",", weeks)).append("]}");
        return json.toString();
    }

    private static double insertP50(Connection connection, long userId, int repetitions) throws SQLException {
        List<Double> us = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO runs (user_id, distance, unit, distance_km, run_date, duration_seconds, created_at, updated_at)
                VALUES (?, 5, 'km', 5, current_date - ?, 1500, now(), now())""")) {
            for (int i = 0; i < repetitions + 50; i++) {
                insert.setLong(1, userId);
                insert.setInt(2, i % 700);
                long start = System.nanoTime();
                insert.executeUpdate();
                if (i >= 50) {
                    us.add((System.nanoTime() - start) / 1e3);
                }
            }
        }
        return Stats.percentiles(us).p50();
    }

    private static double round(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** The same JDBC URL naming another database on the same server. */
    static String withDatabase(String jdbcUrl, String database) {
        int hosts = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hosts);
        int query = jdbcUrl.indexOf('?', hosts);
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        String head = slash < 0 || (query >= 0 && slash > query) ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query))
                : jdbcUrl.substring(0, slash);
        return head + "/" + database + tail;
    }
}
