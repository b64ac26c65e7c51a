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

    /**
     * A lived-in profile's seeding is the costliest part of a round (24 runs with their tags, 24
     * moods): before a snapshot, the paths over it run every this many rounds, which is still
     * enough for C1 to compile what only they reach (a method is compiled after about 200 calls)
     * and to run them again in code compiled after them, which links their calls there.
     */
    static final int LIVED_IN_EVERY = 4;

    /** Every handler's paths, once ({@link Primer.Scope#EVERY_SHAPE}): the status of every synthetic request, in order (500 for a primer that failed). */
    public static List<Integer> prime(Services services) {
        return prime(services, null);
    }

    /**
     * The paths of the function's own handler ({@code handler}, a class name; every handler's when
     * null), once, over a new and a lived-in profile ({@link Primer.Scope#EVERY_SHAPE}): the
     * status of every synthetic request, in order (500 for a primer that failed).
     */
    public static List<Integer> prime(Services services, String handler) {
        long started = System.nanoTime();
        List<Integer> statuses = rounds(services, handler, 1, Primer.Scope.EVERY_SHAPE);
        LOG.info("primed the request path in {} ms: {}", (System.nanoTime() - started) / 1_000_000, statuses);
        return statuses;
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
     * The paths of the function's own handler over a new user's profile ({@link Primer.Scope#EVERY_PATH}),
     * {@code rounds} times: the statuses of the last round. After a SnapStart restore, so that the
     * new session has the path's statements prepared on the server and past the runs after which
     * PostgreSQL may keep a generic plan (SnapStartHooks.RESTORE_ROUNDS); the snapshot holds the
     * compiled code, and the first request waits for this.
     */
    public static List<Integer> primeOnNewConnection(Services services, String handler, int rounds) {
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
        rounds(services, handler, rounds, Primer.Scope.EVERY_SHAPE);
        AtomicReference<List<Integer>> last = new AtomicReference<>(List.of());
        JitSettling.Settled settled = JitSettling.run(() -> last.set(rounds(services, handler, batch, Primer.Scope.EVERY_SHAPE)), jit, cap,
                System::nanoTime);
        LOG.info("primed the request path {} time(s) and {} batch(es) of {} until the JIT {} in {} ms: {}", rounds,
                settled.batches(), batch, settled.settled() ? "compiled nothing new" : "reached the cap",
                (System.nanoTime() - started) / 1_000_000, last.get());
        return last.get();
    }

    /**
     * A read in autocommit that returns. The primers' reads that find something run inside their
     * rolled-back transaction, and their reads in autocommit end in a 404, which leaves a unit of
     * work by its exception: the way out of one that returned (javac compiles a {@code finally}
     * once for each way out) would otherwise be linked by the first real read that finds what it
     * reads (docs/performance.md, "Shapes priming never met").
     */
    private static void readReturning(Services services) {
        try {
            services.database().read(em -> Boolean.TRUE);
        } catch (RuntimeException failure) {
            LOG.warn("priming a read in autocommit failed", failure);
        }
    }

    /**
     * {@code rounds} rounds of every primer's paths as far as {@code scope} says, a lived-in
     * profile's ({@link Primer.Scope#EVERY_SHAPE}) every {@value #LIVED_IN_EVERY} rounds from the
     * first: the statuses of the last round.
     */
    private static List<Integer> rounds(Services services, String handler, int rounds, Primer.Scope scope) {
        List<Integer> statuses = List.of();
        for (int round = 0; round < rounds; round++) {
            Primer.Scope thisRound = scope == Primer.Scope.EVERY_SHAPE && round % LIVED_IN_EVERY != 0 ? Primer.Scope.EVERY_PATH : scope;
            if (scope != Primer.Scope.AT_INIT) {
                // For the JIT, around a snapshot only: at an on-demand init it would add BigDecimal's
                // start-up to functions that never round (users, deletes).
                Rounding.exerciseEveryWay();
                readReturning(services);
            }
            statuses = new ArrayList<>();
            for (Primer primer : ServiceLoader.load(Primer.class, Priming.class.getClassLoader())) {
                try {
                    statuses.addAll(Invocation.synthetic(() -> primer.prime(services, handler, thisRound)));
                } catch (RuntimeException failure) {
                    LOG.warn("priming with {} failed", primer.getClass().getName(), failure);
                    statuses.add(500);
                }
            }
        }
        return statuses;
    }
}
