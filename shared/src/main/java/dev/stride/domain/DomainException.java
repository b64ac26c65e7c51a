package dev.stride.domain;

/**
 * Why an operation refused: the domain's own failures, in its own words. The API layer turns each
 * kind into its HTTP answer in one place ({@code dev.stride.api.Api}); nothing here knows HTTP.
 * No stack trace: these are answers, not bugs.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFound, Conflict, Invalid {

    DomainException(String message) {
        super(message, null, false, false);
    }
}
