package dev.stride.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.functions.support.DatabaseRoles;
import dev.stride.instance.DatabaseAccess;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamAuthenticationTest {

    @Test
    void iamMode_whenDatabaseOffersNoTls_thenConnectionRefusedBeforeAnyTokenIsSent() {
        DatabaseAccess access = DatabaseAccess.fromEnvironment(environment());

        assertThat(access.mode()).isEqualTo("iam");
        // The embedded server has no TLS: a token must never travel in the clear, so the driver
        // (sslmode=require) gives up before authenticating.
        assertThatThrownBy(() -> access.dataSource().getConnection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not support SSL");
    }

    @Test
    void iamMode_whenNoDatabaseUser_thenRefusedAtStart() {
        Map<String, String> env = environment();
        env.remove("DB_USER");

        assertThatThrownBy(() -> DatabaseAccess.fromEnvironment(env)).hasMessageContaining("DB_USER");
    }

    @Test
    void iamMode_whenSecretAlsoNamed_thenRefusedAsAmbiguous() {
        Map<String, String> env = environment();
        env.put("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x");

        assertThatThrownBy(() -> DatabaseAccess.fromEnvironment(env)).hasMessageContaining("not both");
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_IAM_AUTH", "true");
        env.put("DB_URL", DatabaseRoles.jdbcUrl());
        env.put("DB_USER", "stride_app");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDSTRIDETEST");
        env.put("AWS_SECRET_ACCESS_KEY", "not-a-real-key");
        return env;
    }
}
