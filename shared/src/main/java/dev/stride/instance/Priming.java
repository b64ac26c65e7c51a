package dev.stride.instance;

import dev.stride.observability.Invocation;
import dev.stride.observability.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

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
        long started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (Primer primer : ServiceLoader.load(Primer.class, Priming.class.getClassLoader())) {
            try {
                statuses.addAll(Invocation.synthetic(() -> primer.prime(services, handler)));
            } catch (RuntimeException failure) {
                LOG.warn("priming with {} failed", primer.getClass().getName(), failure);
                statuses.add(500);
            }
        }
        LOG.info("primed the request path in {} ms: {}", (System.nanoTime() - started) / 1_000_000, statuses);
        return statuses;
    }
}
