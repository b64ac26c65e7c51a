package dev.stride.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stride.api.HttpApiEvent;
import dev.stride.aws.AwsClients;
import dev.stride.db.Database;
import dev.stride.functions.support.DatabaseRoles;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.instance.DatabaseAccess;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.testkit.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Secrets Manager path against LocalStack in Docker, as docs/aws.md tells users to run it:
 * the secret is created there through the SDK, Stride is pointed at it with AWS_ENDPOINT_URL, and
 * a rotation is picked up. Runs only where Docker answers; elsewhere it is skipped and says so
 * (the same path is always tested against a local GetSecretValue endpoint, in
 * SecretsManagerCredentialsTest). The image is {@code STRIDE_LOCALSTACK_IMAGE} if set, and a
 * {@code LOCALSTACK_AUTH_TOKEN} in the environment is passed on.
 */
class LocalStackSecretsTest {

    private static final String IMAGE = System.getenv().getOrDefault("STRIDE_LOCALSTACK_IMAGE", "localstack/localstack:4.4");
    private static final String ROLE = "stride_localstack";

    private static String container;
    private static String endpoint;

    /** In the test, not in a @BeforeAll, so that the skip is reported on the test with its reason. */
    private static void startLocalStack() throws Exception {
        String docker = dockerProblem();
        assumeTrue(docker == null, () -> "skipped: Docker is not available here (" + docker
                + "); the Secrets Manager path is still tested against a local endpoint by SecretsManagerCredentialsTest");
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "--rm", "-p", "127.0.0.1::4566",
                "-e", "SERVICES=secretsmanager"));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            run.addAll(List.of("-e", "LOCALSTACK_AUTH_TOKEN"));
        }
        run.add(IMAGE);
        container = command(Duration.ofMinutes(5), run.toArray(String[]::new)).strip();
        String published = command(Duration.ofSeconds(30), "docker", "port", container, "4566/tcp").lines().findFirst().orElseThrow();
        endpoint = "http://" + published.strip();
        awaitSecretsManager();
    }

    @AfterAll
    static void stopLocalStack() throws Exception {
        if (container != null) {
            command(Duration.ofMinutes(1), "docker", "rm", "-f", container);
        }
    }

    @Test
    void secretInLocalStack_whenRotated_thenStrideConnectsBeforeAndAfter() throws Exception {
        startLocalStack();
        TestDatabase.reset();
        DatabaseRoles.create(ROLE, "localstack-first");
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", endpoint,
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"));
        String arn;
        try (var secrets = new AwsClients(env).secretsManager()) {
            arn = secrets.createSecret(request -> request.name("stride/db-" + System.nanoTime())
                    .secretString(DatabaseRoles.secretFor(ROLE, "localstack-first"))).arn();
        }
        env.put("DB_SECRET_ARN", arn);

        DatabaseAccess access = DatabaseAccess.fromEnvironment(env);
        try (Database database = Database.open(access.dataSource(), access.poolSize())) {
            var create = new CreateUserHandler(Services.over(database).users());
            assertThat(create.handleRequest(createUser("first"), new LambdaContext()).getStatusCode()).isEqualTo(201);

            DatabaseRoles.setPassword(ROLE, "localstack-second");
            try (var secrets = new AwsClients(env).secretsManager()) {
                secrets.putSecretValue(request -> request.secretId(arn).secretString(DatabaseRoles.secretFor(ROLE, "localstack-second")));
            }
            database.evictConnections();

            assertThat(create.handleRequest(createUser("second"), new LambdaContext()).getStatusCode()).isEqualTo(201);
        }
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent createUser(String name) {
        return HttpApiEvent.request("POST", "/users").as(name + "-localstack")
                .body("{\"username\": \"" + name + "\", \"email\": \"" + name + "@localstack.example\"}").build();
    }

    /** Null when `docker info` answers; otherwise why not. */
    private static String dockerProblem() {
        try {
            command(Duration.ofSeconds(20), "docker", "info", "--format", "{{.ServerVersion}}");
            return null;
        } catch (IOException | IllegalStateException e) {
            return e.getMessage().lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("docker info failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void awaitSecretsManager() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                String health = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/_localstack/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (health.matches("(?s).*\"secretsmanager\":\\s*\"(available|running)\".*")) {
                    return;
                }
            } catch (IOException notYet) {
                // the container is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("LocalStack's Secrets Manager did not start within 120 s at " + endpoint);
    }

    private static String command(Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
        }
        return text;
    }
}
