package dev.stride.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lambda invocation the current thread is serving: its request id and function name go into
 * every log line written meanwhile, and the first one in an instance is its cold start. An
 * instance serves one invocation at a time; tests run several on threads, hence the thread-local.
 */
public final class Invocation implements AutoCloseable {

    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> SYNTHETIC = new ThreadLocal<>();
    // Stays true through the SnapStart snapshot (priming is no invocation): the first invocation
    // after a restore is the cold start it is.
    private static final AtomicBoolean FIRST = new AtomicBoolean(true);

    private final String requestId;
    private final String functionName;
    private final boolean coldStart;
    private final boolean synthetic;
    private final long startedNanos = System.nanoTime();

    private Invocation(String requestId, String functionName, boolean coldStart, boolean synthetic) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.coldStart = coldStart;
        this.synthetic = synthetic;
    }

    /** Marks the current thread as serving {@code context}'s invocation until {@link #close()}. */
    public static Invocation begin(Context context) {
        boolean synthetic = Boolean.TRUE.equals(SYNTHETIC.get());
        // A synthetic invocation runs the same compare-and-set, one that never changes FIRST (false
        // to false): so priming runs this call too, and the first real request does not link it.
        boolean claimedFirst = FIRST.compareAndSet(!synthetic, false);
        Invocation invocation = new Invocation(
                context == null ? null : context.getAwsRequestId(),
                context == null ? null : context.getFunctionName(),
                claimedFirst && !synthetic,
                synthetic);
        CURRENT.set(invocation);
        return invocation;
    }

    /**
     * Runs {@code work}, in which every invocation is synthetic (SnapStart priming): it is not
     * the instance's cold start and records no metrics.
     */
    public static <T> T synthetic(java.util.function.Supplier<T> work) {
        SYNTHETIC.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            SYNTHETIC.remove();
        }
    }

    /** The invocation this thread serves, or null outside one (init, SnapStart hooks). */
    public static Invocation current() {
        return CURRENT.get();
    }

    public String requestId() {
        return requestId;
    }

    public String functionName() {
        return functionName;
    }

    public boolean coldStart() {
        return coldStart;
    }

    /** A request made up by Stride itself (priming), not one that a client sent. */
    public boolean synthetic() {
        return synthetic;
    }

    public double elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
