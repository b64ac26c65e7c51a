package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void fromClaims_whenCognitoGroupsAsApiGatewayFlattensThem_thenAdminRecognised() {
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[admin users]")).admin()).isTrue();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[\"users\",\"admin\"]")).admin()).isTrue();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "admin")).admin()).isTrue();
    }

    @Test
    void fromClaims_whenNoAdminGroup_thenNotAdmin() {
        assertThat(Caller.fromClaims(Map.of("sub", "a")).admin()).isFalse();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[administrators]")).admin()).isFalse();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[]")).admin()).isFalse();
    }

    @Test
    void fromClaims_whenNoSub_thenUnauthorized() {
        assertThatThrownBy(() -> Caller.fromClaims(null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
        assertThatThrownBy(() -> Caller.fromClaims(Map.of("cognito:groups", "[admin]")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
    }
}
