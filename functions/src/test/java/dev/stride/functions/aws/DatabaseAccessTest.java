package dev.stride.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.DatabaseRoles;
import dev.stride.instance.DatabaseAccess;
import dev.stride.testkit.Sql;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseAccessTest {

    /** How `sam local invoke` logs in: the template declares no password variable, so the URL carries it. */
    @Test
    void environmentMode_whenLoginIsInTheUrlAndTheOtherVariablesAreBlank_thenConnectsAsThatUser() {
        DatabaseRoles.create("stride_url_login", "url-password");

        DatabaseAccess access = DatabaseAccess.fromEnvironment(Map.of(
                "DB_URL", DatabaseRoles.jdbcUrl() + "?user=stride_url_login&password=url-password",
                "DB_USER", "", "DB_SECRET_ARN", "", "DB_IAM_AUTH", "false", "STRIDE_CURSOR_KEY_SECRET_ARN", ""));

        assertThat(access.mode()).isEqualTo("environment");
        assertThat(Sql.single(access.dataSource(), "SELECT current_user")).isEqualTo("stride_url_login");
    }
}
