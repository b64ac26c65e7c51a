package dev.stride.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.domain.Caller;
import dev.stride.json.Json;
import java.util.Arrays;
import java.util.HashSet;
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

    /** The longest {@code sub} accepted (Cognito's are 36-character UUIDs). */
    public static final int MAX_SUB = 128;

    /**
     * Reads the claims as the HTTP API's JWT authorizer passes them. No claims, or a {@code sub}
     * that is not 1–128 characters without control characters, is no identity (401).
     */
    public static Caller caller(Map<String, String> claims) {
        if (claims == null) {
            throw ProblemException.unauthorized();
        }
        String sub = claims.get("sub");
        if (!isValidSub(sub)) {
            throw ProblemException.unauthorized();
        }
        return new Caller(sub, groups(claims.get("cognito:groups")).contains(ADMIN_GROUP));
    }

    /** 1 to 128 characters (code points), none a control character, not only spaces. */
    public static boolean isValidSub(String sub) {
        if (sub == null || sub.isBlank()) {
            return false;
        }
        if (sub.codePointCount(0, sub.length()) > MAX_SUB) {
            return false;
        }
        // A loop, not codePoints().noneMatch(...): every request reads the sub, and the stream's
        // pipeline and lambda are classes a cold start would load and generate for it.
        for (int i = 0; i < sub.length(); i++) {
            // A control character is never part of a surrogate pair: chars are enough.
            if (Character.isISOControl(sub.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The groups of a {@code cognito:groups} claim, read exactly: a JSON array of strings
     * ({@code ["admin","users"]}), or the string form API Gateway flattens an array claim to,
     * {@code [admin users]}, split on spaces only. A group is a group as named: {@code ops,admin}
     * is one group, and not {@code admin}.
     */
    static Set<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        String value = claim.strip();
        if (value.startsWith("[\"")) {
            try {
                JsonNode array = Json.read(value);
                if (array.isArray()) {
                    Set<String> groups = new HashSet<>();
                    array.forEach(group -> {
                        if (group.isTextual()) {
                            groups.add(group.asText());
                        }
                    });
                    return Set.copyOf(groups);
                }
            } catch (JsonProcessingException notJson) {
                // then it is the bracketed string form, read below
            }
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        return Arrays.stream(value.split(" +"))
                .filter(group -> !group.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
