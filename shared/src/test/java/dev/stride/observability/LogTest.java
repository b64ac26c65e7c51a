package dev.stride.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Stride's own loggers write JSON lines as the SLF4J binding did, without SLF4J. */
class LogTest {

    private static final Log LOG = Log.of(LogTest.class);

    @Test
    void placeholders_whenFilled_thenMessageAndTrailingThrowableAsError() {
        String line = captured(() -> LOG.warn("priming with {} failed after {} ms", "GetRunHandler", 12,
                new IllegalStateException("boom")));

        assertThat(line).contains("\"level\":\"WARN\"")
                .contains("\"message\":\"priming with GetRunHandler failed after 12 ms\"")
                .contains("\"logger\":\"dev.stride.observability.LogTest\"")
                .contains("\"errorType\":\"java.lang.IllegalStateException\"")
                .contains("boom");
    }

    @Test
    void placeholders_whenNoThrowable_thenNoError() {
        String line = captured(() -> LOG.error("Stride cannot start: {}", "STRIDE_CURSOR_KEY is not set"));

        assertThat(line).contains("\"level\":\"ERROR\"")
                .contains("\"message\":\"Stride cannot start: STRIDE_CURSOR_KEY is not set\"")
                .doesNotContain("errorType");
    }

    @Test
    void javaUtilLogging_whenStrideHasALogger_thenJsonLinesWithoutSlf4j() {
        String line = captured(() -> Logger.getLogger("org.eclipse.persistence").warning("from a library"));

        assertThat(line).contains("\"level\":\"WARN\"").contains("\"message\":\"from a library\"");
    }

    private static String captured(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).strip();
    }
}
