package dev.stride.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.stride.local.template.JwtAuthorizerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorizer over time, and the claims as API Gateway flattens them. */
class JwtAuthorizerTest {

    private static final String ISSUER = "https://issuer.example";
    private static final LocalIdentityProvider identities = new LocalIdentityProvider(ISSUER, "app");
    private final MutableClock clock = new MutableClock(Instant.now());
    private final JwtAuthorizer authorizer = new JwtAuthorizer(
            new JwtAuthorizerSpec("Jwt", ISSUER, List.of("app"), "$request.header.Authorization", List.of()),
            identities.publicKeys(), clock);

    @Test
    void acceptedTokenStillExpiresOnTime() {
        String token = identities.mint("alice", List.of());

        assertThat(authorizer.authorize("Bearer " + token, List.of()).allowed()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(authorizer.authorize("Bearer " + token, List.of()).allowed()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        JwtAuthorizer.Decision late = authorizer.authorize("Bearer " + token, List.of());
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.expired()).isTrue();
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        String token = identities.sign(new JWTClaimsSet.Builder().subject("alice").issuer(ISSUER).audience("app").build());

        assertThat(authorizer.authorize(token, List.of()).status()).isEqualTo(401);
    }

    @Test
    void claimsAreFlattenedToStringsAsApiGatewayPassesThem() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", "alice");
        payload.put("exp", 1_795_633_648L);
        payload.put("email_verified", true);
        payload.put("cognito:groups", List.of("admin", "users"));
        payload.put("address", Map.of("city", "Seattle", "zip", "98101"));
        payload.put("nothing", null);

        assertThat(JwtAuthorizer.flatten(payload)).containsExactly(
                Map.entry("sub", "alice"),
                Map.entry("exp", "1795633648"),
                Map.entry("email_verified", "true"),
                Map.entry("cognito:groups", "[admin users]"),
                Map.entry("address", "map[city:Seattle zip:98101]"));
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        Instant later = clock.now.plus(Duration.ofMinutes(5));
        String token = identities.sign(new JWTClaimsSet.Builder().subject("alice").issuer(ISSUER).audience("app")
                .issueTime(Date.from(later)).expirationTime(Date.from(later.plus(Duration.ofHours(1)))).build());

        assertThat(authorizer.authorize(token, List.of()).status()).isEqualTo(401);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
