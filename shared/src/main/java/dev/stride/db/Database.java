package dev.stride.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The persistence unit and its connection pool: built once per Lambda instance, shared by every
 * invocation of it.
 *
 * <p>Each unit of work gets its own {@link EntityManager}, inside one transaction that is committed
 * when the work returns and rolled back when it throws; the manager is closed in {@code finally}.
 * This is the only place in Stride where transactions begin and end.
 */
public final class Database implements AutoCloseable {

    public static final String PERSISTENCE_UNIT = PersistenceUnit.NAME;

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
    }

    public static Database open(DatabaseSettings settings) {
        return open(LoginDataSource.of(settings), settings.poolSize());
    }

    /**
     * The unit over connections from {@code connections}, pooled {@code poolSize} at most. The pool
     * asks {@code connections} for each new physical connection, so a login that changes (a rotated
     * secret, a renewed IAM token) reaches the next one.
     */
    public static Database open(DataSource connections, int poolSize) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(connections, poolSize));
        try {
            EntityManagerFactory factory = new PersistenceProvider()
                    .createContainerEntityManagerFactory(new PersistenceUnit(dataSource), Map.of());
            return new Database(dataSource, factory);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(DataSource connections, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("stride");
        config.setDataSource(connections);
        // One connection per Lambda instance: an instance serves one request at a time, and
        // max_connections is shared by every instance of every function.
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        // A connection idle for over 500 ms (Hikari's alive-bypass window: a frozen Lambda's
        // always is) is checked before use, and one the database dropped is replaced instead of
        // failing this and every later invocation.
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        return config;
    }

    /** Runs {@code work} in one transaction on a fresh EntityManager and returns what it returns. */
    public <T> T transaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * Runs {@code work}, which only reads, on a fresh EntityManager outside any transaction: its
     * statements run in autocommit, without the BEGIN and COMMIT round trips a transaction adds.
     * For a single read statement, whose snapshot is consistent by itself.
     */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** Closes every pooled connection; the next unit of work opens a fresh one (SnapStart restore). */
    public void evictConnections() {
        dataSource.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
