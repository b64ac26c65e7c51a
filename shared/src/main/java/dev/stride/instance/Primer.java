package dev.stride.instance;

import java.util.List;

/**
 * Something that runs request paths before the SnapStart snapshot, found with
 * {@link java.util.ServiceLoader}: the functions module provides the one that pushes synthetic
 * events through the real handlers. It must not write anything.
 */
public interface Primer {

    /** Runs the paths over {@code services} and answers the HTTP status of each. */
    List<Integer> prime(Services services);
}
