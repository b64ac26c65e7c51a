package dev.stride.aws;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stride.json.Json;
import dev.stride.observability.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A CloudFormation custom resource backed by a Lambda function: {@code Create} and {@code Update}
 * run the work, {@code Delete} does nothing, and CloudFormation is always answered at the
 * pre-signed {@code ResponseURL}: SUCCESS, or FAILED with the reason. A stack whose custom resource
 * never answers waits an hour before it fails, so the work runs against a deadline set before the
 * function's own timeout, and any failure (a bad configuration included) becomes FAILED.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">Custom resource response objects</a>
 */
public final class CustomResource {

    private static final Log LOG = Log.of(CustomResource.class);

    /** Time kept back from the function's timeout to send the answer. */
    public static final long ANSWER_MARGIN_MILLIS = 10_000;
    /** CloudFormation refuses a response body over 4 KiB; the reason is kept well under it. */
    private static final int MAX_REASON = 1_000;

    private final String physicalResourceId;

    /** @param physicalResourceId the id this resource always has, so an update never replaces it */
    public CustomResource(String physicalResourceId) {
        this.physicalResourceId = physicalResourceId;
    }

    /** Whether {@code input} is a custom resource request rather than a plain invoke. */
    public static boolean isRequest(Map<String, Object> input) {
        return input != null && input.get("RequestType") instanceof String && input.get("ResponseURL") instanceof String;
    }

    /**
     * Runs {@code work} for Create and Update, answers CloudFormation, and returns the answer sent.
     * Whatever {@code work} returns becomes the resource's attributes ({@code Fn::GetAtt}).
     */
    public Map<String, Object> handle(Map<String, Object> request, Context context, Supplier<Map<String, Object>> work) {
        String type = String.valueOf(request.get("RequestType"));
        Map<String, Object> response = new LinkedHashMap<>();
        try {
            Map<String, Object> data = switch (type) {
                case "Create", "Update" -> runBeforeDeadline(work, context);
                case "Delete" -> Map.of();
                default -> throw new IllegalArgumentException("unknown RequestType " + type);
            };
            response.put("Status", "SUCCESS");
            response.put("Data", data);
        } catch (Exception failure) {
            LOG.error("custom resource {} {} failed", request.get("LogicalResourceId"), type, failure);
            response.put("Status", "FAILED");
            response.put("Reason", reason(failure, context));
        }
        Object existingId = request.get("PhysicalResourceId");
        response.put("PhysicalResourceId", existingId instanceof String id && !id.isBlank() ? id : physicalResourceId);
        response.put("StackId", request.get("StackId"));
        response.put("RequestId", request.get("RequestId"));
        response.put("LogicalResourceId", request.get("LogicalResourceId"));
        send(String.valueOf(request.get("ResponseURL")), response);
        return response;
    }

    private static Map<String, Object> runBeforeDeadline(Supplier<Map<String, Object>> work, Context context) throws Exception {
        long budget = context.getRemainingTimeInMillis() - ANSWER_MARGIN_MILLIS;
        if (budget <= 0) {
            throw new TimeoutException("the function's timeout leaves no time to run; raise it");
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "custom-resource");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Map<String, Object>> result = worker.submit(work::get);
            try {
                return result.get(budget, TimeUnit.MILLISECONDS);
            } catch (TimeoutException late) {
                result.cancel(true);
                throw new TimeoutException("did not finish within " + budget / 1000 + " s");
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        } finally {
            worker.shutdownNow();
        }
    }

    private static String reason(Exception failure, Context context) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < MAX_REASON; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : " <- ").append(message.strip());
            }
        }
        String text = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason.toString();
        return text + " (log stream " + context.getLogStreamName() + ")";
    }

    /** PUTs the answer to the pre-signed URL, with a few tries: an unanswered stack hangs for an hour. */
    static void send(String responseUrl, Map<String, Object> response) {
        byte[] body = Json.write(response).getBytes(StandardCharsets.UTF_8);
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(responseUrl).toURL().openConnection();
                connection.setRequestMethod("PUT");
                connection.setDoOutput(true);
                connection.setConnectTimeout(5_000);
                connection.setReadTimeout(10_000);
                // The URL is signed without a content type; S3 would refuse a request that sent one.
                connection.setRequestProperty("Content-Type", "");
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status / 100 == 2) {
                    return;
                }
                last = new IOException("the response URL answered HTTP " + status);
            } catch (IOException e) {
                last = e;
            }
            if (attempt == 3) {
                break;
            }
            try {
                Thread.sleep(250L * attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.error("could not answer CloudFormation at its response URL", last);
        throw new IllegalStateException("could not answer CloudFormation", last);
    }
}
