package dev.stride.bench.experiments;

import dev.stride.bench.child.JdbcFloor;
import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Seed;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An experiment beside the benchmark: the dashboard's weekly totals ({@code run_weeks}, kept by
 * a trigger, migration V2) against the plain aggregates over every run that V1 used, and against
 * those aggregates with a covering index; and what the trigger adds to inserting a run. Run in a
 * scratch database on the same server (created here with Stride's real migrations, dropped at the
 * end), at 10 runs and at the largest scale size.
 */
public final class RollupExperiment {

    public record Case(String name, double p50Us10, double p50Us100k, double growth) {
    }

    public record Result(String skipped, List<Case> dashboard, Map<String, Double> insertP50Us, int repetitions,
                         boolean sameAnswer, double seedSeconds, String note) {
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
            return new Result("could not create a scratch database: " + e.getMessage(), List.of(), Map.of(), 0, false, 0, null);
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
            long seeding = System.nanoTime();
            // Through the trigger, row by row, as the API's inserts go.
            Seed.runs(connection, large, big, big);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            sql.execute("VACUUM ANALYZE");
            JdbcFloor floor = new JdbcFloor(connection);

            boolean same = floor.dashboard(small).equals(floor.dashboardFromRuns(small))
                    && floor.dashboard(large).equals(floor.dashboardFromRuns(large));
            if (!same) {
                progress.accept("rollup: the weekly totals' dashboard differs from the aggregates' (rounding?)");
            }

            List<Case> cases = new ArrayList<>();
            cases.add(compare("V1: aggregates over every run", repetitions,
                    () -> floor.dashboardFromRuns(small), () -> floor.dashboardFromRuns(large)));
            cases.add(compare("V2: weekly totals (run_weeks), what the handler runs", repetitions,
                    () -> floor.dashboard(small), () -> floor.dashboard(large)));
            // The alternative without a trigger: the same aggregates over an index-only scan, still one entry per run.
            sql.execute("CREATE INDEX runs_dashboard_cover ON runs (user_id, run_date) INCLUDE (distance_km, duration_seconds)");
            sql.execute("VACUUM ANALYZE runs");
            cases.add(compare("V1 + covering index", repetitions,
                    () -> floor.dashboardFromRuns(small), () -> floor.dashboardFromRuns(large)));
            sql.execute("DROP INDEX runs_dashboard_cover");

            Map<String, Double> insert = new LinkedHashMap<>();
            insert.put("with the trigger", insertP50(connection, large, repetitions));
            sql.execute("ALTER TABLE runs DISABLE TRIGGER runs_weeks_inserted");
            insert.put("without it", insertP50(connection, large, repetitions));
            sql.execute("ALTER TABLE runs ENABLE TRIGGER runs_weeks_inserted");
            return new Result(null, cases, insert, repetitions, same, seedSeconds,
                    "p50 of the dashboard's SQL and JSON over raw JDBC (no handler), for a user with 10 runs and one with "
                            + big + " runs over two years; insert: one run, autocommit");
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
