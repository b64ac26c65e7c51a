package dev.stride.bench.child;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The floor each handler is measured against: the same SQL statements the handler's operation
 * sends (as {@code WireTrace} records them: same statements, same transaction shape, same round
 * trips), written by hand over one plain JDBC connection, answering the same JSON written by
 * hand. What a handler costs above this is what EclipseLink, the pool, Jackson, validation and the
 * event plumbing add.
 *
 * <p>Not thread-safe: one instance per connection, like a Lambda instance.
 */
public final class JdbcFloor {

    private static final String RUN_COLUMNS =
            "r.id, r.user_id, r.distance, r.unit, r.distance_km, r.run_date, r.duration_seconds, r.mood, r.title, r.notes, r.created_at, r.updated_at";

    // The handler's single read of a run: its columns, its tags' names, its version.
    private static final String GET_RUN = "SELECT " + RUN_COLUMNS
            + ", ARRAY(SELECT t.name FROM run_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.run_id = r.id), r.version"
            + " FROM runs r JOIN users u ON u.id = r.user_id WHERE r.id = ? AND u.owner_sub = ?";

    private final Connection connection;

    public JdbcFloor(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** {@code GET /runs/{id}}: the run if the caller owns it, with its tags, in one statement; no transaction. */
    public String getRun(String sub, long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(GET_RUN)) {
            bind(select, runId, sub);
            Map<String, Object> run = readRunWithTags(select);
            return run == null ? null : runJson(run);
        }
    }

