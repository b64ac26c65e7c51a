package dev.stride.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.functions.support.DatabaseRoles;
import dev.stride.functions.support.SecretsManagerServer;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.instance.DatabaseAccess;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.testkit.Sql;
import dev.stride.testkit.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The Secrets Manager path end to end: the real SDK client (URLConnection HTTP client, SigV4,
 * JSON 1.1) against a local endpoint that serves GetSecretValue, and the login it yields against
 * PostgreSQL with a password-checked role, through a rotation.
 */
class SecretsManagerCredentialsTest {

    private static final String ROLE = "stride_rotation";
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-stride-AbCdEf";

    private SecretsManagerServer secretsManager;

    @BeforeEach
    void start() throws Exception {
        TestDatabase.reset();
        DatabaseRoles.create(ROLE, "first-password");
        secretsManager = new SecretsManagerServer();
        secretsManager.put(ARN, DatabaseRoles.secretFor(ROLE, "first-password"));
    }

    @AfterEach
    void stop() {
        secretsManager.close();
    }

    @Test
    void secretMode_whenSecretServed_thenFetchedOnceThroughSignedSdkCallAndConnectsAsItsUser() throws Exception {
        DatabaseAccess access = DatabaseAccess.fromEnvironment(environment());
        try (Database database = Database.open(access.dataSource(), access.poolSize())) {
            var list = new ListUsersHandler(Services.over(database).users());

            assertThat(list.handleRequest(listUsers(), new LambdaContext()).getStatusCode()).isEqualTo(200);
            assertThat(list.handleRequest(listUsers(), new LambdaContext()).getStatusCode()).isEqualTo(200);
            assertThat(currentUser(database)).isEqualTo(ROLE);
        }

        assertThat(access.mode()).isEqualTo("secret");
        // Where the database is comes from the secret when DB_URL is not set.
        assertThat(access.dataSource().jdbcUrl()).isEqualTo(DatabaseRoles.jdbcUrl());
        assertThat(secretsManager.requests()).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(request.secretId()).isEqualTo(ARN);
            assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(request.authorization())
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTRIDETEST/")
                    .contains("/eu-west-1/secretsmanager/aws4_request");
        });
    }

    @Test
    void rotation_whenDatabaseRefusesCachedPassword_thenRefetchesAndNextConnectionSucceeds() throws Exception {
        DatabaseAccess access = DatabaseAccess.fromEnvironment(environment());
        try (Database database = Database.open(access.dataSource(), access.poolSize())) {
            var create = new CreateUserHandler(Services.over(database).users());
            assertThat(create.handleRequest(createUser("before"), new LambdaContext()).getStatusCode()).isEqualTo(201);

            // Secrets Manager rotates: the database gets the new password, then the secret does.
            DatabaseRoles.setPassword(ROLE, "second-password");
            secretsManager.put(ARN, DatabaseRoles.secretFor(ROLE, "second-password"));
            database.evictConnections(); // the next request needs a new connection, as after a freeze

            assertThat(create.handleRequest(createUser("after"), new LambdaContext()).getStatusCode()).isEqualTo(201);
            assertThat(currentUser(database)).isEqualTo(ROLE);

            database.evictConnections();
            assertThat(create.handleRequest(createUser("later"), new LambdaContext()).getStatusCode()).isEqualTo(201);
        }

        // Once at init, once for the refusal; the connection after that uses the cached new one.
        assertThat(secretsManager.requests()).hasSize(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(3);
    }

    @Test
    void proxyUrl_whenDbUrlSet_thenConnectsThereWithTheSecretsLogin() {
        Map<String, String> env = environment();
        env.put("DB_URL", DatabaseRoles.jdbcUrl() + "?ApplicationName=through-proxy");

        DatabaseAccess access = DatabaseAccess.fromEnvironment(env);

        assertThat(access.dataSource().jdbcUrl()).isEqualTo(env.get("DB_URL"));
        try (Database database = Database.open(access.dataSource(), access.poolSize())) {
            assertThat(currentUser(database)).isEqualTo(ROLE);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingSecret_whenInstanceStarts_thenFailsWithTheServicesError() {
        Map<String, String> env = environment();
        env.put("DB_SECRET_ARN", ARN + "-gone");

        assertThatThrownBy(() -> DatabaseAccess.fromEnvironment(env))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("can't find the specified secret");
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_SECRET_ARN", ARN);
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ENDPOINT_URL", secretsManager.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "AKIDSTRIDETEST");
        env.put("AWS_SECRET_ACCESS_KEY", "not-a-real-secret-key");
        env.put("AWS_SESSION_TOKEN", "not-a-real-session-token");
        return env;
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent listUsers() {
        return HttpApiEvent.request("GET", "/users").as("rotation-sub").build();
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent createUser(String name) {
        return HttpApiEvent.request("POST", "/users").as(name + "-sub")
                .body("{\"username\": \"" + name + "\", \"email\": \"" + name + "@example.com\"}").build();
    }

    private static String currentUser(Database database) {
        return Sql.single(database.dataSource(), "SELECT current_user");
    }

}
