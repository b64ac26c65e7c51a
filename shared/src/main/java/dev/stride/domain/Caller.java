package dev.stride.domain;

/**
 * Who is calling: the identity the token names ({@code sub}), and whether it is an administrator.
 * How a token becomes a caller is the API layer's business ({@code dev.stride.api.Claims}).
 */
public record Caller(String sub, boolean admin) {

    public Caller {
        if (sub == null || sub.isBlank()) {
            throw new IllegalArgumentException("sub is required");
        }
    }
}
