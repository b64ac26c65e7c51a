package dev.stride.local.support;

import dev.stride.local.LocalApp;
import dev.stride.local.lambda.FunctionHost;
import dev.stride.testkit.Sql;
import dev.stride.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The local server every test drives over HTTP: the fixture template on a free port of
 * 127.0.0.1, over an embedded PostgreSQL (or the server named by {@code STRIDE_TEST_DB_URL}, as
 * the functions' tests use it), started once per test JVM and stopped when the JVM ends.
 */
public final class TestServer {

    private static LocalApp app;

    private TestServer() {
    }

    public static synchronized LocalApp app() {
        if (app == null) {
            app = LocalApp.start(options(FixtureFunctions.template(), null, TestDatabase.environment()));
            LocalApp started = app;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return app;
    }

    /**
     * The options the tests start servers with: 4 instances per function at most, none started
     * ahead of traffic, idle ones reclaimed after a minute; an embedded database kept in
     * {@code dataFolder} (fresh when null) unless {@code environment} names one.
     */
    public static LocalApp.Options options(Path template, Path dataFolder, Map<String, String> environment) {
        return new LocalApp.Options(template, "127.0.0.1", 0, null, Map.of(),
                FixtureFunctions.resource("fixture/openapi.yaml"), dataFolder,
                new FunctionHost.Settings(4, 32_768, true), 0, Duration.ofMinutes(1), environment, System.out);
    }

    public static Client client() {
        return new Client(app().server().url());
    }

    /** A client of another local server (one a test starts itself). */
    public static Client clientFor(String url) {
        return new Client(url);
    }

    /** A token for {@code sub}, as POST /_local/token would give it. */
    public static String token(String sub, String... groups) {
        return app().server().identities().mint(sub, java.util.List.of(groups));
    }

    /** Empties Stride's tables, so that each test starts from nothing. */
    public static void resetData() {
        execute("TRUNCATE users, runs, moods, run_tags, tags RESTART IDENTITY CASCADE");
    }

    public static long count(String sql) {
        return Sql.count(Sql.dataSource(app().database().settings()), sql);
    }

    private static void execute(String sql) {
        Sql.execute(Sql.dataSource(app().database().settings()), sql);
    }

    /** DB_URL (DB_USER, DB_PASSWORD) of the running server's database: for another command of the tests. */
    public static Map<String, String> sameDatabase() {
        return app().database().settings().environment();
    }
}
