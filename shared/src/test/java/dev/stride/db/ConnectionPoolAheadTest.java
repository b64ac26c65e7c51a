package dev.stride.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionPool#openAhead()}: the first connection opened on a thread of its own while
 * init goes on, then handed to the first borrower, or its failure; and never leaked when the pool
 * is emptied while it is still being opened.
 */
class ConnectionPoolAheadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void openAhead_whenTheFirstBorrowerComes_thenItGetsThatConnectionAndNoOtherIsOpened() throws Exception {
        Connections database = new Connections();
        ConnectionPool pool = new ConnectionPool(database, 1, TIMEOUT, Duration.ofHours(1));

        pool.openAhead();
        try (Connection first = pool.getConnection()) {
            assertThat(first.isClosed()).isFalse();
        }
        try (Connection second = pool.getConnection()) {
            assertThat(second.isClosed()).isFalse();
        }

        assertThat(database.openedOn).containsExactly("stride-connect");
        assertThat(pool.open()).isEqualTo(1);
        pool.close();
    }

    @Test
    void openAhead_whenABorrowerComesBeforeItIsOpen_thenItWaitsForThatOneRatherThanOpeningAnother() throws Exception {
        Connections database = new Connections();
        database.hold();
        ConnectionPool pool = new ConnectionPool(database, 2, TIMEOUT, Duration.ofHours(1));

        pool.openAhead();
        database.awaitAttempts(1);
        Thread release = new Thread(() -> {
            sleep(200);
            database.release();
        });
        release.start();
        try (Connection first = pool.getConnection()) {
            assertThat(first.isClosed()).isFalse();
        }
        release.join();

        // Room for two, but the borrower waited for the one on its way.
        assertThat(database.openedOn).containsExactly("stride-connect");
        pool.close();
    }

    @Test
    void openAhead_whenTheDatabaseRefuses_thenTheFirstBorrowerGetsThatFailureWithoutASecondAttempt() throws Exception {
        Connections database = new Connections();
        database.refuse.set(true);
        database.hold();
        ConnectionPool pool = new ConnectionPool(database, 1, TIMEOUT, Duration.ofHours(1));

        pool.openAhead();
        database.awaitAttempts(1);
        Thread release = new Thread(() -> {
            sleep(100);
            database.release();
        });
        release.start();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("could not open a database connection").hasMessageContaining("refused");
        release.join();
        // At init a database that is down costs one connect timeout, not two.
        assertThat(database.attempts).hasSize(1);

        // The failure was that borrower's: the next one tries again, and gets a connection.
        database.refuse.set(false);
        try (Connection next = pool.getConnection()) {
            assertThat(next.isClosed()).isFalse();
        }
        assertThat(database.attempts).hasSize(2);
        pool.close();
    }

    @Test
    void evict_whenTheConnectionIsStillBeingOpened_thenItIsClosedOnceOpenNotKept() throws Exception {
        Connections database = new Connections();
        database.hold();
        ConnectionPool pool = new ConnectionPool(database, 1, TIMEOUT, Duration.ofHours(1));

        pool.openAhead();
        database.awaitAttempts(1);
        pool.evict(); // a SnapStart checkpoint, say
        database.release();

        database.awaitClosed(1);
        assertThat(pool.open()).isZero();
        // The pool still works: its next borrower opens a connection of its own.
        try (Connection next = pool.getConnection()) {
            assertThat(next.isClosed()).isFalse();
        }
        assertThat(database.opened).hasSize(2);
        pool.close();
    }

    @Test
    void close_whenTheConnectionIsStillBeingOpened_thenItIsClosedOnceOpen() throws Exception {
        Connections database = new Connections();
        database.hold();
        ConnectionPool pool = new ConnectionPool(database, 1, TIMEOUT, Duration.ofHours(1));

        pool.openAhead();
        database.awaitAttempts(1);
        pool.close();
        database.release();

        database.awaitClosed(1);
        assertThat(pool.open()).isZero();
        assertThatThrownBy(pool::getConnection).hasMessageContaining("closed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A database of fake connections: who opened each, which were closed; it can hold or refuse a connect. */
    private static final class Connections implements DataSource {
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<String> openedOn = new CopyOnWriteArrayList<>();
        final List<Connection> opened = new CopyOnWriteArrayList<>();
        final List<Connection> closed = new CopyOnWriteArrayList<>();
        final AtomicBoolean refuse = new AtomicBoolean();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        void awaitAttempts(int n) throws InterruptedException {
            await(() -> attempts.size() >= n);
        }

        void awaitClosed(int n) throws InterruptedException {
            await(() -> closed.size() >= n);
        }

        private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.add(Thread.currentThread().getName());
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (refuse.get()) {
                throw new SQLException("connection refused", "08001");
            }
            AtomicBoolean isClosed = new AtomicBoolean();
            Connection[] self = new Connection[1];
            self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isClosed" -> isClosed.get();
                        case "getAutoCommit", "isValid" -> true;
                        case "close" -> {
                            if (!isClosed.getAndSet(true)) {
                                closed.add(self[0]);
                            }
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            opened.add(self[0]);
            openedOn.add(Thread.currentThread().getName());
            return self[0];
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
