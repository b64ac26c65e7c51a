package dev.stride.instance;

import dev.stride.Env;
import dev.stride.db.LoginSource;
import java.time.Duration;
import org.crac.Context;
import org.crac.Resource;

/**
 * Lambda SnapStart runtime hooks (CRaC). Lambda snapshots an instance once its init is done and
 * starts later instances from that snapshot, possibly days later and many at once.
 *
 * <ul>
 *   <li>Before the snapshot: prime the function's own paths (see {@link Priming}; init has
 *       already done so once) until the JIT has compiled them, so the snapshot holds a
 *       bootstrapped persistence unit, loaded and initialised request-path classes and their
 *       compiled code; then close the pooled connection, which no restored copy could use.</li>
 *   <li>After a restore: drop logins that may have gone stale with the snapshot (an IAM token),
 *       close anything pooled again and open a fresh connection, before the first request.</li>
 * </ul>
 */
public final class SnapStartHooks implements Resource {

    /**
     * How often the function's own path is primed before the snapshot, first: enough for C1
     * (Lambda's java21 runs C1 only) to compile most of it, a method being compiled after about
     * 200 calls; the snapshot keeps the compiled code. Measured in docs/performance.md: once was
     * not enough.
     */
    static final int ROUNDS = 1000;

    /**
     * Then batches of this many rounds until one leaves the JIT nothing new to compile: after the
     * first 1 000, real requests still compiled about a hundred methods (docs/performance.md).
     */
    static final int SETTLE_BATCH = 256;

    /**
     * At most this long for those batches: Lambda counts the before-checkpoint hook toward the
     * init's limit (with SnapStart, 130 s or the function's timeout, whichever is longer).
     */
    static final Duration SETTLE_CAP = Duration.ofSeconds(20);

    /**
     * How often after a restore, on the new connection. Each statement is prepared on the server at
     * its first run ({@code prepareThreshold=1}, {@link dev.stride.db.LoginDataSource}); PostgreSQL
     * plans a prepared statement for its values for its first five runs and may then keep one
     * generic plan. 3 rounds run a read's statement 6 times (as a caller without a profile and over
     * the seeded one), so the first request finds that plan instead of planning again, cold from
     * the idle; the first request waits for this hook, so it runs no more (docs/performance.md:
     * 5 rounds at pgjdbc's threshold of 5 took 25-105 ms, 3 at 1 took 23-61 ms for the same first request).
     */
    static final int RESTORE_ROUNDS = 3;

    private final Services services;
    private final LoginSource logins;
    private final String handler;

    /** {@code handler}: the class name of the function's handler, whose paths are primed; null for every handler's. */
    public SnapStartHooks(Services services, LoginSource logins, String handler) {
        this.services = services;
        this.logins = logins;
        this.handler = handler;
    }

    public SnapStartHooks(Services services, LoginSource logins) {
        this(services, logins, null);
    }

    /**
     * Primes now when the instance is one of provisioned concurrency: Lambda (or the local server)
     * runs its init ahead of traffic, so the first request should find the path primed, as after
     * a SnapStart restore.
     */
    public void primeIfProvisioned() {
        if ("provisioned-concurrency".equals(Env.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Priming.prime(services);
        }
    }

    /**
     * Primes the function's own path {@value #ROUNDS} times, then until the JIT compiles nothing
     * new (at most {@link #SETTLE_CAP} more; every handler's path once where the handler is not
     * known), then closes the pooled connection: a snapshot must not carry one.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        if (handler == null) {
            Priming.prime(services);
        } else {
            Priming.primeUntilSettled(services, handler, ROUNDS, SETTLE_BATCH, SETTLE_CAP, JitSettling.thisJvm());
        }
        services.database().evictConnections();
    }

    /**
     * A restored instance connects again now, with fresh credentials (an IAM token), as AWS advises
     * for network connections after a restore, and runs its own path {@value #RESTORE_ROUNDS} times over that connection: a
     * new database session starts with its catalog and statement caches empty, and the first
     * requests on it took several times a warm one's time (8 ms against 0.5 ms for a run's read,
     * measured in a test JVM). This is restore time, which the first request after a restore waits
     * for too: bench/run's {@code primed} section reports both.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        logins.restored();
        services.database().reconnect();
        if (handler != null) {
            Priming.primeOnNewConnection(services, handler, RESTORE_ROUNDS);
        }
    }
}
