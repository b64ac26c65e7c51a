package dev.stride.instance;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda context of an invocation made off Lambda (tests, the benchmark, the local server):
 * what the runtime would pass, with a deadline and a logger that prints lines to a stream. It lives
 * here, in the one module all three reach (the benchmark's child runs on the Lambda zip's class
 * path); Lambda itself never builds one.
 */
public final class LambdaContext implements Context {

    private static final String ACCOUNT = "123456789012";

    private final String functionName;
    private final String logStream;
    private final String requestId;
    private final String region;
    private final int memoryMb;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    /** A test invocation of {@code stride-test} with 30 s left. */
    public LambdaContext() {
        this(30_000);
    }

    /** A test invocation whose function times out in {@code remainingMillis}. */
    public LambdaContext(int remainingMillis) {
        this("stride-test", "test", UUID.randomUUID().toString(), "eu-west-1", 1024,
                System.currentTimeMillis() + remainingMillis, lines(System.out, ""));
    }

    /**
     * An invocation of {@code functionName} ({@code memoryMb} MB, in {@code region}, logging to the
     * stream {@code logStream}) that times out at {@code deadlineMillis} (epoch ms; {@link Long#MAX_VALUE}
     * for never); what it logs through the context goes to {@code logger}.
     */
    public LambdaContext(String functionName, String logStream, String requestId, String region, int memoryMb,
                         long deadlineMillis, LambdaLogger logger) {
        this.functionName = functionName;
        this.logStream = logStream;
        this.requestId = requestId;
        this.region = region;
        this.memoryMb = memoryMb;
        this.deadlineMillis = deadlineMillis;
        this.logger = logger;
    }

    /** A logger that prints each message to {@code out} as one line, after {@code prefix}. */
    public static LambdaLogger lines(PrintStream out, String prefix) {
        return new LineLogger(out, prefix);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return Math.clamp(deadlineMillis - System.currentTimeMillis(), 0, Integer.MAX_VALUE);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record LineLogger(PrintStream out, String prefix) implements LambdaLogger {

        @Override
        public void log(String message) {
            out.println(prefix + message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
