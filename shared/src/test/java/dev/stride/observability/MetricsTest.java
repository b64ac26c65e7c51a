package dev.stride.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The EMF document as text: one JSON line, whatever the route, request id and function name hold. */
class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void document_whenFieldsNeedEscaping_thenStillOneJsonLineWithEveryField() throws Exception {
        try (Invocation invocation = Invocation.begin(null)) {
            String line = Metrics.document(invocation, "GET /runs/\"quoted\"\n{runId}", 503);

            assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
            JsonNode emf = JSON.readTree(line);
            assertThat(emf.get("Route").asText()).isEqualTo("GET /runs/\"quoted\"\n{runId}");
            assertThat(emf.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name"))
                    .containsExactly("Latency", "ClientErrors", "ServerErrors", "ColdStarts");
            assertThat(emf.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Unit"))
                    .containsExactly("Milliseconds", "Count", "Count", "Count");
            assertThat(emf.get("ServerErrors").asInt()).isEqualTo(1);
            assertThat(emf.get("ClientErrors").asInt()).isZero();
            assertThat(emf.get("status").asInt()).isEqualTo(503);
            assertThat(emf.get("requestId").isNull()).isTrue();
            assertThat(emf.get("functionName").isNull()).isTrue();
        }
    }
}
