package dev.stride.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What Stride writes to stdout (its log and metrics lines, as CloudWatch receives them). */
public final class Stdout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Stdout() {
    }

    /** Every line written to stdout while {@code work} runs, each parsed: a line that is not JSON fails. */
    public static List<JsonNode> jsonLines(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    throw new UncheckedIOException("not a JSON line on stdout: " + line, notJson);
                }
            }
        }
        return lines;
    }
}
