package dev.stride.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The database could not do the work right now: the client may try again later (503 with
 * {@code Retry-After}), except that after {@link Kind#OUTCOME_UNKNOWN} the work may have been done.
 */
public final class DatabaseFailure extends RuntimeException {

    public enum Kind {
        /** Not reachable, or refusing connections (down, restarting, full). Nothing was done. */
        UNAVAILABLE,
        /** Reachable but the work kept conflicting or waited too long (deadlock, lock or statement timeout). Nothing was done. */
        BUSY,
        /** The connection was lost while COMMIT was on its way: the work may or may not be saved. */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;

    public DatabaseFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Seconds a client should wait before trying again. */
    public int retryAfterSeconds() {
        return kind == Kind.UNAVAILABLE ? 5 : 1;
    }

    /** SQLStates after which the whole unit of work is run again: the database undid it entirely. */
    static boolean isRetryableConflict(Throwable failure) {
        String state = sqlState(failure);
        return "40P01".equals(state) || "40001".equals(state);
    }

    /** A connection that broke (terminated, reset, timed out) after it had been handed out. */
    static boolean isBrokenConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return false; // no connection was handed out: the pool could not open one
            }
        }
        String state = sqlState(failure);
        return state != null && switch (state) {
            case "08000", "08003", "08006", "57P01", "57P02" -> true;
            default -> false;
        };
    }

    /** What {@code failure} means, if it is one of the database's transient failures. */
    public static Optional<DatabaseFailure> classify(Throwable failure) {
        if (failure instanceof DatabaseFailure known) {
            return Optional.of(known);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseFailure known) {
                return Optional.of(known);
            }
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of(new DatabaseFailure(Kind.UNAVAILABLE, "no database connection", failure));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("40P01") || state.equals("40001") || state.equals("55P03") || state.equals("57014")) {
                    return Optional.of(new DatabaseFailure(Kind.BUSY, "the database is busy (" + state + ")", failure));
                }
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
                    return Optional.of(new DatabaseFailure(Kind.UNAVAILABLE, "the database is unavailable (" + state + ")", failure));
                }
            }
        }
        return Optional.empty();
    }

    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
