package dev.stride.observability;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request metrics in CloudWatch's Embedded Metric Format: one JSON document per request on
 * stdout, which CloudWatch Logs turns into metrics (no API call, no agent, nothing to load). The
 * same line is the request's access log, queryable in Logs Insights.
 *
 * <p>Namespace {@code Stride}, one dimension, {@code Route} (17 values: low cardinality). Lambda's
 * own metrics already give invocations, errors and duration per function.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">EMF specification</a>
 */
public final class Metrics {

    public static final String NAMESPACE = "Stride";

    // Where a synthetic invocation's document goes: a stream built as System.out is (buffered, in
    // its charset) over nothing, so that priming runs the very code that writes a real one.
    private static final PrintStream DISCARD = new PrintStream(new BufferedOutputStream(OutputStream.nullOutputStream()),
            true, System.out.charset());

    private static final List<Map<String, String>> DEFINITIONS = List.of(
            Map.of("Name", "Latency", "Unit", "Milliseconds"),
            Map.of("Name", "ClientErrors", "Unit", "Count"),
            Map.of("Name", "ServerErrors", "Unit", "Count"),
            Map.of("Name", "ColdStarts", "Unit", "Count"));

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
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_aws", Map.of(
                "Timestamp", System.currentTimeMillis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("Route")),
                        "Metrics", DEFINITIONS))));
        document.put("Route", route == null ? "unknown" : route);
        document.put("Latency", Math.round(invocation.elapsedMillis() * 100) / 100.0);
        document.put("ClientErrors", status >= 400 && status < 500 ? 1 : 0);
        document.put("ServerErrors", status >= 500 ? 1 : 0);
        document.put("ColdStarts", invocation.coldStart() ? 1 : 0);
        document.put("status", status);
        document.put("requestId", invocation.requestId());
        document.put("functionName", invocation.functionName());
        JsonLines.write(invocation.synthetic() ? DISCARD : System.out, document);
    }
}
