package dev.stride.instance;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a batch of priming rounds again and again until a batch leaves the JIT with nothing new to
 * compile, or until a time cap. A fixed number of rounds left methods that real requests still
 * compiled (a branch taken once a round reaches C1's threshold only after thousands of rounds):
 * those requests ran them interpreted. The cap bounds the snapshot's preparation, which Lambda
 * counts toward the init's time limit, when something keeps compiling (a loop of deoptimisations).
 */
public final class JitSettling {

    /** How the settling ended: batches run, whether the last one compiled nothing new, and how long it took. */
    public record Settled(int batches, boolean settled, long nanos) {
    }

    private JitSettling() {
    }

    /**
     * Runs {@code batch} until {@code jit} reads the same after a batch as before it, or until
     * {@code cap} has passed on {@code clock} (nanoseconds), checked after each batch: at least one
     * batch runs, and a batch that starts before the cap runs to its end.
     */
    public static Settled run(Runnable batch, LongSupplier jit, Duration cap, LongSupplier clock) {
        long started = clock.getAsLong();
        long capNanos = cap.toNanos();
        int batches = 0;
        long before = jit.getAsLong();
        while (true) {
            batch.run();
            batches++;
            long after = jit.getAsLong();
            long elapsed = clock.getAsLong() - started;
            if (after == before) {
                return new Settled(batches, true, elapsed);
            }
            if (elapsed >= capNanos) {
                return new Settled(batches, false, elapsed);
            }
            before = after;
        }
    }

    /**
     * A figure that moves whenever this JVM's JIT does anything: its total compilation time (ms)
     * plus the bytes in use in its code cache (every method compiled adds its code there; the
     * time also moves for a compilation that was given up). Constant in a JVM without a JIT.
     */
    public static LongSupplier thisJvm() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean timed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        List<MemoryPoolMXBean> code = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.NON_HEAP)
                .filter(pool -> pool.getName().startsWith("CodeHeap") || pool.getName().equals("CodeCache"))
                .toList();
        return () -> {
            long work = timed ? compiler.getTotalCompilationTime() : 0;
            for (MemoryPoolMXBean pool : code) {
                work += pool.getUsage().getUsed();
            }
            return work;
        };
    }
}
