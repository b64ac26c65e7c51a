package dev.stride.functions.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.stride.Env;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.LoginDataSource;
import dev.stride.db.Migrations;
import dev.stride.functions.support.DatabaseRoles;
import dev.stride.functions.support.ResponseUrlServer;
import dev.stride.instance.LambdaContext;
import dev.stride.testkit.Sql;
import dev.stride.testkit.TestDatabase;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migration function as CloudFormation's custom resource calls it: real request events, and a
 * local endpoint in place of the pre-signed S3 URL that it must always answer.
 */
class MigrateCustomResourceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private ResponseUrlServer cloudFormation;

    @BeforeEach
    void start() throws Exception {
        cloudFormation = new ResponseUrlServer();
    }

    @AfterEach
    void stop() {
        cloudFormation.close();
    }

    @Test
    void create_whenDatabaseEmpty_thenMigratesAndAnswersSuccessAtTheSignedUrl() {
        DatabaseSettings fresh = freshDatabase();
        Map<String, Object> event = cloudFormation.redirect(event("migrate-create.json"));

        Map<String, Object> answer = new MigrateHandler(fresh).handleRequest(event, new LambdaContext());

        var put = single();
        assertThat(put.method()).isEqualTo("PUT");
        // Exactly the pre-signed path and query, and no content type (the signature covers none).
        assertThat(put.pathAndQuery()).isEqualTo(URI.create((String) event("migrate-create.json").get("ResponseURL")).getRawPath()
                + "?" + URI.create((String) event("migrate-create.json").get("ResponseURL")).getRawQuery());
        assertThat(put.contentType()).isNullOrEmpty();
        assertThat(put.body().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(put.body().get("PhysicalResourceId").asText()).isEqualTo("stride-database-schema");
        assertThat(put.body().get("StackId").asText()).isEqualTo(event.get("StackId"));
        assertThat(put.body().get("RequestId").asText()).isEqualTo(event.get("RequestId"));
        assertThat(put.body().get("LogicalResourceId").asText()).isEqualTo("DatabaseSchema");
        assertThat(put.body().at("/Data/migrationsApplied").asInt()).isEqualTo(migrationCount());
        assertThat(answer.get("Status")).isEqualTo("SUCCESS");
        assertThat(count(fresh, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'")).isEqualTo(1);
    }

    @Test
    void update_whenRunAgainWithNothingPending_thenSuccessAppliesNothingAndKeepsItsId() {
        DatabaseSettings fresh = freshDatabase();
        var handler = new MigrateHandler(fresh);
        handler.handleRequest(cloudFormation.redirect(event("migrate-create.json")), new LambdaContext());

        handler.handleRequest(cloudFormation.redirect(event("migrate-update.json")), new LambdaContext());

        var update = cloudFormation.puts().get(1).body();
        assertThat(update.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(update.at("/Data/migrationsApplied").asInt()).isZero();
        assertThat(update.get("PhysicalResourceId").asText()).isEqualTo("stride-database-schema");
        assertThat(count(fresh, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(migrationCount());
    }

    @Test
    void update_whenAMigrationFails_thenAnswersFailedWithReasonAndPreviousSchemaStands() {
        DatabaseSettings current = freshDatabase();
        Migrations.migrate(current);
        var handler = new MigrateHandler(() -> LoginDataSource.of(current), Migrations.LOCATION, "classpath:db/broken");

        handler.handleRequest(cloudFormation.redirect(event("migrate-update.json")), new LambdaContext());

        var answer = single().body();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).contains("V99", "division by zero");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo("stride-database-schema");
        // Neither half of the failed migration is left, and the history still ends where it did.
        assertThat(count(current, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'")).isZero();
        assertThat(count(current, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'nickname'")).isZero();
        assertThat(count(current, "SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(migrationCount());
    }

    @Test
    void update_whenAMigrationOutlastsItsBudget_thenGivesUpLeavingNoSessionNorLock() throws Exception {
        DatabaseSettings current = freshDatabase();
        Migrations.migrate(current);
        var handler = new MigrateHandler(() -> LoginDataSource.of(current), Migrations.LOCATION, "classpath:db/slow");
        long started = System.nanoTime();

        // 14 s left: 10 s are kept for answering and 2 s for giving up, so the migration gets 2 s of its 8.
        handler.handleRequest(cloudFormation.redirect(event("migrate-update.json")), new LambdaContext(14_000));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(single().body().get("Status").asText()).isEqualTo("FAILED");
        assertThat(count(current, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'slow_marker'")).isZero();
        assertNothingLeftBehind(current);
    }

    @Test
    void update_whenATableIsHeldByALongTransaction_thenGivesUpOnTheLockInsteadOfQueueing() throws Exception {
        DatabaseSettings current = freshDatabase();
        Migrations.migrate(current);
        var handler = new MigrateHandler(() -> LoginDataSource.of(current), Migrations.LOCATION, "classpath:db/locked");
        try (Connection reader = DriverManager.getConnection(current.jdbcUrl() + "?ApplicationName=long-reader",
                current.user(), current.password())) {
            reader.setAutoCommit(false);
            // A long transaction that read runs: it holds ACCESS SHARE, which the ALTER must wait for.
            reader.createStatement().execute("SELECT count(*) FROM runs");

            handler.handleRequest(cloudFormation.redirect(event("migrate-update.json")), new LambdaContext(14_000));

            var answer = single().body();
            assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
            assertThat(answer.get("Reason").asText()).contains("lock timeout");
        }
        assertThat(count(current, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'extra'")).isZero();
        assertNothingLeftBehind(current);
    }

    /** No session of the migration remains, and no advisory lock (Flyway's) is held. */
    private static void assertNothingLeftBehind(DatabaseSettings database) throws InterruptedException {
        String others = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count(database, others) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(database, others)).isZero();
        assertThat(count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
    }

    @Test
    void create_whenDatabaseUnreachable_thenAnswersFailedInsteadOfHanging() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/stride", "stride", "x");

        new MigrateHandler(nowhere).handleRequest(cloudFormation.redirect(event("migrate-create.json")), new LambdaContext());

        var answer = single().body();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).containsIgnoringCase("connection").contains("log stream test");
    }

    @Test
    void create_whenEnvironmentNamesNoDatabase_thenAnswersFailedRatherThanFailingInit() {
        Env.use(Map.of());
        try {
            // The constructor Lambda calls must not throw: CloudFormation would never be answered.
            var handler = new MigrateHandler();

            handler.handleRequest(cloudFormation.redirect(event("migrate-create.json")), new LambdaContext());
        } finally {
            Env.use(System.getenv());
        }

        var answer = single().body();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).contains("No database configured");
    }

    @Test
    void delete_whenStackDeleted_thenAnswersSuccessWithoutTouchingTheDatabase() {
        var handler = new MigrateHandler(() -> {
            throw new AssertionError("delete must not reach the database");
        });

        handler.handleRequest(cloudFormation.redirect(event("migrate-delete.json")), new LambdaContext());

        var answer = single().body();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo("stride-database-schema");
    }

    @Test
    void create_whenTimeoutNearerThanTheWork_thenAnswersFailedBeforeLambdaGivesUp() {
        var slow = new MigrateHandler(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return LoginDataSource.of(TestDatabase.settings());
        });

        // 10.3 s left: 10 s are kept for answering, so the work gets 0.3 s.
        slow.handleRequest(cloudFormation.redirect(event("migrate-create.json")), new LambdaContext(10_300));

        var answer = single().body();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).contains("did not finish");
    }

    @Test
    void answer_whenResponseUrlFailsTwice_thenRetriedUntilDelivered() {
        cloudFormation.failFirst(2, 503);

        new MigrateHandler(TestDatabase.settings()).handleRequest(cloudFormation.redirect(event("migrate-delete.json")), new LambdaContext());

        assertThat(cloudFormation.puts()).hasSize(3)
                .allSatisfy(put -> assertThat(put.body().get("Status").asText()).isEqualTo("SUCCESS"));
    }

    @Test
    void manualInvoke_whenEmptyInput_thenMigratesWithoutAnsweringAnyUrl() {
        Map<String, Object> result = new MigrateHandler(TestDatabase.settings()).handleRequest(Map.of(), new LambdaContext());

        assertThat(result).containsEntry("migrationsApplied", 0).containsKey("schemaVersion");
        assertThat(cloudFormation.puts()).isEmpty();
    }

    private ResponseUrlServer.Put single() {
        assertThat(cloudFormation.puts()).hasSize(1);
        return cloudFormation.puts().getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String file) {
        try {
            Path path = Path.of(MigrateCustomResourceTest.class.getResource("/cloudformation/" + file).toURI());
            return EventLoader.loadEvent(path.toString(), Map.class);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database on the test server, as a new stack's database is. */
    private static DatabaseSettings freshDatabase() {
        String name = "stride_cfn_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        TestDatabase.execute("CREATE DATABASE " + name);
        String url = DatabaseRoles.jdbcUrl();
        var settings = TestDatabase.settings();
        return new DatabaseSettings(url.substring(0, url.lastIndexOf('/') + 1) + name, settings.user(), settings.password());
    }

    private static int migrationCount() {
        return (int) TestDatabase.count("SELECT count(*) FROM flyway_schema_history WHERE success");
    }

    private static long count(DatabaseSettings database, String sql) {
        return Long.parseLong(Sql.single(LoginDataSource.of(database), sql));
    }

}
