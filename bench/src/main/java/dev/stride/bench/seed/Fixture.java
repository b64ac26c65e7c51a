package dev.stride.bench.seed;

import dev.stride.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data every section measures, seeded once per run, and handed to JMH's forked JVMs as
 * system properties ({@code -Dstride.bench.*}).
 *
 * <p>The reader owns 50 runs and is only read. The writer's runs are changed and deleted; the
 * creator receives every created run (thousands a minute, all in today's week), kept apart because
 * removing a week's longest run makes the {@code run_weeks} trigger look through that week's runs,
 * and a week of ten thousand benchmark runs is no user's. Each scale user owns exactly its number
 * of runs.
 *
 * <p>The creator starts with {@value #CREATOR_RUNS} runs of history, so that {@code runs} is never
 * a table of a page or two: a connection plans the foreign-key check of a run's tags ({@code
 * run_tags.run_id}, {@code SELECT 1 FROM runs WHERE id = $1 FOR KEY SHARE}) at its first insert
 * and keeps that plan until {@code runs} is analyzed again. Planned on the 60 runs of the other
 * users it is a sequential scan, and the first write benchmark then grows the table by thousands
 * of runs: that side's creates went from 0.5 to 2.8 ms in a minute, until autovacuum's analyze,
 * while the other side, connecting later, planned an index scan (docs/performance.md).
 */
public record Fixture(DatabaseSettings database, User reader, User writer, User creator, long readerRunId,
                      long writerRunId, Map<Integer, User> scale) {

    public static final int READER_RUNS = 50;
    public static final int CREATOR_RUNS = 1_000;
    private static final String PREFIX = "stride.bench.";

    public record User(long id, String sub) {
    }

    public static Fixture seed(DatabaseSettings database, List<Integer> scaleSizes) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            // Each run of the harness gets its own users, so a database given by DB_URL can be reused.
            String run = Long.toString(System.currentTimeMillis(), 36);
            User reader = new User(Seed.user(connection, "bench-reader-" + run), "bench-reader-" + run);
            Seed.runs(connection, reader.id(), READER_RUNS, 1);
            User writer = new User(Seed.user(connection, "bench-writer-" + run), "bench-writer-" + run);
            Seed.runs(connection, writer.id(), 10, 2);
            User creator = new User(Seed.user(connection, "bench-creator-" + run), "bench-creator-" + run);
            Seed.runs(connection, creator.id(), CREATOR_RUNS, 4);
            Map<Integer, User> scale = new LinkedHashMap<>();
            for (int size : scaleSizes) {
                String sub = "bench-scale-" + size + "-" + run;
                User user = new User(Seed.user(connection, sub), sub);
                Seed.runs(connection, user.id(), size, size);
                scale.put(size, user);
            }
            return new Fixture(database, reader, writer, creator, Seed.newestTaggedRun(connection, reader.id()),
                    Seed.newestTaggedRun(connection, writer.id()), scale);
        }
    }

    /** {@code -D} arguments for a forked JVM. */
    public List<String> jvmArguments() {
        List<String> args = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("db.url", database.jdbcUrl());
        values.put("db.user", database.user() == null ? "" : database.user());
        values.put("db.password", database.password() == null ? "" : database.password());
        values.put("reader.id", String.valueOf(reader.id()));
        values.put("reader.sub", reader.sub());
        values.put("reader.run", String.valueOf(readerRunId));
        values.put("writer.id", String.valueOf(writer.id()));
        values.put("writer.sub", writer.sub());
        values.put("writer.run", String.valueOf(writerRunId));
        values.put("creator.id", String.valueOf(creator.id()));
        values.put("creator.sub", creator.sub());
        StringBuilder sizes = new StringBuilder();
        scale.forEach((size, user) -> {
            sizes.append(sizes.isEmpty() ? "" : ",").append(size);
            values.put("scale." + size + ".id", String.valueOf(user.id()));
            values.put("scale." + size + ".sub", user.sub());
        });
        values.put("scale", sizes.toString());
        values.forEach((key, value) -> args.add("-D" + PREFIX + key + "=" + value));
        return args;
    }

    /** The fixture a parent JVM handed over. */
    public static Fixture fromSystemProperties() {
        Map<Integer, User> scale = new LinkedHashMap<>();
        String sizes = property("scale");
        if (!sizes.isEmpty()) {
            for (String size : sizes.split(",")) {
                scale.put(Integer.parseInt(size), new User(Long.parseLong(property("scale." + size + ".id")),
                        property("scale." + size + ".sub")));
            }
        }
        String user = property("db.user");
        String password = property("db.password");
        return new Fixture(
                new DatabaseSettings(property("db.url"), user.isEmpty() ? null : user, password.isEmpty() ? null : password),
                new User(Long.parseLong(property("reader.id")), property("reader.sub")),
                new User(Long.parseLong(property("writer.id")), property("writer.sub")),
                new User(Long.parseLong(property("creator.id")), property("creator.sub")),
                Long.parseLong(property("reader.run")), Long.parseLong(property("writer.run")), scale);
    }

    /** The environment a function gets on Lambda, pointing at this database. */
    public Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DatabaseSettings.DB_URL, database.jdbcUrl());
        if (database.user() != null) {
            env.put(DatabaseSettings.DB_USER, database.user());
        }
        if (database.password() != null) {
            env.put(DatabaseSettings.DB_PASSWORD, database.password());
        }
        return env;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static String property(String key) {
        String value = System.getProperty(PREFIX + key);
        if (value == null) {
            throw new IllegalStateException("missing -D" + PREFIX + key + " (run through dev.stride.bench.Main)");
        }
        return value;
    }
}
