package dev.stride.db;

import jakarta.persistence.EntityManager;

/**
 * Work that joins the units of work run on this thread while it is installed
 * ({@link Database#withHook}): first thing in each transaction, and last before its COMMIT, so that
 * what it writes commits or rolls back together with the unit of work (an idempotency key and the
 * resource it created). Either step may throw to end the unit of work; the transaction then rolls back.
 */
public interface TransactionHook {

    void begin(EntityManager em);

    void beforeCommit(EntityManager em, Object result);

    /**
     * Whether reads ({@link Database#read}) join it too, in a transaction of their own, instead of
     * running in autocommit: for a hook whose rows a read must see (priming a read's whole path
     * over rows that exist only inside that transaction). False: reads run as they always do.
     */
    default boolean joinsReads() {
        return false;
    }
}
