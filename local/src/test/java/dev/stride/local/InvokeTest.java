package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.support.FixtureFunctions;
import dev.stride.local.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invoke FUNCTION -e event.json [--env-vars env.json]}, like {@code sam local invoke}. */
class InvokeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void emptyDatabase() {
        TestServer.resetData();
    }

    @Test
    void invokesTheFunctionWithTheEventFileAndPrintsItsResponse() throws Exception {
        int exit = invoke("CreateUserFunction", "-e", FixtureFunctions.resource("fixture/events/create-user.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode response = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        assertThat(new ObjectMapper().readTree(response.get("body").asText()).get("username").asText()).isEqualTo("Bob");
        assertThat(TestServer.count("SELECT count(*) FROM users WHERE owner_sub = 'invoked-bob'")).isEqualTo(1);
    }

    @Test
    void envVarsFileOverridesOnlyWhatTheTemplateDeclares() throws Exception {
        String events = FixtureFunctions.resource("fixture/events/create-user.json").toString();
        int exit = invoke("EchoFunction", "-e", events,
                "--env-vars", FixtureFunctions.resource("fixture/env-vars.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode echo = new ObjectMapper().readTree(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("body").asText());
        assertThat(echo.at("/env/STAGE").asText()).as("Parameters apply to every function").isEqualTo("from-env-file");
        assertThat(echo.at("/env/GREETING").asText()).as("the function's own entry").isEqualTo("bonjour");
        assertThat(echo.at("/event/requestContext/authorizer/jwt/claims/sub").asText()).isEqualTo("invoked-bob");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("EchoFunction.NOT_IN_TEMPLATE");
    }

    @Test
    void functionThatThrowsPrintsLambdasErrorShapeAndFails() throws Exception {
        int exit = invoke("ThrowingFunction");

        assertThat(exit).isEqualTo(1);
        JsonNode error = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("stackTrace")).isNotEmpty();
    }

    @Test
    void functionOverItsTimeoutIsAnsweredAtTheTimeoutEvenWhenItIgnoresTheInterrupt(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("slow.json"),
                "{\"rawPath\":\"/slow\",\"queryStringParameters\":{\"ignoreInterrupts\":\"true\"}}");
        long start = System.nanoTime();

        int exit = invoke("SlowFunction", "-e", event.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the handler keeps its thread for 10 s")
                .isLessThan(Duration.ofSeconds(6));
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("errorMessage").asText())
                .isEqualTo("Task timed out after 1 seconds");
    }

    private int invoke(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(List.of("--template", FixtureFunctions.template().toString()));
        // Points invoke at the tests' database instead of starting a second one.
        Map<String, String> environment = TestServer.sameDatabase();
        args.add(0, "invoke");
        return new InvokeCommand((CommandLine.Invoke) CommandLine.parse(args), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    }
}
