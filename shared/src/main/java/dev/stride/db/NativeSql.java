package dev.stride.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A native statement run over JDBC on the connection of the unit of work's own
 * {@link EntityManager}, so inside its transaction (or its autocommit) exactly as
 * {@code em.createNativeQuery} would run it, without EclipseLink's handling of a native query
 * on every call (re-reading the text for its markers, building a record per row, converting
 * each value): that handling was about a fifth of a warm request (docs/performance.md).
 *
 * <p>The text numbers its parameters as a JPA native query does ({@code ?1}, {@code ?2}; a number
 * may appear more than once) and is translated to JDBC's plain markers once, when built. Each
 * value is bound with its SQL type, a null too: the driver keeps a statement prepared on the
 * server only while its parameters' types stay the same.
 */
public final class NativeSql {

    private static final int[] NOWHERE = {};

    private final String jdbc;
    // Where each numbered parameter goes: positions[n] are the JDBC indexes (from 1) of ?n.
    private final int[][] positions;

    private NativeSql(String jdbc, int[] markers) {
        this.jdbc = jdbc;
        int highest = 0;
        for (int number : markers) {
            highest = Math.max(highest, number);
        }
        this.positions = new int[highest + 1][];
        for (int number = 0; number <= highest; number++) {
            int[] at = new int[markers.length];
            int count = 0;
            for (int k = 0; k < markers.length; k++) {
                if (markers[k] == number) {
                    at[count++] = k + 1;
                }
            }
            positions[number] = Arrays.copyOf(at, count);
        }
    }

    /** The JDBC indexes of parameter {@code ?number}: none when the text does not use it. */
    private int[] positions(int number) {
        return number >= 0 && number < positions.length ? positions[number] : NOWHERE;
    }

    /** The statement {@code sql}, with parameters numbered {@code ?1}, {@code ?2}, ... */
    public static NativeSql of(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        int[] markers = new int[8];
        int count = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            jdbc.append(c);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                int end = i + 1;
                while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("a parameter without its number at " + i + ": " + sql);
                }
                if (count == markers.length) {
                    markers = Arrays.copyOf(markers, count * 2);
                }
                markers[count++] = Integer.parseInt(sql, i + 1, end, 10);
                i = end - 1;
            }
        }
        return new NativeSql(jdbc.toString(), Arrays.copyOf(markers, count));
    }

    /** This statement prepared on {@code em}'s connection, to be bound and run once. */
    public Execution on(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            // Only Database's units of work hold one throughout (Database.holdConnection).
            throw new IllegalStateException("the EntityManager holds no connection: not one of Database's units of work");
        }
        try {
            return new Execution(connection.prepareStatement(jdbc));
        } catch (SQLException failure) {
            throw failed(failure);
        }
    }

    @Override
    public String toString() {
        return jdbc;
    }

    /** What a statement answers, read from its result one row at a time. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * One run of the statement: its parameters bound by number, then run by one of
     * {@link #list}, {@link #first} or {@link #update}, which close it.
     */
    public final class Execution {

        private final PreparedStatement statement;

        private Execution(PreparedStatement statement) {
            this.statement = statement;
        }

        public Execution setLong(int number, long value) {
            try {
                for (int index : positions(number)) {
                    statement.setLong(index, value);
                }
                return this;
            } catch (SQLException failure) {
                throw abandoned(failure);
            }
        }

        public Execution setDouble(int number, double value) {
            try {
                for (int index : positions(number)) {
                    statement.setDouble(index, value);
                }
                return this;
            } catch (SQLException failure) {
                throw abandoned(failure);
            }
        }

        public Execution setInteger(int number, Integer value) {
            try {
                for (int index : positions(number)) {
                    if (value == null) {
                        statement.setNull(index, Types.INTEGER);
                    } else {
                        statement.setInt(index, value);
                    }
                }
                return this;
            } catch (SQLException failure) {
                throw abandoned(failure);
            }
        }

        public Execution setText(int number, String value) {
            try {
                for (int index : positions(number)) {
                    // A null as VARCHAR, the type setString binds: one prepared statement for both.
                    if (value == null) {
                        statement.setNull(index, Types.VARCHAR);
                    } else {
                        statement.setString(index, value);
                    }
                }
                return this;
            } catch (SQLException failure) {
                throw abandoned(failure);
            }
        }

        public Execution setDate(int number, LocalDate value) {
            try {
                for (int index : positions(number)) {
                    if (value == null) {
                        statement.setNull(index, Types.DATE);
                    } else {
                        statement.setObject(index, value);
                    }
                }
                return this;
            } catch (SQLException failure) {
                throw abandoned(failure);
            }
        }

        /** Every row the statement answers, each as {@code row} reads it. */
        public <T> List<T> list(Row<T> row) {
            try (statement; ResultSet rows = statement.executeQuery()) {
                List<T> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(row.read(rows));
                }
                return read;
            } catch (SQLException failure) {
                throw failed(failure);
            }
        }

        /** The first row the statement answers as {@code row} reads it, or null when it answers none. */
        public <T> T first(Row<T> row) {
            try (statement; ResultSet rows = statement.executeQuery()) {
                return rows.next() ? row.read(rows) : null;
            } catch (SQLException failure) {
                throw failed(failure);
            }
        }

        /** Runs a statement that answers no rows; the number of rows it changed. */
        public int update() {
            try (statement) {
                return statement.executeUpdate();
            } catch (SQLException failure) {
                throw failed(failure);
            }
        }

        /** A binding that failed: the statement closed, the failure reported as {@link #failed} does. */
        private PersistenceException abandoned(SQLException failure) {
            try {
                statement.close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
            return failed(failure);
        }
    }

    /**
     * A failed statement as the persistence layer reports one: unchecked, the driver's
     * {@link SQLException} (and its SQLState, which {@link DatabaseFailure} and the API read) as its cause.
     */
    private static PersistenceException failed(SQLException failure) {
        return new PersistenceException(failure.getMessage(), failure);
    }
}
