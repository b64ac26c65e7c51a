package dev.stride.instance;

import java.util.List;

/**
 * Something that runs request paths before the SnapStart snapshot, found with
 * {@link java.util.ServiceLoader}: the functions module provides the one that pushes synthetic
 * events through the real handlers. It must leave nothing written: a write runs to its end only
 * inside {@link RolledBackWrites}, which undoes it before COMMIT.
 */
public interface Primer {

    /** How much of a function's paths a priming runs. */
    enum Scope {
        /**
         * At an on-demand init: the function's own statements, as a real request runs them for a
         * caller without a profile (a 404 or an empty list; a read in autocommit): nothing seeded,
         * nothing written. What init pays here the first request would pay anyway, and no more:
         * {@link #EVERY_PATH}'s seeding and undoing cost a cold start more than they saved its
         * first request (docs/performance.md).
         */
        STATEMENTS,
        /**
         * Before a SnapStart snapshot or for provisioned concurrency, where init time is not a
         * request's: every path, writes run to their end inside {@link RolledBackWrites}.
         */
        EVERY_PATH
    }

    /**
     * Runs the paths of {@code handler} (a handler's class name), or of every handler when it is
     * null, over {@code services}, as far as {@code scope} says, and answers the HTTP status of each.
     */
    List<Integer> prime(Services services, String handler, Scope scope);
}
