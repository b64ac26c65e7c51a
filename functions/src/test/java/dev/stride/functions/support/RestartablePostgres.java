package dev.stride.functions.support;

import dev.stride.db.DatabaseLimits;
import dev.stride.db.LoginDataSource;
import dev.stride.db.LoginSource;
import dev.stride.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An embedded PostgreSQL of a test's own, on a fixed port and data directory, so that it can be
 * stopped and started again (the fault suite), or not started yet when a function first needs it.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final int port;
    private final Path dataDirectory;
    private final Map<String, String> config;
    private EmbeddedPostgres running;

    private RestartablePostgres(int port, Path dataDirectory, Map<String, String> config) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.config = config;
    }

    /** A server not started yet, on a free port, with these server settings. */
    public static RestartablePostgres create(Map<String, String> config) {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new RestartablePostgres(socket.getLocalPort(), Files.createTempDirectory("stride-pg"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized RestartablePostgres start() {
        if (running == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off");
                config.forEach(builder::setServerConfig);
                running = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
        return this;
    }

    /** Stops the server (fast shutdown: sessions are ended, transactions rolled back). */
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                running = null;
            }
        }
    }

    public RestartablePostgres migrate() {
        Migrations.migrate(dataSource(DatabaseLimits.forFunction(DatabaseLimits.DEFAULT_FUNCTION_TIMEOUT)));
        return this;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Connections as a function opens them, with these limits. */
    public LoginDataSource dataSource(DatabaseLimits limits) {
        return new LoginDataSource(jdbcUrl(), LoginSource.fixed("postgres", null), Map.of(), limits);
    }

    /** A connection of the test's own (not counted as Stride's: another application name). */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "?ApplicationName=stride-test", "postgres", null);
    }

    public void execute(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends every session Stride's functions hold ({@code pg_terminate_backend}); answers how many. */
    public long terminateStrideSessions() {
        return count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'stride'");
    }

    /** Opens connections until the server refuses one: every slot taken. */
    public List<Connection> takeEveryConnection() {
        List<Connection> taken = new ArrayList<>();
        while (true) {
            try {
                taken.add(admin());
            } catch (SQLException full) {
                return taken;
            }
            if (taken.size() > 1000) {
                throw new IllegalStateException("the server never refused a connection");
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
