package dev.stride.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Opens PostgreSQL connections with the login a {@link LoginSource} gives at that moment. The pool
 * ({@link ConnectionPool}) and Flyway both take their connections from here, so a rotated password or a renewed
 * IAM token reaches the next new connection without restarting anything.
 *
 * <p>When the database refuses the password (SQLState 28P01), the source is told and the
 * connection is tried once more with the source's fresh login: this is how a secret rotated since
 * it was cached (or since the SnapStart snapshot) is picked up without a failed request.
 */
public final class LoginDataSource implements DataSource {

    /** PostgreSQL's "invalid_password": also what it answers for a bad or expired IAM token. */
    static final String INVALID_PASSWORD = "28P01";

    private static final Driver DRIVER = new Driver();

    private final String jdbcUrl;
    private final LoginSource logins;
    private final Map<String, String> properties;
    private final DatabaseLimits limits;
    private volatile int loginTimeoutSeconds;

    /**
     * @param properties driver properties added to every connection (e.g. {@code sslmode=require}),
     *                   on top of Stride's defaults
     */
    public LoginDataSource(String jdbcUrl, LoginSource logins, Map<String, String> properties) {
        this(jdbcUrl, logins, properties, DatabaseLimits.forFunction(DatabaseLimits.DEFAULT_FUNCTION_TIMEOUT));
    }

    /** As above, with the time limits of every connection ({@link DatabaseLimits}). */
    public LoginDataSource(String jdbcUrl, LoginSource logins, Map<String, String> properties, DatabaseLimits limits) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL (jdbc:postgresql://…) is required");
        }
        this.jdbcUrl = jdbcUrl;
        this.logins = logins;
        this.properties = Map.copyOf(properties);
        this.limits = limits;
    }

    /** The same database and logins, with other time limits (a migration's). */
    public LoginDataSource withLimits(DatabaseLimits other) {
        return new LoginDataSource(jdbcUrl, logins, properties, other);
    }

    public DatabaseLimits limits() {
        return limits;
    }

    public static LoginDataSource of(DatabaseSettings settings) {
        return new LoginDataSource(settings.jdbcUrl(), LoginSource.fixed(settings.user(), settings.password()), Map.of());
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public LoginSource logins() {
        return logins;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Login login = logins.current();
        try {
            return connect(login);
        } catch (SQLException refused) {
            if (!INVALID_PASSWORD.equals(refused.getSQLState()) || !logins.refused(login)) {
                throw refused;
            }
            try {
                return connect(logins.current());
            } catch (SQLException again) {
                again.addSuppressed(refused);
                throw again;
            }
        }
    }

    private Connection connect(Login login) throws SQLException {
        Properties info = new Properties();
        info.setProperty("ApplicationName", "stride");
        info.setProperty("tcpKeepAlive", "true");
        // Every statement prepared on the server at its first run (pgjdbc's default: the fifth).
        // Stride's statements all run again; a new session (a cold start, a SnapStart restore)
        // then reaches the plan PostgreSQL keeps for a statement in fewer runs (SnapStartHooks).
        // A prepareThreshold in DB_URL or in the caller's properties wins.
        info.setProperty("prepareThreshold", "1");
        info.putAll(limits.driverProperties());
        if (loginTimeoutSeconds > 0) {
            info.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        info.putAll(properties);
        if (properties.containsKey("options")) {
            // Settings of the caller's own come after the limits, and win where they overlap.
            info.setProperty("options", limits.serverOptions() + " " + properties.get("options"));
        }
        if (login.user() != null) {
            info.setProperty("user", login.user());
        }
        if (login.password() != null) {
            info.setProperty("password", login.password());
        }
        Connection connection = DRIVER.connect(jdbcUrl, info);
        if (connection == null) {
            // Only when the URL is not the driver's; the constructor checked it is.
            throw new SQLException("the PostgreSQL driver does not accept " + jdbcUrl, "08001");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(new Login(username, password));
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "LoginDataSource[" + jdbcUrl + "]";
    }
}