    /**
     * {@code GET /users/{id}/runs}: the handler's one statement, no transaction: the user, one page
     * of its runs (one extra to know if there is more) with their tags as an array (its owner check
     * is one more predicate on the users row).
     */
    public String listRuns(long userId, int limit) throws SQLException {
        List<Map<String, Object>> runs = new ArrayList<>();
        boolean found = false;
        try (PreparedStatement select = connection.prepareStatement("WITH owner AS MATERIALIZED (SELECT id FROM users WHERE id = ?)"
                + " SELECT page.*, owner.id FROM owner LEFT JOIN LATERAL (SELECT " + RUN_COLUMNS
                + ", ARRAY(SELECT t.name FROM run_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.run_id = r.id), r.version"
                + " FROM runs r WHERE r.user_id = owner.id ORDER BY r.run_date DESC, r.id DESC LIMIT " + (limit + 1) + ") page ON true")) {
            bind(select, userId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found = true;
                    if (rows.getObject(1) == null) {
                        continue;
                    }
                    runs.add(readRunAndTags(rows));
                }
            }
        }
        if (!found) {
            return null;
        }
        boolean more = runs.size() > limit;
        List<Map<String, Object>> page = more ? runs.subList(0, limit) : runs;
        StringBuilder json = new StringBuilder(256 * page.size() + 32).append("{\"items\":[");
        for (int i = 0; i < page.size(); i++) {
            json.append(i == 0 ? "" : ",").append(runJson(page.get(i)));
        }
        json.append("],\"nextCursor\":");
        if (more) {
            Map<String, Object> last = page.getLast();
            String position = last.get("date") + "|" + last.get("id");
            json.append('"').append(Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes())).append('"');
        } else {
            json.append("null");
        }
        return json.append('}').toString();
    }

    /**
     * {@code POST /users/{id}/runs} as the caller {@code sub}: in one transaction, the new tags in one
     * statement, then the run with its owner check and its tag links in one statement.
     */
    public String createRun(String sub, long userId, double distance, LocalDate date, Integer durationSeconds, String title,
                            List<String> tagNames) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        tagNames.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
        String tags = arrayLiteral(names);
        Map<String, Object> run = inTransaction(() -> {
            if (!names.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO tags (name) SELECT unnest(CAST(? AS varchar[])) ON CONFLICT (name) DO NOTHING")) {
                    bind(insert, tags);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH owner AS (SELECT id FROM users WHERE id = ? AND owner_sub = ?),
                         run AS (INSERT INTO runs (user_id, distance, unit, distance_km, run_date, duration_seconds, mood, title, notes,
                                                   created_at, updated_at)
                                 SELECT owner.id, ?, ?, ?, ?, CAST(? AS integer), ?, ?, ?, now(), now() FROM owner
                                 RETURNING *),
                         links AS (INSERT INTO run_tags (run_id, tag_id)
                                   SELECT run.id, t.id FROM run, tags t WHERE t.name = ANY (CAST(? AS varchar[])))
                    SELECT %s,
                           ARRAY(SELECT t.name FROM tags t WHERE t.name = ANY (CAST(? AS varchar[])) ORDER BY t.name),
                           r.version
                      FROM run r""".formatted(RUN_COLUMNS))) {
                bind(insert, userId, sub, distance, "km", distance, date, durationSeconds, null, title, null, tags, tags);
                return readRunWithTags(insert);
            }
        });
        return run == null ? null : runJson(run);
    }

    /**
     * {@code PATCH /runs/{id}} changing the distance: in one transaction, the run with its tags and
     * its row locked, then the change with the run's tag links in one statement.
     */
    public String updateRunDistance(String sub, long runId, double distance) throws SQLException {
        Map<String, Object> changed = inTransaction(() -> {
            Map<String, Object> run;
            try (PreparedStatement select = connection.prepareStatement(GET_RUN + " FOR NO KEY UPDATE OF r")) {
                bind(select, runId, sub);
                run = readRunWithTags(select);
            }
            if (run == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            String tags = arrayLiteral((List<String>) run.get("tags"));
            double km = "mi".equals(run.get("unit")) ? distance * 1.609344 : distance;
            try (PreparedStatement update = connection.prepareStatement("""
                    WITH run AS (UPDATE runs SET distance = ?, unit = ?, distance_km = ?, run_date = ?, duration_seconds = CAST(? AS integer),
                                                 mood = ?, title = ?, notes = ?, updated_at = now(), version = version + 1
                                  WHERE id = ?
                                 RETURNING *),
                         unlinked AS (DELETE FROM run_tags rt
                                       WHERE rt.run_id = ?
                                         AND rt.tag_id NOT IN (SELECT t.id FROM tags t WHERE t.name = ANY (CAST(? AS varchar[])))),
                         linked AS (INSERT INTO run_tags (run_id, tag_id)
                                    SELECT ?, t.id FROM tags t WHERE t.name = ANY (CAST(? AS varchar[]))
                                    ON CONFLICT DO NOTHING)
                    SELECT %s,
                           ARRAY(SELECT t.name FROM tags t WHERE t.name = ANY (CAST(? AS varchar[])) ORDER BY t.name),
                           r.version
                      FROM run r""".formatted(RUN_COLUMNS))) {
                bind(update, distance, run.get("unit"), km, run.get("date"), run.get("durationSeconds"), run.get("mood"),
                        run.get("title"), run.get("notes"), runId, runId, tags, runId, tags, tags);
                return readRunWithTags(update);
            }
        });
        return changed == null ? null : runJson(changed);
    }

    /**
     * {@code DELETE /runs/{id}} with no {@code If-Match}: one statement in autocommit that locks the
     * run if the caller owns it, checks the (absent) precondition and deletes it; its tag links go
     * with it (ON DELETE CASCADE).
     */
    public boolean deleteRun(String sub, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                WITH target AS (SELECT e.id, e.version FROM runs e JOIN users u ON u.id = e.user_id
                                 WHERE e.id = ? AND u.owner_sub = ? FOR UPDATE OF e),
                     gone AS (DELETE FROM runs e USING target t
                               WHERE e.id = t.id AND (CAST(? AS text) IS NULL OR t.id || ':' || t.version = ANY (CAST(? AS text[])))
                           RETURNING e.id)
                SELECT t.version, (SELECT count(*) FROM gone) FROM target t""")) {
            bind(delete, runId, sub, null, null);
            try (ResultSet row = delete.executeQuery()) {
                return row.next() && row.getLong(2) == 1;
            }
        }
    }

    /**
     * {@code GET /users/{id}/dashboard} with no range, in one statement and no transaction: the
     * user, its weekly totals (whole weeks from {@code run_weeks}, part-weeks at the edges from
     * {@code runs}; with no range there are none, but the statement is the same) and the latest mood.
     */
    public String dashboard(long userId) throws SQLException {
        LocalDate first = LocalDate.of(1, 1, 1);
        LocalDate last = LocalDate.of(9999, 12, 31);
        String username = null;
        String mood = null;
        long runs = 0;
        double km = 0;
        double timedSeconds = 0;
        double timedKm = 0;
        Double longest = null;
        List<String> weeks = new ArrayList<>();
        // The handler's one statement (its owner check is one more predicate on the users row). No
        // range: no part-weeks, written as empty day ranges (?6 to ?9).
        try (PreparedStatement select = connection.prepareStatement("""
                WITH owner AS MATERIALIZED (
                      SELECT id, username,
                             (SELECT description FROM moods WHERE user_id = users.id AND mood_date BETWEEN ? AND ?
                               ORDER BY mood_date DESC, id DESC LIMIT 1) AS latest_mood
                        FROM users WHERE id = ?)
                SELECT owner.username, w.week_start, w.runs, w.distance_km, w.timed_seconds, w.timed_km, w.longest_km,
                       owner.latest_mood
                  FROM owner
                  LEFT JOIN LATERAL (
                        SELECT week_start, runs, distance_km, timed_seconds, timed_km, longest_km
                          FROM run_weeks WHERE user_id = owner.id AND week_start BETWEEN ? AND ?
                        UNION ALL
                        SELECT CAST(date_trunc('week', run_date) AS date), count(*), sum(CAST(distance_km AS numeric)),
                               coalesce(sum(duration_seconds), 0),
                               coalesce(sum(CAST(distance_km AS numeric)) FILTER (WHERE duration_seconds IS NOT NULL), 0), max(distance_km)
                          FROM runs WHERE user_id = owner.id AND run_date BETWEEN ? AND ? GROUP BY 1
                        UNION ALL
                        SELECT CAST(date_trunc('week', run_date) AS date), count(*), sum(CAST(distance_km AS numeric)),
                               coalesce(sum(duration_seconds), 0),
                               coalesce(sum(CAST(distance_km AS numeric)) FILTER (WHERE duration_seconds IS NOT NULL), 0), max(distance_km)
                          FROM runs WHERE user_id = owner.id AND run_date BETWEEN ? AND ? GROUP BY 1) w ON true
                 ORDER BY w.week_start""")) {
            bind(select, first, last, userId, first, last, last, first, last, first);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    username = rows.getString(1);
                    mood = rows.getString(8);
                    if (rows.getDate(2) == null) {
                        continue;
                    }
                    long weekRuns = rows.getLong(3);
                    double weekKm = rows.getDouble(4);
                    runs += weekRuns;
                    km += weekKm;
                    timedSeconds += rows.getDouble(5);
                    timedKm += rows.getDouble(6);
                    longest = longest == null ? rows.getDouble(7) : Math.max(longest, rows.getDouble(7));
                    weeks.add(weekJson(rows.getDate(2), weekRuns, weekKm));
                }
            }
        }
        if (username == null) {
            return null;
        }
        StringBuilder json = new StringBuilder(4096).append("{\"user\":");
        string(json, username);
        json.append(",\"totalRuns\":").append(runs)
                .append(",\"totalDistanceKm\":").append(round(km, 3))
                .append(",\"averageDistanceKm\":").append(runs == 0 ? "null" : String.valueOf(round(km / runs, 3)))
                .append(",\"longestRunKm\":").append(longest == null ? "null" : String.valueOf(round(longest, 3)))
                .append(",\"averagePaceSecondsPerKm\":")
                .append(timedKm == 0 ? "null" : String.valueOf(round(timedSeconds / timedKm, 1)));
        return dashboardEnd(json, mood, weeks);
    }

    /**
     * The dashboard as V1 computed it, before the weekly totals: three aggregates over every run
     * of the user. Kept only for the experiment that compares the two designs.
     */
    public String dashboardFromRuns(long userId) throws SQLException {
        Map<String, Object> user = user(userId);
        if (user == null) {
            return null;
        }
        LocalDate from = LocalDate.of(1, 1, 1);
        LocalDate to = LocalDate.of(9999, 12, 31);
        return inTransaction(() -> {
            StringBuilder json = new StringBuilder(4096).append("{\"user\":");
            string(json, (String) user.get("username"));
            try (PreparedStatement totals = connection.prepareStatement("""
                    SELECT count(*), coalesce(sum(distance_km), 0), avg(distance_km), max(distance_km), sum(duration_seconds),
                           sum(distance_km) FILTER (WHERE duration_seconds IS NOT NULL)
                      FROM runs WHERE user_id = ? AND run_date BETWEEN ? AND ?""")) {
                bind(totals, userId, from, to);
                try (ResultSet row = totals.executeQuery()) {
                    row.next();
                    double seconds = row.getDouble(5);
                    boolean timed = !row.wasNull();
                    double timedKm = row.getDouble(6);
                    json.append(",\"totalRuns\":").append(row.getLong(1));
                    json.append(",\"totalDistanceKm\":").append(round(row.getDouble(2), 3));
                    json.append(",\"averageDistanceKm\":").append(nullable(row, 3, 3));
                    json.append(",\"longestRunKm\":").append(nullable(row, 4, 3));
                    json.append(",\"averagePaceSecondsPerKm\":")
                            .append(timed && timedKm > 0 ? String.valueOf(round(seconds / timedKm, 1)) : "null");
                }
            }
            List<String> weeks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT CAST(date_trunc('week', run_date) AS date), count(*), sum(distance_km)
                      FROM runs WHERE user_id = ? AND run_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 1""")) {
                bind(select, userId, from, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        weeks.add(weekJson(rows.getDate(1), rows.getLong(2), rows.getDouble(3)));
                    }
                }
            }
            String mood = null;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT description FROM moods WHERE user_id = ? AND mood_date BETWEEN ? AND ?
                     ORDER BY mood_date DESC, id DESC LIMIT 1""")) {
                bind(select, userId, from, to);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        mood = row.getString(1);
                    }
                }
            }
            return dashboardEnd(json, mood, weeks);
        });
    }

    /** A week of the dashboard's {@code runsByWeek}. */
    private static String weekJson(Date weekStart, long runs, double km) {
        return "{\"weekStart\":\"" + weekStart.toLocalDate() + "\",\"runs\":" + runs + ",\"distanceKm\":" + round(km, 3) + "}";
    }

    /** The dashboard's last fields, {@code latestMood} and {@code runsByWeek}, and its end. */
    private static String dashboardEnd(StringBuilder json, String mood, List<String> weeks) {
        json.append(",\"latestMood\":");
        string(json, mood);
        return json.append(",\"runsByWeek\":[").append(String.join(",", weeks)).append("]}").toString();
    }

    /**
     * {@code work} in one transaction: committed when it answers, rolled back when it answers null
     * (nothing found) or fails.
     */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T answer = work.run();
            if (answer == null) {
                connection.rollback();
            } else {
                connection.commit();
            }
            return answer;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private Map<String, Object> user(long userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, created_at, email, owner_sub, updated_at, username FROM users WHERE id = ?")) {
            bind(select, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("id", row.getLong(1));
                user.put("ownerSub", row.getString(4));
                user.put("username", row.getString(6));
                return user;
            }
        }
    }

    /** The one row {@code statement} answers, read as {@link #GET_RUN} reads it (columns, tags), or null. */
    private static Map<String, Object> readRunWithTags(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return readRunAndTags(row);
        }
    }

    /** The current row's run columns and its tags' names (column 13), sorted. */
    private static Map<String, Object> readRunAndTags(ResultSet row) throws SQLException {
        Map<String, Object> run = readRun(row);
        List<String> tags = new ArrayList<>(List.of((String[]) row.getArray(13).getArray()));
        tags.sort(null);
        run.put("tags", tags);
        return run;
    }

    /** A PostgreSQL array literal, as the handler binds a list (dev.stride.db.SqlArray: not on the floor's class path, which holds only the driver). */
    private static String arrayLiteral(java.util.Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            literal.append(literal.length() > 1 ? "," : "").append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static Map<String, Object> readRun(ResultSet row) throws SQLException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", row.getLong(1));
        run.put("userId", row.getLong(2));
        run.put("distance", row.getDouble(3));
        run.put("unit", row.getString(4));
        run.put("distanceKm", row.getDouble(5));
        run.put("date", row.getDate(6).toLocalDate());
        int duration = row.getInt(7);
        run.put("durationSeconds", row.wasNull() ? null : duration);
        run.put("mood", row.getString(8));
        run.put("title", row.getString(9));
        run.put("notes", row.getString(10));
        run.put("createdAt", row.getTimestamp(11).toInstant());
        run.put("updatedAt", row.getTimestamp(12).toInstant());
        return run;
    }

    @SuppressWarnings("unchecked")
    private static String runJson(Map<String, Object> run) {
        StringBuilder json = new StringBuilder(320);
        double km = (Double) run.get("distanceKm");
        Integer duration = (Integer) run.get("durationSeconds");
        json.append("{\"id\":").append(run.get("id"))
                .append(",\"userId\":").append(run.get("userId"))
                .append(",\"distance\":").append(round((Double) run.get("distance"), 3))
                .append(",\"unit\":\"").append(run.get("unit")).append('"')
                .append(",\"distanceKm\":").append(round(km, 3))
                .append(",\"date\":\"").append(run.get("date")).append('"')
                .append(",\"durationSeconds\":").append(duration)
                .append(",\"paceSecondsPerKm\":").append(duration == null ? "null" : String.valueOf(round(duration / km, 1)));
        json.append(",\"mood\":");
        string(json, (String) run.get("mood"));
        json.append(",\"title\":");
        string(json, (String) run.get("title"));
        json.append(",\"notes\":");
        string(json, (String) run.get("notes"));
        json.append(",\"tags\":[");
        List<String> tags = (List<String>) run.get("tags");
        for (int i = 0; i < tags.size(); i++) {
            json.append(i == 0 ? "" : ",");
            string(json, tags.get(i));
        }
        json.append("],\"createdAt\":\"").append(((Instant) run.get("createdAt")).truncatedTo(ChronoUnit.SECONDS))
                .append("\",\"updatedAt\":\"").append(((Instant) run.get("updatedAt")).truncatedTo(ChronoUnit.SECONDS))
                .append("\"}");
        return json.toString();
    }

    /**
     * Binds {@code values} to the statement's parameters in order: each as its own type (the
     * driver's setObject), a null as text, as the handler's persistence layer binds one.
     */
    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setString(i + 1, null);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private static String nullable(ResultSet row, int column, int decimals) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? "null" : String.valueOf(round(value, decimals));
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * A JSON string (or null), escaped as RFC 8259 requires. Written here, not borrowed from
     * Stride (which writes JSON through jackson-core): the floor runs on a classpath without
     * Stride's classes or Jackson (only the Lambda libraries and the driver), so that its cold
     * start and class count are the baseline's.
     */
    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** A run of the writer's with one tag, to be deleted: what the delete benchmarks consume (in the child jar: the primed floor inserts them too). */
    public static long insertRunToDelete(Connection connection, long userId) throws SQLException {
        try (var insert = connection.prepareStatement("""
                WITH run AS (
                  INSERT INTO runs (user_id, distance, unit, distance_km, run_date, created_at, updated_at)
                  VALUES (?, 5, 'km', 5, current_date, now(), now()) RETURNING id)
                , link AS (INSERT INTO run_tags (run_id, tag_id) SELECT run.id, t.id FROM run, tags t WHERE t.name = 'easy')
                SELECT id FROM run""")) {
            insert.setLong(1, userId);
            try (var row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
