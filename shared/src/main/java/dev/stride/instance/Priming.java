package dev.stride.instance;

import dev.stride.domain.Rounding;
import dev.stride.observability.Invocation;
import dev.stride.observability.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs the request path before the SnapStart snapshot, so that the snapshot already holds what the
 * first real request would otherwise pay for: the handler doorway, event reading, caller claims,
 * paging, JSON, problem+json, Bean Validation's bootstrap, the queries EclipseLink compiles, and
 * the driver's connection classes, and for a write function its write statements and commit path
 * (run to the end, then undone: {@link RolledBackWrites}). The paths come from every
 * {@link Primer} on the class path.
 *
 * <p>The requests are synthetic invocations: they leave no metrics and do not count as the cold
 * start. A failed request does not stop priming: a snapshot taken while the database is
 * unreachable only means the first real request pays for what was not primed, and must not fail
 * the deploy. An {@link Error} (a class that cannot initialise, say the cursor key's secret being
 * unreadable) does fail it, rather than freeze a broken class into the snapshot.
 */
public final class Priming {

    private static final Log LOG = Log.of(Priming.class);

    private Priming() {
    }

    /** Every handler's paths: the status of every synthetic request, in order (500 for a primer that failed). */
    public static List<Integer> prime(Services services) {
        return prime(services, null);
    }

    /**
     * The paths of the function's own handler ({@code handler}, a class name; every handler's when
     * null): the status of every synthetic request, in order (500 for a primer that failed).
     */
    public static List<Integer> prime(Services services, String handler) {
        return prime(services, handler, 1);
    }

    /**
     * What an on-demand init primes ({@link Primer.Scope#AT_INIT}: a read function's statements,
     * a write function's every path), once. The statuses, in order.
     */
    public static List<Integer> primeAtInit(Services services, String handler) {
        long started = System.nanoTime();
        List<Integer> statuses = rounds(services, handler, 1, Primer.Scope.AT_INIT);
        LOG.info("primed the function at init in {} ms: {}", (System.nanoTime() - started) / 1_000_000, statuses);
        return statuses;
    }

    /**
     * The paths of the function's own handler, {@code rounds} times over: the statuses of the last
     * round. Before a SnapStart snapshot, so that the JIT has compiled the path when the snapshot
     * is taken (C1, as deployed, compiles a method after a few hundred calls).
     */
    public static List<Integer> prime(Services services, String handler, int rounds) {
        long started = System.nanoTime();
        List<Integer> statuses = rounds(services, handler, rounds, Primer.Scope.EVERY_PATH);
        LOG.info("primed the request path {} time(s) in {} ms: {}", rounds, (System.nanoTime() - started) / 1_000_000, statuses);
        return statuses;
    }

    /**
     * The paths of the function's own handler, {@code rounds} times, then in batches of
     * {@code batch} rounds until a batch leaves the JIT nothing new to compile ({@code jit}: see
     * {@link JitSettling#thisJvm()}) or until {@code cap} has passed since those rounds: the
     * statuses of the last round. Before a SnapStart snapshot: what real requests would otherwise
     * run interpreted until C1 compiles it.
     */
    public static List<Integer> primeUntilSettled(Services services, String handler, int rounds, int batch, Duration cap,
                                                  LongSupplier jit) {
        long started = System.nanoTime();
        rounds(services, handler, rounds, Primer.Scope.EVERY_PATH);
        AtomicReference<List<Integer>> last = new AtomicReference<>(List.of());
        JitSettling.Settled settled = JitSettling.run(() -> last.set(rounds(services, handler, batch, Primer.Scope.EVERY_PATH)), jit, cap,
                System::nanoTime);
        LOG.info("primed the request path {} time(s) and {} batch(es) of {} until the JIT {} in {} ms: {}", rounds,
                settled.batches(), batch, settled.settled() ? "compiled nothing new" : "reached the cap",
                (System.nanoTime() - started) / 1_000_000, last.get());
        return last.get();
    }

    private static List<Integer> rounds(Services services, String handler, int rounds, Primer.Scope scope) {
        List<Integer> statuses = List.of();
        for (int round = 0; round < rounds; round++) {
            if (scope == Primer.Scope.EVERY_PATH) {
                // For the JIT, around a snapshot only: at an on-demand init it would add BigDecimal's
                // start-up to functions that never round (users, deletes).
                Rounding.exerciseEveryWay();
            }
            statuses = new ArrayList<>();
            for (Primer primer : ServiceLoader.load(Primer.class, Priming.class.getClassLoader())) {
                try {
                    statuses.addAll(Invocation.synthetic(() -> primer.prime(services, handler, scope)));
                } catch (RuntimeException failure) {
                    LOG.warn("priming with {} failed", primer.getClass().getName(), failure);
                    statuses.add(500);
                }
            }
        }
        return statuses;
    }
}
