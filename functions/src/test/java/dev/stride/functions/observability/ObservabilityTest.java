package dev.stride.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.testkit.Stdout;
import dev.stride.testkit.TestDatabase;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What a function writes to CloudWatch: JSON lines only, with the invocation's ids, and EMF metrics. */
class ObservabilityTest {


    @Test
    void request_whenAnswered_thenOneEmfDocumentWithRouteLatencyAndStatus() throws Exception {
        var handler = new GetRunHandler(TestDatabase.stride().runs());
        var context = new LambdaContext();

        List<JsonNode> lines = Stdout.jsonLines(() -> handler.handleRequest(
                HttpApiEvent.request("GET", "/runs/{runId}").path("runId", 424242).as("metrics-sub").build(), context));

        JsonNode emf = lines.stream().filter(line -> line.has("_aws")).findFirst().orElseThrow();
        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("Stride");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("Route");
        assertThat(directive.get("Metrics").findValuesAsText("Name"))
                .containsExactly("Latency", "ClientErrors", "ServerErrors", "ColdStarts");
        assertThat(emf.at("/_aws/Timestamp").asLong()).isPositive();
        // Every metric named in the directive is a number at the top level, as EMF requires.
        assertThat(emf.get("Route").asText()).isEqualTo("GET /runs/{runId}");
        assertThat(emf.get("Latency").isNumber()).isTrue();
        assertThat(emf.get("ClientErrors").asInt()).isEqualTo(1);
        assertThat(emf.get("ServerErrors").asInt()).isZero();
        assertThat(emf.get("ColdStarts").isNumber()).isTrue();
        assertThat(emf.get("status").asInt()).isEqualTo(404);
        assertThat(emf.get("requestId").asText()).isEqualTo(context.getAwsRequestId());
        assertThat(emf.get("functionName").asText()).isEqualTo(context.getFunctionName());
    }

    @Test
    void request_whenRunLocally_thenNoEmfDocument() throws Exception {
        var handler = new GetRunHandler(TestDatabase.stride().runs());
        var local = new java.util.HashMap<>(System.getenv());
        local.put("AWS_SAM_LOCAL", "true");
        dev.stride.Env.use(local);
        try {
            List<JsonNode> lines = Stdout.jsonLines(() -> handler.handleRequest(
                    HttpApiEvent.request("GET", "/runs/{runId}").path("runId", 424242).as("metrics-sub").build(), new LambdaContext()));

            assertThat(lines).noneMatch(line -> line.has("_aws"));
        } finally {
            dev.stride.Env.use(System.getenv());
        }
    }

    @Test
    void serverError_whenLogged_thenJsonLineWithLevelRequestIdFunctionNameAndStackTrace() throws Exception {
        Database closed = Database.open(TestDatabase.settings());
        closed.close();
        var handler = new GetRunHandler(Services.over(closed).runs());
        var context = new LambdaContext();

        List<JsonNode> lines = Stdout.jsonLines(() -> handler.handleRequest(
                HttpApiEvent.request("GET", "/runs/{runId}").path("runId", 1).as("error-sub").build(), context));

        JsonNode error = lines.stream().filter(line -> "ERROR".equals(line.path("level").asText())).findFirst().orElseThrow();
        assertThat(error.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(error.get("message").asText()).contains("GET /runs/{runId}");
        assertThat(error.get("requestId").asText()).isEqualTo(context.getAwsRequestId());
        assertThat(error.get("functionName").asText()).isEqualTo(context.getFunctionName());
        assertThat(error.get("stackTrace").asText()).contains("at ");
        assertThat(lines.stream().filter(line -> line.has("_aws")).findFirst().orElseThrow().get("ServerErrors").asInt()).isEqualTo(1);
    }

    @Test
    void javaUtilLogging_whenALibraryLogs_thenJsonLineToo() throws Exception {
        org.slf4j.LoggerFactory.getILoggerFactory(); // starts the binding, as the first log statement would

        List<JsonNode> lines = Stdout.jsonLines(() -> Logger.getLogger("org.postgresql.Driver").warning("a \"quoted\"\nwarning"));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("logger").asText()).isEqualTo("org.postgresql.Driver");
            assertThat(line.get("message").asText()).isEqualTo("a \"quoted\"\nwarning");
        });
    }
}
