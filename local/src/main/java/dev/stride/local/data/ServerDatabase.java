package dev.stride.local.data;

import dev.stride.db.DatabaseSettings;
import dev.stride.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The local server's database, migrated: the one DB_URL/DATABASE_URL names if set; else an
 * embedded PostgreSQL that keeps its data in a {@link DataFolder} (fsync on, every acknowledged
 * commit on disk), or, with {@code --fresh}, one on a temporary folder that goes with the server
 * (fsync off: nothing there is meant to last).
 */
public final class ServerDatabase implements AutoCloseable {

    /** Where the data lives. */
    public enum Kind { CONFIGURED, KEPT, FRESH, JOINED }

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final Kind kind;
    private final DatabaseSettings settings;
    private final EmbeddedPostgres embedded;
    private final DataFolder folder;

    private ServerDatabase(Kind kind, DatabaseSettings settings, EmbeddedPostgres embedded, DataFolder folder) {
        this.kind = kind;
        this.settings = settings;
        this.embedded = embedded;
        this.folder = folder;
    }

    /**
     * @param environment where DB_URL/DATABASE_URL are looked up
     * @param dataFolder  the folder to keep the embedded database in; null for a fresh one
     * @param joinRunning when a running server holds {@code dataFolder}, use its database (for
     *                    {@code invoke}) rather than refuse
     */
    public static ServerDatabase start(Map<String, String> environment, Path dataFolder, boolean joinRunning,
                                       PrintStream log) {
        ServerDatabase database;
        Optional<String> running = joinRunning && dataFolder != null ? DataFolder.announcedDatabase(dataFolder) : Optional.empty();
        if (DatabaseSettings.isConfigured(environment)) {
            database = new ServerDatabase(Kind.CONFIGURED, DatabaseSettings.fromEnvironment(environment), null, null);
        } else if (running.isPresent()) {
            return new ServerDatabase(Kind.JOINED, new DatabaseSettings(running.get(), "postgres", null), null, null);
        } else if (dataFolder == null) {
            database = embedded(Kind.FRESH, null, EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off"));
        } else {
            DataFolder folder = DataFolder.open(dataFolder);
            try {
                folder.stopOrphanedPostgres(log);
                database = embedded(Kind.KEPT, folder, EmbeddedPostgres.builder()
                        .setDataDirectory(folder.postgres())
                        .setCleanDataDirectory(false)
                        // The embedded server's command line turns fsync off (-F); this comes after it and wins.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on"));
            } catch (RuntimeException e) {
                folder.close();
                throw e;
            }
        }
        try {
            Migrations.migrate(database.settings);
            if (database.folder != null) {
                database.folder.announce(database.settings.jdbcUrl());
            }
            return database;
        } catch (RuntimeException e) {
            database.close(); // an embedded PostgreSQL must not outlive a failed start
            throw e;
        }
    }

    private static ServerDatabase embedded(Kind kind, DataFolder folder, EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder
                    // PostgreSQL's default; every instance holds one connection and the server bounds instances.
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(STARTUP_LIMIT)
                    .start();
            return new ServerDatabase(kind, new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null),
                    postgres, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** The data folder of a kept database (null otherwise). */
    public DataFolder folder() {
        return folder;
    }

    /** One line for the banner: which database, and where its data lives. */
    public String describe() {
        return switch (kind) {
            case CONFIGURED -> settings.jdbcUrl() + " (from DB_URL/DATABASE_URL)";
            case KEPT -> "embedded PostgreSQL, data kept in " + folder.root() + " (--fresh for an empty one)";
            case FRESH -> "embedded PostgreSQL, fresh: its data goes when the server stops";
            case JOINED -> settings.jdbcUrl() + " (the database of the local server running now)";
        };
    }

    /** The environment variables that point a function at this database. */
    public Map<String, String> environment() {
        return settings.environment();
    }

    /** Stops an embedded PostgreSQL (a clean shutdown: no process is left) and lets go of the data folder. */
    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        } finally {
            if (folder != null) {
                folder.close();
            }
        }
    }
}
