package dev.stride.domain;

/**
 * A change to a resource, laid over its current values: what is not changed keeps its value, and
 * the result is checked like a create. Raises {@link Invalid} naming every bad field.
 */
@FunctionalInterface
public interface Patch<R extends Record> {

    /** The current values with the changes applied, validated. */
    R applyTo(R current);
}
