package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.stride.local.auth.LocalIdentityProvider;
import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JWT authorizer as API Gateway runs it: only a token signed by the issuer's key, for the
 * configured issuer and audience, and within its lifetime reaches the function; everything else
 * is 401 {"message":"Unauthorized"} and the function never runs.
 */
class AuthorizerTest {

    private static final String PROTECTED = "/echo/anything";

    private final Client api = TestServer.client();
    private final LocalIdentityProvider identities = TestServer.app().server().identities();

    @Test
    void validTokenReachesTheFunctionWithItsClaimsAsStrings() {
        String token = mintFromEndpoint("{\"sub\": \"alice\", \"groups\": [\"admin\", \"users\"]}");

        Client.Response response = api.get(PROTECTED, token);

        assertThat(response.status()).isEqualTo(200);
        JsonNode claims = response.json().at("/event/requestContext/authorizer/jwt/claims");
        assertThat(claims.get("sub").asText()).isEqualTo("alice");
        assertThat(claims.get("cognito:groups").asText()).isEqualTo("[admin users]");
        assertThat(claims.get("iss").asText()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_local");
        assertThat(claims.get("aud").asText()).isEqualTo("stride-web");
        assertThat(claims.get("exp").asText()).matches("\\d{10}");
        long lifetime = claims.get("exp").asLong() - claims.get("iat").asLong();
        assertThat(lifetime).isEqualTo(3600);
    }

    @Test
    void tokenWithoutBearerPrefixIsAcceptedAsApiGatewayDoes() {
        Client.Response response = api.send(api.request(PROTECTED).header("Authorization", TestServer.token("alice")));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void missingTokenIsUnauthorized() {
        assertUnauthorized(api.get(PROTECTED, null));
        assertUnauthorized(api.send(api.request(PROTECTED).header("Authorization", "Bearer ")));
        assertUnauthorized(api.get(PROTECTED, "not-a-jwt"));
    }

    @Test
    void expiredTokenIsUnauthorizedAndSaysSo() {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = identities.sign(claims("alice", identities.issuer(), identities.audience())
                .issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plus(Duration.ofHours(1))))
                .build());

        Client.Response response = api.get(PROTECTED, expired);

        assertUnauthorized(response);
        assertThat(response.header("www-authenticate")).contains("invalid_token").contains("expired");
    }

    @Test
    void tokenNotYetValidIsUnauthorized() {
        String early = identities.sign(claims("alice", identities.issuer(), identities.audience())
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                .build());

        assertUnauthorized(api.get(PROTECTED, early));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String foreign = identities.sign(claims("alice", identities.issuer(), "some-other-app").build());

        assertUnauthorized(api.get(PROTECTED, foreign));
    }

    @Test
    void tokenWithClientIdInsteadOfAudienceIsAccepted() {
        // Cognito access tokens carry client_id and no aud; API Gateway checks client_id then.
        String access = identities.sign(claims("alice", identities.issuer(), null).claim("client_id", "stride-web").build());

        assertThat(api.get(PROTECTED, access).status()).isEqualTo(200);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        String foreign = identities.sign(claims("alice", "https://login.evil.example", identities.audience()).build());

        assertUnauthorized(api.get(PROTECTED, foreign));
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() throws JOSEException {
        // Same kid, same claims: only the signature is wrong.
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(identities.keyId()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(identities.keyId()).build(),
                claims("alice", identities.issuer(), identities.audience()).build());
        forged.sign(new RSASSASigner(impostor));

        assertUnauthorized(api.get(PROTECTED, forged.serialize()));
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String[] parts = TestServer.token("alice").split("\\.");
        String admin = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims("alice", identities.issuer(), identities.audience()).claim("cognito:groups", List.of("admin"))
                        .build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertUnauthorized(api.get(PROTECTED, parts[0] + "." + admin + "." + parts[2]));
    }

    @Test
    void unsignedTokenWithAlgNoneIsUnauthorized() {
        String unsigned = new PlainJWT(claims("alice", identities.issuer(), identities.audience()).build()).serialize();

        assertUnauthorized(api.get(PROTECTED, unsigned));
    }

    @Test
    void routeWithAuthorizerNoneNeedsNoToken() {
        assertThat(api.get("/public/echo", null).status()).isEqualTo(200);
    }

    @Test
    void routeScopesRequireOneOfThemInTheToken() {
        String withoutScope = TestServer.token("alice");
        String withScope = identities.sign(claims("alice", identities.issuer(), identities.audience())
                .claim("scope", "openid stride/admin").build());

        Client.Response refused = api.get("/scoped", withoutScope);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        Client.Response allowed = api.get("/scoped", withScope);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().at("/event/requestContext/authorizer/jwt/scopes").toString())
                .isEqualTo("[\"openid\",\"stride/admin\"]");
    }

    @Test
    void tokenEndpointRefusesBadInputWithProblemJson() {
        Client.Response notJson = api.post("/_local/token", "{sub:", null);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.header("Content-Type")).isEqualTo("application/problem+json");

        Client.Response bad = api.post("/_local/token", "{\"groups\": \"admin\", \"role\": \"root\"}", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(bad.json().get("status").asInt()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("sub", "groups", "role");

        Client.Response blankSub = api.post("/_local/token", "{\"sub\": \"  \"}", null);
        assertThat(blankSub.status()).isEqualTo(400);
        assertThat(blankSub.json().get("errors").get(0).get("field").asText()).isEqualTo("sub");
    }

    private String mintFromEndpoint(String body) {
        Client.Response response = api.post("/_local/token", body, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        return response.json().get("token").asText();
    }

    private static JWTClaimsSet.Builder claims(String sub, String issuer, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        return audience == null ? claims : claims.audience(audience);
    }

    private static void assertUnauthorized(Client.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
    }
}
