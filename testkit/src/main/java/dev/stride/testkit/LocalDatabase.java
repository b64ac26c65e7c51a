package dev.stride.testkit;

import dev.stride.db.DatabaseSettings;
import dev.stride.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The database for the local server, the tests and the benchmark: the one the environment names,
 * or else an embedded PostgreSQL started here, so that a fresh machine needs nothing installed.
 * Never in Lambda: the zip carries neither this class nor the embedded server.
 */
public final class LocalDatabase implements AutoCloseable {

    private final DatabaseSettings settings;
    private final EmbeddedPostgres embedded;

    private LocalDatabase(DatabaseSettings settings, EmbeddedPostgres embedded) {
        this.settings = settings;
        this.embedded = embedded;
    }

    /** The configured database if {@code DB_URL} or {@code DATABASE_URL} is set, else an embedded one. */
    public static LocalDatabase start() {
        return start(System.getenv());
    }

    public static LocalDatabase start(Map<String, String> env) {
        if (DatabaseSettings.isConfigured(env)) {
            return new LocalDatabase(DatabaseSettings.fromEnvironment(env), null);
        }
        return startEmbedded();
    }

    public static LocalDatabase startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new LocalDatabase(new DatabaseSettings(url, "postgres", null), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Brings the schema up to date. */
    public LocalDatabase migrate() {
        Migrations.migrate(settings);
        return this;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The environment variables that point a function at this database. */
    public Map<String, String> environment() {
        return settings.environment();
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
