package dev.stride.bench.child;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stride.instance.LambdaContext;

/** The Lambda context handed to a handler: what the runtime would pass, minus the network. */
public final class BenchContext {

    /**
     * One invocation of {@code stride-bench} that is never cut short; it logs to stderr. Stride's
     * own {@link LambdaContext} where the classpath has it (the handler's: stride-shared is in the
     * zip); null on the floor's classpath, which has only the Lambda libraries and the driver
     * (its handler reads no context, and a class of Stride's there would be counted against it).
     */
    public static final Context INSTANCE = onClasspath("dev.stride.instance.LambdaContext") ? Stride.context() : null;

    private BenchContext() {
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, BenchContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** Loaded only where stride-shared is on the classpath. */
    private static final class Stride {

        static Context context() {
            return new LambdaContext("stride-bench", "bench", "bench", "eu-west-1", 1024,
                    Long.MAX_VALUE, LambdaContext.lines(System.err, ""));
        }
    }
}
