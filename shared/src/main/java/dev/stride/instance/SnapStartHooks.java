package dev.stride.instance;

import dev.stride.db.LoginSource;
import org.crac.Context;
import org.crac.Resource;

/**
 * Lambda SnapStart runtime hooks (CRaC). Lambda snapshots an instance once its init is done and
 * starts later instances from that snapshot, possibly days later and many at once.
 *
 * <ul>
 *   <li>Before the snapshot: prime (see {@link Priming}), so the snapshot holds a bootstrapped
 *       persistence unit and loaded, initialised request-path classes; then close the pooled
 *       connection, which no restored copy could use.</li>
 *   <li>After a restore: close anything pooled again and drop logins that may have gone stale
 *       with the snapshot (an IAM token), so the first request opens a fresh connection.</li>
 * </ul>
 */
public final class SnapStartHooks implements Resource {

    private final Services services;
    private final LoginSource logins;

    public SnapStartHooks(Services services, LoginSource logins) {
        this.services = services;
        this.logins = logins;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Priming.prime(services);
        services.database().evictConnections();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        services.database().evictConnections();
        logins.restored();
    }
}
