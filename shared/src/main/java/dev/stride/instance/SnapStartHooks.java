package dev.stride.instance;

import dev.stride.Env;
import dev.stride.db.LoginSource;
import org.crac.Context;
import org.crac.Resource;

/**
 * Lambda SnapStart runtime hooks (CRaC). Lambda snapshots an instance once its init is done and
 * starts later instances from that snapshot, possibly days later and many at once.
 *
 * <ul>
 *   <li>Before the snapshot: prime the function's own paths (see {@link Priming}; init has
 *       already done so once, this warms them further), so the snapshot holds a bootstrapped
 *       persistence unit and loaded, initialised request-path classes; then close the pooled
 *       connection, which no restored copy could use.</li>
 *   <li>After a restore: close anything pooled again and drop logins that may have gone stale
 *       with the snapshot (an IAM token), so the first request opens a fresh connection.</li>
 * </ul>
 */
public final class SnapStartHooks implements Resource {

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

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Priming.prime(services, handler);
        services.database().evictConnections();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        services.database().evictConnections();
        logins.restored();
    }
}
