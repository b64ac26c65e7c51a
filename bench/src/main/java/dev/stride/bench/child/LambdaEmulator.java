package dev.stride.bench.child;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fresh-JVM sample, run as a child process by the harness: does what the Lambda Java runtime
 * does for a cold start — load the handler class, construct it (the "Init" phase Lambda bills
 * and reports), pass it one event (the first "Invoke") — and prints {@link System#nanoTime()} at
 * each step. On Linux that clock is the system-wide monotonic clock, so the parent can subtract
 * the moment it spawned the process.
 *
 * <p>Arguments are {@code key=value}: {@code handler}, {@code method}, {@code route},
 * {@code path.NAME}, {@code sub}, {@code body}, and optionally {@code prime=true} (run the
 * SnapStart hooks between init and the first invoke), {@code stop-after-first=true}, {@code warm=N} (N more invocations after the
 * second, then report memory), {@code idle=MS} (sleep that long once the event is ready, before the
 * first request: the floor's first call after the same idle is its companion) and {@code requests=N}
 * (N requests in all, each reported as {@code request-I} with its wall time, the thread's CPU time,
 * its wait in the run queue and how often it blocked; before {@code stop-after-first} stops).
 *
 * <p>Output lines start with {@code @bench }; anything else on stdout is the handler's own.
 */
public final class LambdaEmulator {

    private LambdaEmulator() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> path = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = arg.substring(0, eq);
            if (key.startsWith("path.")) {
                path.put(key.substring(5), arg.substring(eq + 1));
            } else {
                options.put(key, arg.substring(eq + 1));
            }
        }
        report("main", main);

        // Init: what Lambda does before the first event — load, link, construct.
        Class<?> type = Class.forName(options.get("handler"));
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) type.getConstructor().newInstance();
        report("init", System.nanoTime());

        if (Boolean.parseBoolean(options.getOrDefault("prime", "false"))) {
            report("prime", prime() ? System.nanoTime() : -1);
        }

        // The event and the context, as the runtime hands them over: built before the request is
        // timed from "ready" (the primed section), as the floor's timed calls get theirs ready-made.
        APIGatewayV2HTTPEvent event = Events.of(options.get("method"), options.get("route"), path, Map.of(),
                options.get("sub"), options.get("body"));
        Context context = BenchContext.INSTANCE;
        int requests = Integer.parseInt(options.getOrDefault("requests", "1"));
        ThreadStat before = requests > 1 ? ThreadStat.before() : null;
        long idle = Long.parseLong(options.getOrDefault("idle", "0"));
        if (idle > 0) {
            Thread.sleep(idle);
            // The idle is not the request's: what the scheduler and the socket did in it is not counted.
            before = before != null ? ThreadStat.before() : null;
        }
        // Printed after the request, so that the timed span holds no write to stdout.
        long ready = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        long first = System.nanoTime();
        ThreadStat afterFirst = before != null ? ThreadStat.after() : null;
        report("ready", ready);
        report("first", first);
        System.out.println("@bench status " + response.getStatusCode());
        if (before != null) {
            requests(handler, event, context, requests, first - ready, before, afterFirst);
        }
        if (options.containsKey("stop-after-first")) {
            // Counting the classes loaded up to the first response: nothing after it.
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        // The second request: what is left once the first has paid for the lazy parts.
        handler.handleRequest(event, context);
        report("second", System.nanoTime());
        // CPU time of every thread so far: the work itself, which the waits of a loaded machine do
        // not inflate the way they inflate wall time. Read only now (the management classes it
        // loads are not part of the timings above; their cost is in this figure, on both sides).
        report("cpu", ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime());

        int warm = Integer.parseInt(options.getOrDefault("warm", "0"));
        if (warm > 0) {
            long[] nanos = new long[warm];
            for (int i = 0; i < warm; i++) {
                long start = System.nanoTime();
                handler.handleRequest(event, context);
                nanos[i] = System.nanoTime() - start;
            }
            // What callers of a young instance see (its next 100 requests) and what they see later.
            int window = Math.min(100, warm);
            System.out.println("@bench early-p50 " + median(java.util.Arrays.copyOfRange(nanos, 0, window)));
            System.out.println("@bench late-p50 " + median(java.util.Arrays.copyOfRange(nanos, warm - window, warm)));
            memory();
        }
        System.out.flush();
        // As a frozen Lambda would: no orderly shutdown of pools is part of what is measured.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The SnapStart path, if the build has one: the org.crac global context's hooks, in the order
     * Lambda runs them around a snapshot (before checkpoint — where priming happens — then after
     * restore). The snapshot itself cannot be taken here, so what this shows is the first invoke
     * once priming has run, not SnapStart's restore time.
     */
    private static boolean prime() throws Exception {
        try {
            Class.forName("org.crac.Core");
        } catch (ClassNotFoundException absent) {
            System.out.println("@bench prime-unavailable org.crac is not in the deployment package");
            return false;
        }
        // On a JDK without CRaC, org.crac's global context refuses to be driven from outside, so
        // the hooks that Stride registered with it are called directly, in the runtime's order.
        java.lang.reflect.Field field = Class.forName("dev.stride.instance.Services").getDeclaredField("hooks");
        field.setAccessible(true);
        Object hooks = field.get(null);
        if (hooks == null) {
            System.out.println("@bench prime-unavailable no SnapStart hooks were registered");
            return false;
        }
        Class<?> contextType = Class.forName("org.crac.Context");
        Method before = Class.forName("org.crac.Resource").getMethod("beforeCheckpoint", contextType);
        Method after = Class.forName("org.crac.Resource").getMethod("afterRestore", contextType);
        before.invoke(hooks, (Object) null);
        report("checkpoint", System.nanoTime());
        after.invoke(hooks, (Object) null);
        return true;
    }

    /**
     * The first request (already served, in {@code firstNanos}, between {@code before} and
     * {@code after}) and {@code count - 1} more of the same event, each reported as
     * {@code request-INDEX WALL_NS CPU_NS RUNQUEUE_NS BLOCKS [STATUS]}: what a request cost the
     * thread, against what it waited for.
     */
    private static void requests(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                 APIGatewayV2HTTPEvent event, Context context, int count, long firstNanos,
                                 ThreadStat before, ThreadStat after) throws IOException {
        reportRequest(1, firstNanos, before, after, "");
        for (int i = 2; i <= count; i++) {
            before = ThreadStat.before();
            long start = System.nanoTime();
            int status = handler.handleRequest(event, context).getStatusCode();
            long end = System.nanoTime();
            after = ThreadStat.after();
            reportRequest(i, end - start, before, after, " " + status);
        }
    }

    private static void reportRequest(int index, long wallNanos, ThreadStat before, ThreadStat after, String status) {
        System.out.println("@bench request-" + index + " " + wallNanos + " " + (after.cpuNanos() - before.cpuNanos()) + " "
                + (after.runQueueNanos() - before.runQueueNanos()) + " " + (after.blocks() - before.blocks()) + status);
    }

    /**
     * The calling thread's CPU time (its CPU clock: schedstat's figure is only brought up to date
     * when the thread leaves the CPU or at a scheduler tick, which misses what the thread ran since),
     * its time waiting in the run queue (/proc/thread-self/schedstat: added each time it gets the
     * CPU back) and how often it gave up the CPU to wait (voluntary context switches: a socket
     * read, a sleep).
     */
    private record ThreadStat(long cpuNanos, long runQueueNanos, long blocks) {

        // Loaded when first read, before the first request (and only in a child asked for requests).
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();

        /** Before a request: the CPU clock last, so that reading the files is not in the request's CPU time. */
        static ThreadStat before() throws IOException {
            long[] scheduler = scheduler();
            return new ThreadStat(THREADS.getCurrentThreadCpuTime(), scheduler[0], scheduler[1]);
        }

        /** After a request: the CPU clock first. */
        static ThreadStat after() throws IOException {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long[] scheduler = scheduler();
            return new ThreadStat(cpu, scheduler[0], scheduler[1]);
        }

        private static long[] scheduler() throws IOException {
            String[] sched = Files.readString(Path.of("/proc/thread-self/schedstat")).strip().split(" ");
            long blocks = -1;
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    blocks = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return new long[] {Long.parseLong(sched[1]), blocks};
        }
    }

    /** Heap in use after a full collection, heap committed, and the process's resident memory. */
    private static void memory() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.println("@bench heap-used " + used);
        System.out.println("@bench heap-committed " + runtime.totalMemory());
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] parts = line.split("\\s+");
                System.out.println("@bench " + parts[0].replace(":", "").toLowerCase() + " " + Long.parseLong(parts[1]) * 1024);
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static void report(String step, long nanos) {
        System.out.println("@bench " + step + " " + nanos);
    }
}
