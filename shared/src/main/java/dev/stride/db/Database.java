package dev.stride.db;

import dev.stride.observability.Log;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The persistence unit and its connections ({@link ConnectionPool}): built once per Lambda instance, shared by every
 * invocation of it.
 *
 * <p>Each unit of work gets its own {@link EntityManager}, inside one transaction that is committed
 * when the work returns and rolled back when it throws; the manager is closed in {@code finally}.
 * This is the only place in Stride where transactions begin and end.
 */
public final class Database implements AutoCloseable {

    public static final String PERSISTENCE_UNIT = PersistenceUnit.NAME;

    private static final Log LOG = Log.of(Database.class);

    /** Runs of a unit of work that the database undid (deadlock, serialization failure), at most. */
    static final int MAX_ATTEMPTS = 4;

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private static final ThreadLocal<TransactionHook> HOOK = new ThreadLocal<>();

    private final ConnectionPool dataSource;
    private final boolean mappingsFromAnnotations;
    private volatile EntityManagerFactory entityManagerFactory;

    private Database(ConnectionPool dataSource, boolean mappingsFromAnnotations) {
        this.dataSource = dataSource;
        this.mappingsFromAnnotations = mappingsFromAnnotations;
    }

    public static Database open(DatabaseSettings settings) {
        return open(LoginDataSource.of(settings), settings.poolSize());
    }

    /**
     * The unit over connections from {@code connections}, pooled {@code poolSize} at most. The pool
     * asks {@code connections} for each new physical connection, so a login that changes (a rotated
     * secret, a renewed IAM token) reaches the next one.
     *
     * <p>A database that cannot be reached now does not fail this call (a Lambda init that fails
     * is retried by Lambda on every request, each time paying the whole init): the persistence
     * unit is then started by the first unit of work that finds the database back, and each one
     * before it fails with {@link DatabaseFailure.Kind#UNAVAILABLE}.
     */
    public static Database open(DataSource connections, int poolSize) {
        return open(connections, poolSize, false);
    }

    /**
     * The same unit, with its mappings worked out from the entities' annotations by EclipseLink's
     * metadata processing, as the static weaver and {@code persistence.xml} see them, instead of
     * {@link MappedProject}'s: what {@code MappedProjectTest} holds that project to.
     */
    public static Database openFromAnnotations(DataSource connections, int poolSize) {
        return open(connections, poolSize, true);
    }

    private static Database open(DataSource connections, int poolSize, boolean mappingsFromAnnotations) {
        DatabaseLimits limits = connections instanceof LoginDataSource login ? login.limits() : null;
        Duration poolTimeout = limits != null ? limits.poolTimeout() : Duration.ofSeconds(10);
        Duration idleCheck = limits != null ? limits.idleCheck() : Duration.ofMillis(DatabaseLimits.IDLE_CHECK_MILLIS);
        // One connection per Lambda instance (DB_POOL_SIZE): an instance serves one request at a
        // time, and max_connections is shared by every instance of every function.
        Database database = new Database(new ConnectionPool(connections, poolSize, poolTimeout, idleCheck), mappingsFromAnnotations);
        // The login's round trips (and an IAM token's signing) go on while EclipseLink deploys,
        // which is CPU work that needs no connection until it logs in (docs/performance.md).
        database.dataSource.openAhead();
        try {
            database.factory();
        } catch (DatabaseFailure unavailable) {
            LOG.warn("the database is not reachable at start; the first request that finds it will connect", unavailable);
        } catch (RuntimeException | Error e) {
            database.dataSource.close();
            throw e;
        }
        return database;
    }

    /**
     * Runs {@code work} in one transaction on a fresh EntityManager and returns what it returns.
     *
     * <p>When the database undoes the transaction to resolve a conflict (deadlock 40P01,
     * serialization failure 40001), or the connection broke before COMMIT was sent, the whole of
     * {@code work} runs again, up to {@value #MAX_ATTEMPTS} times in all, after a short random
     * pause; so {@code work} must touch nothing but the database. When that is not enough, or the
     * database cannot be reached, a {@link DatabaseFailure} says so. A connection lost while COMMIT
     * was on its way is {@link DatabaseFailure.Kind#OUTCOME_UNKNOWN}: never retried here.
     */
    public <T> T transaction(Function<EntityManager, T> work) {
        return withRetries(() -> once(work));
    }

