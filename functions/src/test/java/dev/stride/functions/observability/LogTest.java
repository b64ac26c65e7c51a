package dev.stride.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.observability.Log;
import dev.stride.testkit.Stdout;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Stride's own loggers write JSON lines as the SLF4J binding did, without SLF4J. */
class LogTest {

    private static final Log LOG = Log.of(LogTest.class);

    @Test
    void placeholders_whenFilled_thenMessageAndTrailingThrowableAsError() {
        JsonNode line = only(Stdout.jsonLines(() -> LOG.warn("priming with {} failed after {} ms", "GetRunHandler", 12,
                new IllegalStateException("boom"))));

        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("priming with GetRunHandler failed after 12 ms");
        assertThat(line.get("logger").asText()).isEqualTo(LogTest.class.getName());
        assertThat(line.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.toString()).contains("boom");
    }

    @Test
    void placeholders_whenNoThrowable_thenNoError() {
        JsonNode line = only(Stdout.jsonLines(() -> LOG.error("Stride cannot start: {}", "STRIDE_CURSOR_KEY is not set")));

        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("message").asText()).isEqualTo("Stride cannot start: STRIDE_CURSOR_KEY is not set");
        assertThat(line.has("errorType")).isFalse();
    }

    @Test
    void javaUtilLogging_whenStrideHasALogger_thenJsonLinesWithoutSlf4j() {
        // LOG above is Stride's first logger here: it routed java.util.logging to the JSON lines.
        JsonNode line = only(Stdout.jsonLines(() -> Logger.getLogger("org.eclipse.persistence").warning("from a library")));

        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("from a library");
    }

    private static JsonNode only(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
