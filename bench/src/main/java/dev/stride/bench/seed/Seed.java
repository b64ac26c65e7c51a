package dev.stride.bench.seed;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * Test data written straight into the tables: users, their runs (COPY, so 100 000 rows take a
 * second or two), tags on most runs and a few moods. Deterministic: the same seed gives the same
 * rows, so two runs of the benchmark measure the same data.
 */
public final class Seed {

    /** How far back a user's runs reach, whatever their number: two years. */
    public static final int SPAN_DAYS = 730;

    private static final String[] TAGS = {"easy", "long", "tempo", "intervals", "race", "trail"};
    private static final String[] MOODS = {"happy", "tired", "calm", "focused", "sore"};

    private Seed() {
    }

    /** A user profile bound to {@code sub}; its id. */
    public static long user(Connection connection, String sub) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO users (owner_sub, username, email, created_at, updated_at)
                VALUES (?, ?, ?, now(), now()) RETURNING id""")) {
            insert.setString(1, sub);
            insert.setString(2, sub);
            insert.setString(3, sub + "@bench.example");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * {@code count} runs for the user, spread evenly over the last {@link #SPAN_DAYS} days, about
     * four in five timed, most with one or two tags; then a few moods. Ends with ANALYZE, as
     * autovacuum would after a load this size, so the planner sees the rows.
     */
    public static void runs(Connection connection, long userId, int count, long seed) throws SQLException {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String now = Instant.now().toString();
        StringBuilder rows = new StringBuilder(count * 96);
        for (int i = 0; i < count; i++) {
            double distance = Math.round((3 + random.nextDouble() * 22) * 1000) / 1000.0;
            boolean miles = random.nextInt(5) == 0;
            double km = miles ? distance * 1.609344 : distance;
            LocalDate date = today.minusDays((long) i * SPAN_DAYS / Math.max(count, 1));
            String duration = random.nextInt(5) == 0 ? "\\N" : String.valueOf((int) (km * (240 + random.nextInt(180))));
            rows.append(userId).append('\t')
                    .append(distance).append('\t')
                    .append(miles ? "mi" : "km").append('\t')
                    .append(km).append('\t')
                    .append(date).append('\t')
                    .append(duration).append('\t')
                    .append(MOODS[random.nextInt(MOODS.length)]).append('\t')
                    .append("Run ").append(i).append('\t')
                    .append("\\N").append('\t')
                    .append(now).append('\t')
                    .append(now).append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY runs (user_id, distance, unit, distance_km, run_date, duration_seconds, mood, title,
                               notes, created_at, updated_at) FROM STDIN""", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement sql = connection.createStatement()) {
            StringBuilder tags = new StringBuilder("INSERT INTO tags (name) VALUES ");
            for (int i = 0; i < TAGS.length; i++) {
                tags.append(i == 0 ? "" : ", ").append("('").append(TAGS[i]).append("')");
            }
            sql.execute(tags + " ON CONFLICT (name) DO NOTHING");
            // Every run but one in six gets a tag picked by its id, every third run a second one.
            sql.execute("""
                    INSERT INTO run_tags (run_id, tag_id)
                    SELECT r.id, t.id FROM runs r JOIN tags t ON t.name = (ARRAY['easy','long','tempo','intervals','race'])[1 + r.id %% 5]
                     WHERE r.user_id = %d AND r.id %% 6 <> 0
                    UNION
                    SELECT r.id, t.id FROM runs r JOIN tags t ON t.name = 'trail'
                     WHERE r.user_id = %d AND r.id %% 3 = 0
                    ON CONFLICT DO NOTHING""".formatted(userId, userId));
            sql.execute("""
                    INSERT INTO moods (user_id, description, mood_date, positivity, stress, energy, created_at, updated_at)
                    SELECT %d, (ARRAY['Happy','Tired','Calm','Focused','Sore'])[1 + g %% 5], current_date - g * 7, 1 + g %% 5,
                           1 + (g + 2) %% 5, 1 + (g + 4) %% 5, now(), now()
                      FROM generate_series(0, 4) g""".formatted(userId));
            sql.execute("ANALYZE users, runs, run_tags, tags, moods");
        }
    }

    /** The user's newest run (it has at least one tag when the user has six runs or more). */
    public static long newestTaggedRun(Connection connection, long userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.id FROM runs r WHERE r.user_id = ? AND EXISTS (SELECT 1 FROM run_tags rt WHERE rt.run_id = r.id)
                 ORDER BY r.run_date DESC, r.id DESC LIMIT 1""")) {
            select.setLong(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("user " + userId + " has no tagged run");
                }
                return row.getLong(1);
            }
        }
    }
}
