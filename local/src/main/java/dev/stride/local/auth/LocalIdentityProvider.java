package dev.stride.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for the identity provider (Cognito) of the deployed API: an RSA key made at start and
 * never written anywhere, whose public half is the JWK set the local authorizer checks
 * signatures against. Tokens from a previous run are therefore refused, as they should be.
 */
public final class LocalIdentityProvider {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    public static final String GROUPS_CLAIM = "cognito:groups";

    private final RSAKey key;
    private final JWKSet publicKeys;
    private final String issuer;
    private final String audience;

    /** A provider whose tokens carry {@code issuer} and {@code audience}, what the authorizer expects. */
    public LocalIdentityProvider(String issuer, String audience) {
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID("stride-local-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the local signing key", e);
        }
        this.publicKeys = new JWKSet(key.toPublicJWK());
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The public keys, as an issuer's {@code jwks_uri} would publish them. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** A token for {@code sub} in {@code groups}, valid from now for {@link #TOKEN_LIFETIME}. */
    public String mint(String sub, List<String> groups) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(sub)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("token_use", "id");
        if (!groups.isEmpty()) {
            claims.claim(GROUPS_CLAIM, groups);
        }
        return sign(claims.build());
    }

    /** Signs any claims with the local key (tests use it for expired or foreign-audience tokens). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The signing key's ID, which every token names in its header. */
    public String keyId() {
        return key.getKeyID();
    }
}