    /**
     * Runs {@code work}, which only reads, on a fresh EntityManager outside any transaction: its
     * statements run in autocommit, without the BEGIN and COMMIT round trips a transaction adds.
     * For a single read statement, whose snapshot is consistent by itself. Failures are retried and
     * translated as in {@link #transaction}. With a {@link TransactionHook} installed that
     * {@linkplain TransactionHook#joinsReads() joins reads}, it runs in a transaction the hook joins.
     */
    public <T> T read(Function<EntityManager, T> work) {
        TransactionHook hook = HOOK.get();
        if (hook != null && hook.joinsReads()) {
            return transaction(work);
        }
        return withRetries(() -> outsideTransaction(work));
    }

    /**
     * Runs {@code work}, one statement that writes (all it changes in that one statement), outside
     * any transaction: the statement commits by itself, without the BEGIN and COMMIT round trips. A
     * statement the database undid (deadlock, serialization failure) runs again as in
     * {@link #transaction}; a connection lost while it ran is {@link DatabaseFailure.Kind#OUTCOME_UNKNOWN},
     * as a lost COMMIT is, since the statement may have committed. With a {@link TransactionHook}
     * installed on this thread (an idempotency key, priming) it runs in a transaction, which the
     * hook joins.
     */
    public <T> T write(Function<EntityManager, T> work) {
        if (HOOK.get() != null) {
            return transaction(work);
        }
        return withRetries(() -> {
            try {
                return outsideTransaction(work);
            } catch (RuntimeException failure) {
                if (DatabaseFailure.isBrokenConnection(failure)) {
                    throw new DatabaseFailure(DatabaseFailure.Kind.OUTCOME_UNKNOWN,
                            "the connection was lost while the statement ran", failure);
                }
                throw failure;
            }
        });
    }

    /** {@code work} on an EntityManager of its own in autocommit: each statement commits by itself. */
    private <T> T outsideTransaction(Function<EntityManager, T> work) {
        long mark = dataSource.mark();
        EntityManager em = factory().createEntityManager();
        Accessor held = null;
        try {
            held = holdConnection(em);
            return work.apply(em);
        } finally {
            try {
                if (held != null) {
                    held.decrementCallCount();
                }
            } finally {
                close(em, mark);
            }
        }
    }

    /**
     * Makes {@code em} hold one connection until the returned accessor's call count is lowered
     * again. Outside a transaction EclipseLink gives a pooled data source's connection back after
     * every statement, so {@code em.unwrap(Connection.class)} has none to answer there; held, one
     * connection serves every statement of the unit of work, EclipseLink's and {@link NativeSql}'s
     * alike, as it does in a transaction (EclipseLink's own unwrap holds it the same way there).
     */
    private static Accessor holdConnection(EntityManager em) {
        UnitOfWorkImpl unitOfWork = em.unwrap(UnitOfWorkImpl.class);
        // The client session's own accessor: it has one from its start (exclusive-connection.is-lazy
        // false in PersistenceUnit); a lazy one would answer the server session's, shared by all.
        Collection<Accessor> own = unitOfWork.getParent().getAccessors();
        if (own == null || own.size() != 1) {
            throw new IllegalStateException("the EntityManager has no connection of its own (exclusive-connection.is-lazy)");
        }
        Accessor accessor = own.iterator().next();
        accessor.incrementCallCount(unitOfWork.getParent());
        return accessor;
    }

