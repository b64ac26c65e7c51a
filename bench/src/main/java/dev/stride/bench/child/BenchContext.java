package dev.stride.bench.child;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stride.instance.LambdaContext;

/** The Lambda context handed to a handler: what the runtime would pass, minus the network. */
public final class BenchContext {

    /** One invocation of {@code stride-bench} that is never cut short; it logs to stderr. */
    public static final Context INSTANCE = new LambdaContext("stride-bench", "bench", "bench", "eu-west-1", 1024,
            Long.MAX_VALUE, LambdaContext.lines(System.err, ""));

    private BenchContext() {
    }
}
