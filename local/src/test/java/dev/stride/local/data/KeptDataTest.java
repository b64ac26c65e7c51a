package dev.stride.local.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps its data in the data folder: a restart finds it, an old folder is
 * migrated forward, {@code --fresh} starts empty, fsync is on only where data is kept, and a
 * second server on the same folder is refused.
 */
class KeptDataTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    @Test
    void restartFindsTheDataWrittenBeforeAndLeavesNoPostgresRunning(@TempDir Path folder) throws Exception {
        try (ServerDatabase db = ServerDatabase.start(Map.of(), folder, false, out)) {
            assertThat(db.kind()).isEqualTo(ServerDatabase.Kind.KEPT);
            assertThat(db.describe()).contains(folder.toString());
            execute(db.settings(), "INSERT INTO users (owner_sub, username, email, created_at, updated_at) "
                    + "VALUES ('alice', 'Alice', 'alice@example.com', now(), now())");
            assertThat(text(db.settings(), "SHOW fsync")).isEqualTo("on");
            assertThat(text(db.settings(), "SHOW synchronous_commit")).isEqualTo("on");
        }
        try (DataFolder free = DataFolder.open(folder)) {
            assertThat(free.postmaster()).as("a clean stop leaves no postgres process").isEmpty();
        }

        try (ServerDatabase db = ServerDatabase.start(Map.of(), folder, false, out)) {
            assertThat(text(db.settings(), "SELECT username FROM users WHERE owner_sub = 'alice'")).isEqualTo("Alice");
        }
    }

    @Test
    void anOldDataFolderIsMigratedForwardWithItsDataKept(@TempDir Path folder) throws Exception {
        // A folder as an older Stride left it: the schema of V1 only, with a user and a run.
        Files.createDirectories(folder);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration").target("1")
                    .load().migrate();
            DatabaseSettings settings = new DatabaseSettings(old.getJdbcUrl("postgres", "postgres"), "postgres", null);
            execute(settings, "INSERT INTO users (owner_sub, username, email, created_at, updated_at) "
                    + "VALUES ('bob', 'Bob', 'bob@example.com', now(), now())");
            execute(settings, "INSERT INTO runs (user_id, distance, unit, distance_km, run_date, created_at, updated_at) "
                    + "SELECT id, 5, 'km', 5, DATE '2026-11-30', now(), now() FROM users");
        }

        try (ServerDatabase db = ServerDatabase.start(Map.of(), folder, false, out)) {
            // Every migration on the classpath applied, none pending: the folder came all the way forward.
            assertThat(Flyway.configure().dataSource(db.settings().jdbcUrl(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration").load().info().pending()).isEmpty();
            assertThat(text(db.settings(), "SELECT count(*) FROM flyway_schema_history WHERE success AND version::int > 1"))
                    .isNotEqualTo("0");
            assertThat(text(db.settings(), "SELECT count(*) FROM runs")).isEqualTo("1");
            assertThat(text(db.settings(), "SELECT runs FROM run_weeks")).as("the new table filled from the old runs")
                    .isEqualTo("1");
        }
    }

    @Test
    void freshStartsEmptyWithoutFsync() throws Exception {
        try (ServerDatabase db = ServerDatabase.start(Map.of(), null, false, out)) {
            assertThat(db.kind()).isEqualTo(ServerDatabase.Kind.FRESH);
            assertThat(db.folder()).isNull();
            assertThat(text(db.settings(), "SELECT count(*) FROM users")).isEqualTo("0");
            assertThat(text(db.settings(), "SHOW fsync")).isEqualTo("off");
        }
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefusedWithAClearMessage(@TempDir Path folder) {
        try (DataFolder first = DataFolder.open(folder)) {
            assertThatThrownBy(() -> DataFolder.open(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another Stride local server (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("--fresh");
        }
        DataFolder.open(folder).close(); // free again once the first has let go
    }

    private static void execute(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
