package dev.stride.observability;

import dev.stride.json.Json;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Request metrics in CloudWatch's Embedded Metric Format: one JSON document per request on
 * stdout, which CloudWatch Logs turns into metrics (no API call, no agent, nothing to load). The
 * same line is the request's access log, queryable in Logs Insights.
 *
 * <p>Namespace {@code Stride}, one dimension, {@code Route} (17 values: low cardinality). Lambda's
 * own metrics already give invocations, errors and duration per function.
 *
 * <p>Every request pays for this line, so it is written as text around a constant prefix and
 * handed to the stream as one byte array: one write, no map or JSON tree built for it.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">EMF specification</a>
 */
public final class Metrics {

    public static final String NAMESPACE = "Stride";

    // Where a synthetic invocation's document goes: a stream built as System.out is (buffered, in
    // its charset) over nothing, so that priming runs the very code that writes a real one.
    private static final PrintStream DISCARD = new PrintStream(new BufferedOutputStream(OutputStream.nullOutputStream()),
            true, System.out.charset());

    // The metric directive, the same for every request; the timestamp follows it.
    private static final String DIRECTIVE = "{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE + "\","
            + "\"Dimensions\":[[\"Route\"]],\"Metrics\":["
            + "{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"},"
            + "{\"Name\":\"ClientErrors\",\"Unit\":\"Count\"},"
            + "{\"Name\":\"ServerErrors\",\"Unit\":\"Count\"},"
            + "{\"Name\":\"ColdStarts\",\"Unit\":\"Count\"}]}],"
            + "\"Timestamp\":";

    private Metrics() {
    }

    /** SAM CLI and Stride's local server set AWS_SAM_LOCAL: there no CloudWatch reads the lines. */
    private static boolean local() {
        return "true".equals(dev.stride.Env.get("AWS_SAM_LOCAL"));
    }

    /**
     * Records one answered request of {@code route} (e.g. {@code GET /runs/{runId}}). A synthetic
     * invocation's document (SnapStart priming) is written to nothing: no metric counts it, and
     * the first real request finds this path loaded and compiled, down to the stream's encoder.
     */
    public static void request(Invocation invocation, String route, int status) {
        if (local()) {
            return;
        }
        PrintStream out = invocation.synthetic() ? DISCARD : System.out;
        byte[] line = document(invocation, route, status).getBytes(out.charset());
        // One write of the whole line (println would encode it through the stream's writers first).
        out.write(line, 0, line.length);
        out.flush();
    }

    /** The request's EMF document, a line ending in a newline. */
    static String document(Invocation invocation, String route, int status) {
        StringBuilder line = new StringBuilder(DIRECTIVE.length() + 192).append(DIRECTIVE)
                .append(System.currentTimeMillis())
                .append("},\"Route\":");
        Json.appendLineString(line, route == null ? "unknown" : route)
                .append(",\"Latency\":").append(Math.round(invocation.elapsedMillis() * 100) / 100.0)
                .append(",\"ClientErrors\":").append(status >= 400 && status < 500 ? 1 : 0)
                .append(",\"ServerErrors\":").append(status >= 500 ? 1 : 0)
                .append(",\"ColdStarts\":").append(invocation.coldStart() ? 1 : 0)
                .append(",\"status\":").append(status)
                .append(",\"requestId\":");
        Json.appendLineString(line, invocation.requestId()).append(",\"functionName\":");
        return Json.appendLineString(line, invocation.functionName()).append("}\n").toString();
    }
}
