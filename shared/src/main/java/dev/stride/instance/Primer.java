package dev.stride.instance;

import java.util.List;

/**
 * Something that runs request paths before the SnapStart snapshot, found with
 * {@link java.util.ServiceLoader}: the functions module provides the one that pushes synthetic
 * events through the real handlers. It must leave nothing written: a write runs to its end only
 * inside {@link RolledBackWrites}, which undoes it before COMMIT.
 */
public interface Primer {

    /**
     * Runs the paths of {@code handler} (a handler's class name), or of every handler when it is
     * null, over {@code services} and answers the HTTP status of each.
     */
    List<Integer> prime(Services services, String handler);
}
