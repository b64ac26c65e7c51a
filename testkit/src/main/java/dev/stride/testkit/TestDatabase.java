package dev.stride.testkit;

import dev.stride.db.Database;
import dev.stride.db.DatabaseSettings;
import dev.stride.instance.Services;
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
            String url = System.getenv("STRIDE_TEST_DB_URL");
            local = url == null || url.isBlank()
                    ? LocalDatabase.startEmbedded()
                    : LocalDatabase.start(Map.of(
                            DatabaseSettings.DB_URL, url,
                            DatabaseSettings.DB_USER, env("STRIDE_TEST_DB_USER", "postgres"),
                            DatabaseSettings.DB_PASSWORD, env("STRIDE_TEST_DB_PASSWORD", "")));
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