    private <T> T withRetries(Supplier<T> unitOfWork) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.get();
            } catch (RuntimeException failure) {
                if (DatabaseFailure.isBrokenConnection(failure)) {
                    // The connection it ran on is gone (terminated, reset): none of the idle ones
                    // is handed out again unchecked; the next unit of work opens a fresh one.
                    dataSource.evict();
                }
                boolean again = DatabaseFailure.isRetryableConflict(failure)
                        || (DatabaseFailure.isBrokenConnection(failure) && !(failure instanceof DatabaseFailure));
                if (!again || attempt >= MAX_ATTEMPTS) {
                    throw DatabaseFailure.classify(failure).<RuntimeException>map(known -> known).orElse(failure);
                }
                Retries.record(DatabaseFailure.sqlState(failure));
                pause(attempt);
            }
        }
    }

    /** Runs {@code work} with {@code hook} joining every unit of work it runs on this thread. */
    public static <T> T withHook(TransactionHook hook, Supplier<T> work) {
        TransactionHook outer = HOOK.get();
        HOOK.set(outer == null ? hook : new TransactionHook() {
            // Nested: the inner hook runs inside the outer one, last in first out.
            @Override
            public void begin(EntityManager em) {
                outer.begin(em);
                hook.begin(em);
            }

            @Override
            public void beforeCommit(EntityManager em, Object result) {
                hook.beforeCommit(em, result);
                outer.beforeCommit(em, result);
            }

            @Override
            public boolean joinsReads() {
                return outer.joinsReads() || hook.joinsReads();
            }
        });
        try {
            return work.get();
        } finally {
            if (outer == null) {
                HOOK.remove();
            } else {
                HOOK.set(outer);
            }
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        long mark = dataSource.mark();
        EntityManager em = factory().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        TransactionHook hook = HOOK.get();
        try {
            tx.begin();
            if (hook != null) {
                hook.begin(em);
            }
            T result = work.apply(em);
            if (hook != null) {
                hook.beforeCommit(em, result);
            }
            try {
                tx.commit();
            } catch (RuntimeException commitFailure) {
                if (DatabaseFailure.isBrokenConnection(commitFailure)) {
                    throw new DatabaseFailure(DatabaseFailure.Kind.OUTCOME_UNKNOWN,
                            "the connection was lost during COMMIT", commitFailure);
                }
                throw commitFailure;
            }
            return result;
        } catch (Throwable failure) {
            // Errors too (a failed class initialiser): the connection must go back to the pool clean.
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
            }
            throw failure;
        } finally {
            close(em, mark);
        }
    }

    /**
     * Closes the unit of work's manager, which gives its connection back, then takes back any
     * connection the unit borrowed and dropped (EclipseLink replacing one it found broken).
     */
    private void close(EntityManager em, long mark) {
        try {
            em.close();
        } finally {
            dataSource.reclaim(mark);
        }
    }

    // 10-40 ms, then 20-80, 40-160: enough for the other transaction to finish, and random, so
    // that the two do not meet again in step.
    private static void pause(int attempt) {
        long base = 10L << (attempt - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base * 3 + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DatabaseFailure(DatabaseFailure.Kind.BUSY, "interrupted while waiting to retry", interrupted);
        }
    }

    /**
     * The persistence unit, started on first use: EclipseLink logs in when it starts, and a start
     * that failed (the database down) is tried again by the next unit of work.
     */
    private EntityManagerFactory factory() {
        EntityManagerFactory current = entityManagerFactory;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (entityManagerFactory == null) {
                try {
                    // A session name of its own: EclipseLink keeps deployed units by session name
                    // for the whole JVM (across class loaders, where its classes are shared, as in
                    // the local server), and a second Database over another pool (tests, the
                    // benchmark) would otherwise be handed the first one's session and connections.
                    PersistenceUnit unit = new PersistenceUnit(dataSource);
                    // (A StringBuilder: a + of this shape is a class generated at every cold start.)
                    String session = new StringBuilder().append(unit.getPersistenceUnitRootUrl()).append('#')
                            .append(SESSIONS.incrementAndGet()).toString();
                    // The mappings as MappedProject states them, not worked out from the
                    // annotations at every start (docs/performance.md).
                    Map<String, Object> properties = mappingsFromAnnotations
                            ? Map.of("eclipselink.session-name", session)
                            : Map.of("eclipselink.session-name", session, "eclipselink.project-cache", MappedProject.CACHE);
                    entityManagerFactory = new PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
                } catch (RuntimeException failure) {
                    throw DatabaseFailure.classify(failure)
                            .filter(known -> known.kind() == DatabaseFailure.Kind.UNAVAILABLE)
                            .<RuntimeException>map(known -> known)
                            .orElse(failure);
                }
            }
            return entityManagerFactory;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return factory();
    }

    /** Connections open now, in use or idle. */
    public int openConnections() {
        return dataSource.open();
    }

    /** Closes every pooled connection; the next unit of work opens a fresh one (SnapStart restore). */
    public void evictConnections() {
        dataSource.evict();
    }

    /**
     * Closes every pooled connection and opens a fresh one now (SnapStart's restore), so the first
     * request after a restore does not pay for connecting. A database that cannot be reached now
     * is not an error here: the first request then connects, or answers 503, as it would anyway.
     */
    public void reconnect() {
        evictConnections();
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(0);
        } catch (SQLException unreachable) {
            LOG.warn("could not connect ahead of the first request after a restore: {}", unreachable.getMessage());
        }
    }

    /** Closes the persistence unit and every connection; a second call (the shutdown hook after an owner's close) does nothing. */
    @Override
    public void close() {
        try {
            EntityManagerFactory factory = entityManagerFactory;
            if (factory != null && factory.isOpen()) {
                factory.close();
            }
        } finally {
            dataSource.close();
        }
    }
}
