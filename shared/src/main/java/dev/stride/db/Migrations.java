package dev.stride.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGConnection;

/** The schema, from the versioned scripts in {@code db/migration} and nowhere else. */
public final class Migrations {

    /** Where Stride's versioned scripts are. */
    public static final String LOCATION = "classpath:db/migration";

    /** How long a migration may take when nobody says: the migration function's timeout, less margins. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(280);

    private Migrations() {
    }

    /** Migrates the database {@code settings} name, over a connection of its own. */
    public static MigrateResult migrate(DatabaseSettings settings) {
        return migrate(LoginDataSource.of(settings));
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, LOCATION);
    }

    /** Migrates with the scripts of {@code locations} (tests add a location of their own). */
    public static MigrateResult migrate(DataSource dataSource, String... locations) {
        return migrate(dataSource, DEFAULT_BUDGET, locations);
    }

    /**
     * Migrates within {@code budget}, and when that is not enough, gives up leaving nothing behind.
     *
     * <p>Over a {@link LoginDataSource}, every session has the {@link DatabaseLimits#forMigration
     * migration's limits}: a lock is waited for at most 10 s (an ALTER queued behind a long
     * transaction would otherwise hold up every request queued behind the ALTER), a statement may
     * run for the budget. Flyway's own lock is tried for as long. When the budget is spent, each
     * statement still running is cancelled and each connection closed: the server rolls the
     * migration's transaction back and ends its session, and Flyway's advisory lock (held by the
     * transaction or the session) goes with it. A failed migration leaves the previous schema.
     */
    public static MigrateResult migrate(DataSource dataSource, Duration budget, String... locations) {
        DataSource limited = dataSource instanceof LoginDataSource login
                ? login.withLimits(DatabaseLimits.forMigration(budget))
                : dataSource;
        Tracked tracked = new Tracked(limited);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migration-deadline");
            thread.setDaemon(true);
            return thread;
        });
        try {
            timer.schedule(tracked::abortAll, budget.toMillis(), TimeUnit.MILLISECONDS);
            return Flyway.configure()
                    .dataSource(tracked)
                    .locations(locations)
                    // Each migration runs in its own transaction: one that fails leaves the previous
                    // schema as it was (PostgreSQL has transactional DDL).
                    .group(false)
                    .failOnMissingLocations(true)
                    // Flyway waits 1 s between tries for its lock: at most the budget in all.
                    .lockRetryCount((int) Math.max(1, budget.toSeconds()))
                    .connectRetries(0)
                    .load()
                    .migrate();
        } finally {
            timer.shutdownNow();
        }
    }

    /** Hands out connections and remembers them, so that the deadline can stop each one. */
    private static final class Tracked extends DataSourceOver {

        private final List<Connection> open = new CopyOnWriteArrayList<>();
        private volatile boolean aborted;

        Tracked(DataSource delegate) {
            super(delegate);
        }

        void abortAll() {
            aborted = true;
            for (Connection connection : open) {
                try {
                    if (!connection.isClosed()) {
                        // The cancel stops a running statement at once; closing the socket then ends
                        // the session, which rolls back its transaction and frees its locks.
                        connection.unwrap(PGConnection.class).cancelQuery();
                        connection.abort(Runnable::run);
                    }
                } catch (SQLException | RuntimeException ignored) {
                    // Best effort: the server's own statement and idle timeouts are the backstop.
                }
            }
        }

        private Connection track(Connection connection) throws SQLException {
            if (aborted) {
                connection.close();
                throw new SQLException("the migration ran out of time", "57014");
            }
            open.removeIf(c -> {
                try {
                    return c.isClosed();
                } catch (SQLException e) {
                    return true;
                }
            });
            open.add(connection);
            return connection;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return track(source.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return track(source.getConnection(username, password));
        }
    }
}
