package dev.stride.db;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long Stride waits on PostgreSQL, derived from the function's own timeout so that a slow,
 * locked or vanished database is answered (503) while the function still runs, never by Lambda
 * killing it mid-request.
 *
 * <ul>
 *   <li>{@code lockTimeout}: a row or table lock waited for at most this long (SQLState 55P03);</li>
 *   <li>{@code statementTimeout}: one statement at most this long, cancelled by the server (57014);</li>
 *   <li>{@code socketTimeout}: one read from the server at most this long, so a database that
 *       stopped answering (host gone, network cut) is noticed by the driver; longer than the
 *       statement timeout, so that the server's own cancel normally comes first;</li>
 *   <li>{@code connectTimeout}: opening a connection (TCP and login) at most this long;</li>
 *   <li>{@code idleInTransactionTimeout}: a session left inside a transaction (its function
 *       frozen or killed) is ended by the server, and its locks with it;</li>
 *   <li>{@code idleCheck}: a pooled connection that sat unused for longer is checked (one round
 *       trip, {@link java.sql.Connection#isValid}) before it is handed out, so one the database or
 *       the network dropped while the function was frozen is replaced instead of failing the
 *       request; {@value #IDLE_CHECK_MILLIS} ms unless set ({@link #withIdleCheck}).</li>
 * </ul>
 *
 * <p>The server settings travel in the startup packet ({@code options}), so they cost no round
 * trip and hold for every statement of every connection, behind an RDS Proxy too.
 */
public record DatabaseLimits(Duration lockTimeout, Duration statementTimeout, Duration socketTimeout,
                             Duration connectTimeout, Duration idleInTransactionTimeout, Duration idleCheck) {

    /** How long a pooled connection may sit unused before it is checked, unless set otherwise. */
    public static final long IDLE_CHECK_MILLIS = 500;

    /** The function's timeout in seconds, as template.yaml sets it (Globals: Timeout). */
    public static final String FUNCTION_TIMEOUT_SECONDS = "FUNCTION_TIMEOUT_SECONDS";

    /** API Gateway waits 30 s for an integration; the template's functions time out at 29. */
    public static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofSeconds(29);

    public DatabaseLimits {
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("the socket timeout must exceed the statement timeout");
        }
        if (idleCheck.isNegative()) {
            throw new IllegalArgumentException("the idle check cannot be negative");
        }
    }

    /** These limits, with idle connections checked after {@value #IDLE_CHECK_MILLIS} ms. */
    public DatabaseLimits(Duration lockTimeout, Duration statementTimeout, Duration socketTimeout,
                          Duration connectTimeout, Duration idleInTransactionTimeout) {
        this(lockTimeout, statementTimeout, socketTimeout, connectTimeout, idleInTransactionTimeout,
                Duration.ofMillis(IDLE_CHECK_MILLIS));
    }

    /** The same limits, with pooled connections checked only after sitting unused for {@code idle}. */
    public DatabaseLimits withIdleCheck(Duration idle) {
        return new DatabaseLimits(lockTimeout, statementTimeout, socketTimeout, connectTimeout, idleInTransactionTimeout, idle);
    }

    /**
     * The limits of an API function that times out after {@code functionTimeout}: a statement may
     * take 40% of it and a read 60% (one stuck read is answered 503 with time to spare); a lock is
     * waited for up to 15% (at most 5 s: a request that waits longer is better answered 503 and
     * retried); a connection takes at most 15% (at most 5 s) to open.
     */
    public static DatabaseLimits forFunction(Duration functionTimeout) {
        long millis = functionTimeout.toMillis();
        Duration lock = min(Duration.ofMillis(millis * 15 / 100), Duration.ofSeconds(5));
        return new DatabaseLimits(
                lock,
                Duration.ofMillis(millis * 40 / 100),
                Duration.ofMillis(millis * 60 / 100),
                min(Duration.ofMillis(millis * 15 / 100), Duration.ofSeconds(5)),
                functionTimeout);
    }

    /** The limits of the function this environment describes ({@value #FUNCTION_TIMEOUT_SECONDS}, else 29 s). */
    public static DatabaseLimits fromEnvironment(Map<String, String> env) {
        return forFunction(functionTimeout(env));
    }

    public static Duration functionTimeout(Map<String, String> env) {
        String value = DatabaseSettings.blankToNull(env.get(FUNCTION_TIMEOUT_SECONDS));
        if (value == null) {
            return DEFAULT_FUNCTION_TIMEOUT;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 3) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(FUNCTION_TIMEOUT_SECONDS + " must be a whole number of seconds, at least 3");
    }

    /**
     * The limits of a schema migration that must be over within {@code budget}: a lock waited for
     * at most 10 s or half the budget (an ALTER queued behind a long transaction would otherwise stall every request
     * queued behind it), a statement as long as the budget allows.
     */
    public static DatabaseLimits forMigration(Duration budget) {
        Duration statement = max(budget, Duration.ofSeconds(1));
        return new DatabaseLimits(
                min(Duration.ofSeconds(10), statement.dividedBy(2)),
                statement,
                statement.plusSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60));
    }

    /** Driver properties that apply these limits to every connection, with no extra round trip. */
    public Map<String, String> driverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("connectTimeout", Long.toString(seconds(connectTimeout)));
        properties.put("loginTimeout", Long.toString(seconds(connectTimeout)));
        properties.put("socketTimeout", Long.toString(seconds(socketTimeout)));
        properties.put("options", serverOptions());
        return properties;
    }

    /** The session settings, as the startup packet's {@code options} carries them. */
    public String serverOptions() {
        // A StringBuilder, not +: each new shape of + is a class the JVM generates at its first run
        // (string concatenation is invokedynamic), and this one runs at every cold start.
        return new StringBuilder(96).append("-c lock_timeout=").append(lockTimeout.toMillis())
                .append(" -c statement_timeout=").append(statementTimeout.toMillis())
                .append(" -c idle_in_transaction_session_timeout=").append(idleInTransactionTimeout.toMillis())
                .toString();
    }

    /** How long the pool waits for a connection: the time to open one, and a little more. */
    public Duration poolTimeout() {
        return connectTimeout.plusSeconds(1);
    }

    // pgjdbc takes whole seconds; 0 would mean "no limit".
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
