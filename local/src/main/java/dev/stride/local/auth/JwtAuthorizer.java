package dev.stride.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.stride.local.template.JwtAuthorizerSpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP API JWT authorizer, checking what API Gateway checks, in its order: a token in the
 * identity source (bare or after {@code Bearer }); a signed JWT with a {@code kid}, an RSA
 * algorithm and a valid signature against the issuer's keys; {@code iss} equal to the issuer;
 * {@code aud} (or, without one, {@code client_id}) among the audiences; {@code exp} after now,
 * {@code nbf} and {@code iat} not after now; and one of the route's scopes, if it has any.
 * A refusal is 401 (403 for a missing scope), and the handler never runs.
 */
public final class JwtAuthorizer {

    /** API Gateway verifies RSA signatures only. */
    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    private static final String EXPIRED = "the token has expired";

    /** Verified tokens kept at most; past that the cache starts over (tokens live an hour anyway). */
    private static final int VERIFIED_LIMIT = 10_000;

    private final JwtAuthorizerSpec spec;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;
    /**
     * Tokens whose signature and claims were verified, by their exact text: checking an RSA
     * signature is most of the authorizer's cost, and the same token comes again and again. Time
     * is checked again on every use, so a cached token still expires on time.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public JwtAuthorizer(JwtAuthorizerSpec spec, JWKSet issuerKeys, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(RSA, new ImmutableJWKSet<>(issuerKeys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> verifyClaims(claims));
    }

    public JwtAuthorizerSpec spec() {
        return spec;
    }

    /**
     * Decides on a request whose identity source holds {@code identity} (null when absent) for a
     * route that requires {@code routeScopes} (empty: the authorizer's own, if any).
     */
    public Decision authorize(String identity, List<String> routeScopes) {
        if (identity == null || identity.isBlank()) {
            return Decision.deny(401, "no token in " + spec.identitySource(), false);
        }
        String token = identity.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        Verified known = verified.get(token);
        if (known != null) {
            Date now = Date.from(clock.instant());
            if (!known.expires().after(now)) {
                verified.remove(token);
                return Decision.deny(401, EXPIRED, true);
            }
            return decide(known.payload(), routeScopes);
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return Decision.deny(401, "not a JWT", false);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return Decision.deny(401, "the token is not signed (alg " + jwt.getHeader().getAlgorithm() + ")", false);
        }
        if (signed.getHeader().getKeyID() == null) {
            return Decision.deny(401, "the token's header has no kid", false);
        }
        if (!RSA.contains(signed.getHeader().getAlgorithm())) {
            return Decision.deny(401, "alg " + signed.getHeader().getAlgorithm() + " is not an RSA algorithm", false);
        }
        try {
            processor.process(signed, null);
        } catch (BadJWTException e) {
            return Decision.deny(401, e.getMessage(), EXPIRED.equals(e.getMessage()));
        } catch (BadJOSEException | JOSEException e) {
            return Decision.deny(401, e.getMessage(), false);
        }
        Map<String, Object> payload = signed.getPayload().toJSONObject();
        try {
            if (verified.size() >= VERIFIED_LIMIT) {
                verified.clear();
            }
            verified.put(token, new Verified(payload, signed.getJWTClaimsSet().getExpirationTime()));
        } catch (ParseException e) {
            return Decision.deny(401, "unreadable claims", false);
        }
        return decide(payload, routeScopes);
    }

    private Decision decide(Map<String, Object> payload, List<String> routeScopes) {
        List<String> required = routeScopes.isEmpty() ? spec.scopes() : routeScopes;
        List<String> granted = scopes(payload);
        if (!required.isEmpty() && required.stream().noneMatch(granted::contains)) {
            return Decision.deny(403, "the token has none of the scopes " + required, false);
        }
        return new Decision(200, null, false, flatten(payload), required.isEmpty() ? null : granted);
    }

    private void verifyClaims(JWTClaimsSet claims) throws BadJWTException {
        if (!spec.issuer().equals(claims.getIssuer())) {
            throw new BadJWTException("iss " + claims.getIssuer() + " is not " + spec.issuer());
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.isEmpty()) {
            Object clientId = claims.getClaim("client_id");
            audience = clientId == null ? List.of() : List.of(String.valueOf(clientId));
        }
        if (audience.stream().noneMatch(spec.audiences()::contains)) {
            throw new BadJWTException("aud/client_id " + audience + " is none of " + spec.audiences());
        }
        Date now = Date.from(clock.instant());
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new BadJWTException("the token has no exp");
        }
        if (!expires.after(now)) {
            throw new BadJWTException(EXPIRED);
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            throw new BadJWTException("the token is not valid yet (nbf)");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().after(now)) {
            throw new BadJWTException("the token was issued in the future (iat)");
        }
    }

    private static List<String> scopes(Map<String, Object> payload) {
        List<String> scopes = new ArrayList<>();
        for (String claim : List.of("scope", "scp")) {
            Object value = payload.get(claim);
            if (value instanceof List<?> list) {
                list.forEach(s -> scopes.add(String.valueOf(s)));
            } else if (value != null) {
                scopes.addAll(Arrays.asList(String.valueOf(value).trim().split("\\s+")));
            }
        }
        return scopes;
    }

    /**
     * The claims as API Gateway hands them to the function: every value a string; numbers
     * written out whole, arrays as {@code [a b]} (how {@code cognito:groups} arrives), objects as
     * {@code map[k:v]}.
     */
    static Map<String, String> flatten(Map<String, Object> payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            if (value != null) {
                claims.put(name, text(value));
            }
        });
        return claims;
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(JwtAuthorizer::text).toList()) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("map[");
            new TreeMap<>(map).forEach((k, v) -> text.append(text.length() > 4 ? " " : "").append(k).append(':').append(text(v)));
            return text.append(']').toString();
        }
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }

    /** A token that passed every check but time, which is checked on each use. */
    private record Verified(Map<String, Object> payload, Date expires) {
    }

    /**
     * An authorizer's answer: {@code status} 200 with the claims (and the token's scopes when the
     * route requires some), or 401/403 with the reason the server logs (the client only sees
     * API Gateway's fixed message).
     */
    public record Decision(int status, String reason, boolean expired, Map<String, String> claims, List<String> scopes) {

        static Decision deny(int status, String reason, boolean expired) {
            return new Decision(status, reason, expired, null, null);
        }

        public boolean allowed() {
            return status == 200;
        }
    }
}
