package dev.stride.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The few connections of one instance, kept open between units of work: {@code size} at most (one
 * on Lambda, where an instance serves one request at a time), opened when first needed through
 * {@code connections} (so a rotated secret or a renewed IAM token reaches the next one), handed
 * out last-in first-out, and given back by closing what {@link #getConnection()} returned.
 *
 * <p>Written for Stride instead of a general pool (HikariCP): it does what Stride used of one, and
 * loads no thread, executor, proxy generator or logging API at a cold start (docs/performance.md).
 * What it keeps of the pool it replaces:
 * <ul>
 *   <li>a connection that sat idle for longer than {@code idleCheck} ({@link DatabaseLimits#idleCheck},
 *       500 ms unless set: a frozen Lambda's always has) is checked with {@link Connection#isValid} before it is handed out, and one the
 *       database dropped is replaced instead of failing the request;</li>
 *   <li>a connection given back closed (an I/O error), or in a transaction, is not handed out
 *       again as it was: closed, or rolled back and put back in autocommit;</li>
 *   <li>when all are taken, a caller waits up to {@code timeout} for one, then gets a
 *       {@link SQLTransientConnectionException}, as it does at once when a new connection cannot be
 *       opened ({@link DatabaseFailure} reads both as {@code UNAVAILABLE});</li>
 *   <li>{@link #evict()} closes the idle connections now and the borrowed ones when they come back
 *       (a SnapStart checkpoint, a broken connection);</li>
 *   <li>a connection its borrower dropped without closing it is taken back when the unit of work
 *       that borrowed it ends ({@link #reclaim}): EclipseLink does so when it replaces a connection
 *       it found broken, which a general pool notices from the statement's error instead.</li>
 * </ul>
 * And one thing it adds: {@link #openAhead()} opens the first connection on a thread of its own
 * while the instance's init goes on (EclipseLink's deploy), so the network round trips of a login
 * (TCP, TLS, SCRAM; an IAM token's signing) are not waited for one after the other.
 */
final class ConnectionPool extends DataSourceOver {

    private final int size;
    private final long timeoutNanos;
    private final long idleCheckNanos;
    private final int validationSeconds;

    // Guarded by this.
    private final ArrayDeque<Entry> idle = new ArrayDeque<>();
    private final List<PooledConnection> borrowed = new ArrayList<>();
    private long borrowings;
    private int open;
    private int generation;
    private boolean closed;
    private Ahead ahead;

    /** A physical connection, and when it was opened ({@link #generation}) and last given back. */
    static final class Entry {
        final Connection connection;
        final int generation;
        long givenBackAt;

        Entry(Connection connection, int generation) {
            this.connection = connection;
            this.generation = generation;
        }
    }

    /**
     * The connection {@link #openAhead()} is opening, until it is idle in the pool or has failed;
     * its failure is the next borrower's, so a database that is down costs init one connect
     * timeout, not two.
     */
    private static final class Ahead {
        boolean finished;
        SQLTransientConnectionException failure;
    }

    ConnectionPool(DataSource connections, int size, Duration timeout, Duration idleCheck) {
        super(connections);
        if (size < 1) {
            throw new IllegalArgumentException("a pool holds at least one connection");
        }
        this.size = size;
        this.timeoutNanos = Math.max(250, timeout.toMillis()) * 1_000_000;
        this.idleCheckNanos = idleCheck.toNanos();
        this.validationSeconds = (int) Math.max(1, Math.min(2, timeout.toSeconds()));
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            Entry entry;
            int current;
            synchronized (this) {
                while (!closed && idle.isEmpty() && (opening() || open >= size && !reclaimedBroken())) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SQLTransientConnectionException("no connection was free within "
                                + timeoutNanos / 1_000_000 + " ms (" + size + " in use)", "08001");
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new SQLTransientConnectionException("interrupted while waiting for a connection", "08001", interrupted);
                    }
                }
                if (closed) {
                    throw new SQLException("the connection pool is closed");
                }
                if (ahead != null && ahead.failure != null) {
                    SQLTransientConnectionException failure = ahead.failure;
                    ahead = null;
                    throw failure;
                }
                entry = idle.pollFirst();
                if (entry == null) {
                    open++;
                }
                current = generation;
            }
            if (entry == null) {
                entry = connect(current);
            } else if (System.nanoTime() - entry.givenBackAt > idleCheckNanos && !alive(entry.connection)) {
                discard(entry);
                continue;
            }
            synchronized (this) {
                PooledConnection handle = new PooledConnection(this, entry, ++borrowings);
                borrowed.add(handle);
                return handle;
            }
        }
    }

    /**
     * Starts opening one connection on a thread of its own (at most one at a time, and only while
     * the pool has room and nothing idle), and returns at once. When it is open it is idle in the
     * pool, as if given back just now; a borrower that comes before that waits for it rather than
     * opening another, and gets its failure if it failed.
     */
    void openAhead() {
        Ahead job;
        int current;
        synchronized (this) {
            if (closed || ahead != null || !idle.isEmpty() || open >= size) {
                return;
            }
            open++;
            job = new Ahead();
            ahead = job;
            current = generation;
        }
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                finishAhead(job, current);
            }
        }, "stride-connect");
        thread.setDaemon(true);
        thread.start();
    }

    private void finishAhead(Ahead job, int current) {
        Entry entry = null;
        SQLTransientConnectionException failure = null;
        try {
            entry = connect(current);
        } catch (SQLTransientConnectionException refused) {
            failure = refused;
        } catch (Error broken) {
            // A class that cannot initialise, say: the borrower gets it as its own connect would.
            synchronized (this) {
                open--;
            }
            failure = new SQLTransientConnectionException("could not open a database connection: " + broken, "08001", broken);
        }
        synchronized (this) {
            job.finished = true;
            if (entry != null && !closed && entry.generation == generation) {
                entry.givenBackAt = System.nanoTime();
                idle.addFirst(entry);
                entry = null;
            }
            if (ahead == job) {
                if (failure != null) {
                    job.failure = failure;
                } else {
                    ahead = null;
                }
            }
            notifyAll();
        }
        if (entry != null) {
            // Evicted or closed while it was being opened.
            discard(entry);
        }
    }

    /** Whether {@link #openAhead()}'s connection is still being opened. Called holding this. */
    private boolean opening() {
        return ahead != null && !ahead.finished;
    }

    /**
     * Whether a borrowed connection turned out closed (an I/O error closes it) and was taken back:
     * its borrower may still hold it, but nobody can use it. Called with the pool full.
     */
    private boolean reclaimedBroken() {
        boolean any = false;
        for (int i = borrowed.size() - 1; i >= 0; i--) {
            PooledConnection handle = borrowed.get(i);
            boolean broken;
            try {
                broken = handle.entry.connection.isClosed();
            } catch (SQLException failed) {
                broken = true;
            }
            if (broken && handle.detach()) {
                borrowed.remove(i);
                open--;
                any = true;
            }
        }
        return any;
    }

    /** The number of the latest borrowing: {@link #reclaim} takes back what this thread borrows after it. */
    synchronized long mark() {
        return borrowings;
    }

    /**
     * Takes back every connection this thread borrowed after {@code mark} and has not given back,
     * closed: the unit of work that borrowed it has ended, and its borrower dropped it (EclipseLink
     * replaces a connection it found broken without closing it).
     */
    void reclaim(long mark) {
        List<PooledConnection> dropped = null;
        synchronized (this) {
            for (int i = borrowed.size() - 1; i >= 0; i--) {
                PooledConnection handle = borrowed.get(i);
                if (handle.borrowing > mark && handle.borrower == Thread.currentThread()) {
                    if (dropped == null) {
                        dropped = new ArrayList<>();
                    }
                    dropped.add(handle);
                    borrowed.remove(i);
                }
            }
        }
        if (dropped != null) {
            for (PooledConnection handle : dropped) {
                if (handle.detach()) {
                    discard(handle.entry);
                }
            }
        }
    }

    private Entry connect(int current) throws SQLTransientConnectionException {
        try {
            return new Entry(source.getConnection(), current);
        } catch (SQLException | RuntimeException failure) {
            synchronized (this) {
                open--;
                notifyAll();
            }
            throw new SQLTransientConnectionException("could not open a database connection: " + failure.getMessage(),
                    failure instanceof SQLException sql ? sql.getSQLState() : "08001", failure);
        }
    }

    private boolean alive(Connection connection) {
        try {
            return connection.isValid(validationSeconds);
        } catch (SQLException broken) {
            return false;
        }
    }

    /** Takes back what {@link PooledConnection#close()} gave up: clean and kept, or closed. */
    void giveBack(PooledConnection handle) {
        synchronized (this) {
            borrowed.remove(handle);
        }
        Entry entry = handle.entry;
        boolean keep;
        try {
            Connection connection = entry.connection;
            keep = !connection.isClosed();
            if (keep && !connection.getAutoCommit()) {
                // Left in a transaction (a failed unit of work): the next borrower must not join it.
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException broken) {
            keep = false;
        }
        synchronized (this) {
            if (keep && !closed && entry.generation == generation) {
                entry.givenBackAt = System.nanoTime();
                idle.addFirst(entry);
                notifyAll();
                return;
            }
        }
        discard(entry);
    }

    private void discard(Entry entry) {
        synchronized (this) {
            open--;
            notifyAll();
        }
        closeQuietly(entry.connection);
    }

    /** Connections open now, idle or borrowed. */
    synchronized int open() {
        return open;
    }

    /** Closes every idle connection now, and every borrowed one when it is given back. */
    void evict() {
        List<Entry> evicted;
        synchronized (this) {
            generation++;
            if (ahead != null && ahead.finished) {
                ahead = null; // a failure from before: not the next borrower's any more
            }
            evicted = new ArrayList<>(idle);
            idle.clear();
            open -= evicted.size();
            notifyAll();
        }
        evicted.forEach(entry -> closeQuietly(entry.connection));
    }

    /** Closes every connection (borrowed ones when they come back); later calls are refused. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        evict();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // Already broken: nothing else to free.
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections all use the instance's login");
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + size + " over " + source + "]";
    }
}
