package dev.stride.testkit;

import dev.stride.db.Database;
import dev.stride.db.DatabaseSettings;
import dev.stride.instance.Services;
import java.util.HashMap;
import java.util.Map;

/**
 * The real PostgreSQL every test runs against, started and migrated once per test JVM: an
 * embedded one by default, or the server named by {@code STRIDE_TEST_DB_URL} (with
 * {@code STRIDE_TEST_DB_USER}, {@code STRIDE_TEST_DB_PASSWORD}). Tests empty its tables, so it is
 * never the application's own {@code DB_URL}.
 */
public final class TestDatabase {

    private static LocalDatabase local;
    private static Services stride;

    private TestDatabase() {
    }

    public static synchronized LocalDatabase local() {
        if (local == null) {
            local = LocalDatabase.start(environment());
            local.migrate();
            LocalDatabase started = local;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return local;
    }

    /** Services over the test database, built once like a warm Lambda instance's. */
    public static synchronized Services stride() {
        if (stride == null) {
            stride = Services.over(Database.open(local().settings()));
        }
        return stride;
    }

    public static DatabaseSettings settings() {
        return local().settings();
    }

    /** Empties every table and restarts the IDs. */
    public static void reset() {
        execute("TRUNCATE users, runs, moods, run_tags, tags, run_weeks RESTART IDENTITY CASCADE");
    }

    public static void execute(String sql) {
        Sql.execute(stride().database().dataSource(), sql);
    }

    /** The single text value a query answers, e.g. {@code SHOW hba_file}. */
    public static String query(String sql) {
        return Sql.single(stride().database().dataSource(), sql);
    }

    /** The single number a counting query answers, e.g. {@code SELECT count(*) FROM runs}. */
    public static long count(String sql) {
        return Sql.count(stride().database().dataSource(), sql);
    }

    /**
     * {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD} of the server {@code STRIDE_TEST_DB_URL}
     * names (user postgres and an empty password unless {@code STRIDE_TEST_DB_USER} and
     * {@code STRIDE_TEST_DB_PASSWORD} say otherwise); empty when it is unset, for an embedded one.
     */
    public static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        String url = System.getenv("STRIDE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            environment.put(DatabaseSettings.DB_URL, url);
            environment.put(DatabaseSettings.DB_USER, System.getenv().getOrDefault("STRIDE_TEST_DB_USER", "postgres"));
            environment.put(DatabaseSettings.DB_PASSWORD, System.getenv().getOrDefault("STRIDE_TEST_DB_PASSWORD", ""));
        }
        return environment;
    }
}
