package dev.stride.domain;

/** One state of one resource: its id and its version. */
public record Revision(long id, long version) {
}
