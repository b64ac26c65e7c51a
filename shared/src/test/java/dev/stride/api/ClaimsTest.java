package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    @Test
    void caller_whenCognitoGroupsAsApiGatewayFlattensThem_thenAdminRecognised() {
        assertThat(Claims.caller(Map.of("sub", "a", "cognito:groups", "[admin users]")).admin()).isTrue();
        assertThat(Claims.caller(Map.of("sub", "a", "cognito:groups", "[\"users\",\"admin\"]")).admin()).isTrue();
        assertThat(Claims.caller(Map.of("sub", "a", "cognito:groups", "admin")).admin()).isTrue();
    }

    @Test
    void caller_whenNoAdminGroup_thenNotAdmin() {
        assertThat(Claims.caller(Map.of("sub", "a")).admin()).isFalse();
        assertThat(Claims.caller(Map.of("sub", "a", "cognito:groups", "[administrators]")).admin()).isFalse();
        assertThat(Claims.caller(Map.of("sub", "a", "cognito:groups", "[]")).admin()).isFalse();
    }

    @Test
    void caller_whenNoSub_thenUnauthorized() {
        assertThatThrownBy(() -> Claims.caller(null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
        assertThatThrownBy(() -> Claims.caller(Map.of("cognito:groups", "[admin]")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
    }
}
