package dev.stride.api;

import dev.stride.domain.Caller;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller, read from the claims of the token that API Gateway's JWT authorizer verified: its
 * {@code sub}, and whether its {@code cognito:groups} claim holds {@code admin}.
 */
public final class Claims {

    public static final String ADMIN_GROUP = "admin";

    private Claims() {
    }

    /** Reads the claims as the HTTP API's JWT authorizer passes them; none means no identity (401). */
    public static Caller caller(Map<String, String> claims) {
        if (claims == null) {
            throw ProblemException.unauthorized();
        }
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            throw ProblemException.unauthorized();
        }
        return new Caller(sub, groups(claims.get("cognito:groups")).contains(ADMIN_GROUP));
    }

    /**
     * API Gateway flattens an array claim to a string: {@code [admin users]} from Cognito,
     * sometimes {@code ["admin","users"]} or {@code admin,users}. Any of them is read.
     */
    static Set<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[,\\s]+"))
                .map(g -> g.replace("\"", "").strip())
                .filter(g -> !g.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
