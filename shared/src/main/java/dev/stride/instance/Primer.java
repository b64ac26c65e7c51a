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
         * At an on-demand init, where init is part of what the first request waits for. A read
         * function: its own statements, as a real request runs them for a caller without a
         * profile (a 404 or an empty list, in autocommit), nothing seeded or undone: the seeding
         * and undoing cost a read's cold start more than they saved its first request
         * (docs/performance.md). A write function: {@link #EVERY_PATH}, since its first request
         * needs what only the full path runs (its body checked against the row it changes, its
         * transaction and commit): a first PATCH after its statements alone took 210 ms.
         */
        AT_INIT,
        /**
         * Every path, writes run to their end inside {@link RolledBackWrites}, over a
         * {@linkplain RolledBackWrites.History#NEW new user's profile}: after a SnapStart restore,
         * whose hook the first request waits for, to prepare the statements on the new connection
         * (the snapshot holds the compiled code).
         */
        EVERY_PATH,
        /**
         * Every path as {@link #EVERY_PATH}, then again over a
         * {@linkplain RolledBackWrites.History#LIVED_IN lived-in profile}: the shapes real data
         * takes (nulls, several tags, a next page), whose paths a new profile never reaches.
         * Before a SnapStart snapshot or for provisioned concurrency, where no request waits for it.
         */
        EVERY_SHAPE
    }

    /**
     * Runs the paths of {@code handler} (a handler's class name), or of every handler when it is
     * null, over {@code services}, as far as {@code scope} says, and answers the HTTP status of each.
     */
    List<Integer> prime(Services services, String handler, Scope scope);
}
