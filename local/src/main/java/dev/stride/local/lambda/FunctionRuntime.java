package dev.stride.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.instance.LambdaContext;
import dev.stride.local.template.FunctionSpec;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function's execution environments, as Lambda keeps them. Each instance has its own class
 * loader for the function's code (its own statics, its own persistence unit), serves one request
 * at a time, is created on the first request that finds no idle one (a cold start) and reused
 * afterwards (warm). A request that arrives while every instance is busy gets a new one, up to
 * {@code maxInstances} and as far as the {@link MemoryBudget} allows; past that it waits.
 *
 * <p>Instances can be started ahead of traffic ({@link #provision}, like provisioned
 * concurrency): their init runs before the first request. Instances idle for longer than the
 * server's idle time are reclaimed ({@link #reclaimIdle}), the provisioned ones excepted. An
 * instance whose handler throws stays (Lambda keeps the environment); one whose init fails, that
 * throws an Error or overruns its time limit is dropped, and the next request starts a fresh one.
 * A dropped instance goes through Lambda's shutdown phase ({@link ShutdownHooks}).
 */
public final class FunctionRuntime implements AutoCloseable {

    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(2);

    private final FunctionSpec spec;
    private final InstanceLoaders loaders;
    private final Map<String, String> environment;
    private final String region;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final ObjectMapper json;
    private final MemoryBudget memory;
    private final int maxInstances;
    private final Semaphore permits;
    private final Deque<Instance> idle = new ConcurrentLinkedDeque<>();
    private final List<Instance> all = new ArrayList<>();
    private final AtomicInteger instanceNumbers = new AtomicInteger();
    private volatile int provisioned;
    private volatile boolean closed;

    FunctionRuntime(FunctionSpec spec, InstanceLoaders loaders, Map<String, String> environment, String region,
                    int maxInstances, ExecutorService workers, ScheduledExecutorService deadlines, ObjectMapper json,
                    MemoryBudget memory) {
        this.spec = spec;
        this.loaders = loaders;
        this.environment = Map.copyOf(environment);
        this.region = region;
        this.workers = workers;
        this.deadlines = deadlines;
        this.json = json;
        this.memory = memory;
        this.maxInstances = maxInstances;
        this.permits = new Semaphore(maxInstances, true);
        memory.register(this);
    }

    public FunctionSpec spec() {
        return spec;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** How many instances exist now (busy or idle). */
    public int instances() {
        synchronized (all) {
            return all.size();
        }
    }

    /**
     * Starts {@code count} instances now and runs their init, as provisioned concurrency does;
     * they are kept however long they stay idle. Answers the init failures (empty when none).
     */
    public List<Throwable> provision(int count) {
        int wanted = Math.min(count, maxInstances);
        List<Instance> started = new ArrayList<>();
        for (int i = 0; i < wanted && memory.tryReserve(spec.memorySize()); i++) {
            started.add(newInstance(true));
        }
        provisioned = started.size();
        List<Future<?>> inits = started.stream().<Future<?>>map(instance -> workers.submit(() -> {
            instance.enter();
            try {
                instance.init();
            } finally {
                instance.leave();
            }
            return null;
        })).toList();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            try {
                inits.get(i).get();
                idle.addLast(started.get(i));
            } catch (ExecutionException e) {
                failures.add(e.getCause() instanceof InitFailure init ? init.getCause() : e.getCause());
                discard(started.get(i), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                discard(started.get(i), false);
            }
        }
        return failures;
    }

    /**
     * Invokes the function with {@code event} on the calling thread, as one request at a time per
     * instance, allowing at most {@code limit} in all (for a free instance, its init and the
     * handler). Never throws for what the function does: the outcome says what happened.
     *
     * <p>When the limit runs out first, {@code onTimeout} runs at once (on another thread: the
     * caller answers its client on time), the handler is interrupted and its instance dropped; this
     * method then returns, timed out, once the handler does.
     */
    public Outcome invoke(Object event, Duration limit, String requestId, Runnable onTimeout) {
        long deadlineNanos = System.nanoTime() + limit.toNanos();
        try {
            if (!permits.tryAcquire(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.timedOut(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.timedOut(false);
        }
        Instance instance = idle.pollFirst();
        if (instance == null) {
            if (!memory.reserve(spec.memorySize(), deadlineNanos)) {
                permits.release();
                return Outcome.timedOut(false);
            }
            instance = newInstance(false);
        }
        boolean cold = !instance.initialized;
        long deadlineMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        Context context = new LambdaContext(spec.logicalId(), "local", requestId, region, spec.memorySize(), deadlineMillis,
                LambdaContext.lines(System.err, "[" + spec.logicalId() + " " + requestId + "] "));
        // The handler runs here, not on a thread of its own: no hand-off (two thread wake-ups) per
        // request. A timer answers on time instead of a caller waiting with a time limit.
        Deadline deadline = new Deadline(instance, Thread.currentThread(), onTimeout);
        ScheduledFuture<?> timer = deadlines.schedule(deadline::expire, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        Object output = null;
        Throwable failure = null;
        try {
            output = instance.run(event, context);
        } catch (Throwable thrown) {
            failure = thrown;
        }
        timer.cancel(false);
        if (!deadline.finish()) {
            Thread.interrupted(); // the timer's interrupt, aimed at the handler: not this thread's next request
            return Outcome.timedOut(cold);
        }
        if (failure == null) {
            release(instance);
            return Outcome.returned(output, cold);
        }
        if (failure instanceof InitFailure init) {
            discard(instance, true);
            return Outcome.threw(init.getCause(), cold);
        }
        // An Error (out of memory, stack overflow) ends a Lambda runtime; an exception does not.
        if (failure instanceof Error) {
            discard(instance, true);
        } else {
            release(instance);
        }
        return Outcome.threw(failure, cold);
    }

    /**
     * Reclaims the instances idle for longer than {@code idleFor}, keeping the provisioned number;
     * answers how many went.
     */
    public int reclaimIdle(Duration idleFor) {
        long cutoff = System.nanoTime() - idleFor.toNanos();
        int reclaimed = 0;
        // The deque holds the most recently used first: the candidates are at its end.
        for (Iterator<Instance> it = idle.descendingIterator(); it.hasNext(); ) {
            Instance instance = it.next();
            if (instances() <= provisioned) {
                break;
            }
            if (instance.lastUsedNanos < cutoff && idle.removeLastOccurrence(instance)) {
                shutDown(instance);
                reclaimed++;
            }
        }
        return reclaimed;
    }

    /** When this function's least recently used idle instance was last used ({@code Long.MAX_VALUE}: none idle). */
    long leastRecentIdleUse() {
        Instance last = idle.peekLast();
        return last == null ? Long.MAX_VALUE : last.lastUsedNanos;
    }

    /** Reclaims the least recently used idle instance, to make room in the memory budget. */
    boolean reclaimLeastRecentlyUsed() {
        Instance instance = idle.pollLast();
        if (instance == null) {
            return false;
        }
        shutDown(instance);
        return true;
    }

    private Instance newInstance(boolean provisionedInstance) {
        int number = instanceNumbers.incrementAndGet();
        String name = spec.logicalId() + "#" + number;
        Map<String, String> instanceEnvironment = environment;
        if (provisionedInstance) {
            instanceEnvironment = new HashMap<>(environment);
            instanceEnvironment.put(LambdaEnvironment.INITIALIZATION_TYPE, LambdaEnvironment.PROVISIONED);
        }
        Instance instance = new Instance(number, loaders.create(name, instanceEnvironment));
        synchronized (all) {
            all.add(instance);
        }
        return instance;
    }

    private void release(Instance instance) {
        instance.lastUsedNanos = System.nanoTime();
        if (closed) {
            shutDown(instance);
        } else {
            idle.addFirst(instance); // the most recently used instance is the warmest
        }
        permits.release();
    }

    private void discard(Instance instance, boolean heldPermit) {
        shutDown(instance);
        if (heldPermit) {
            permits.release();
        }
    }

    /**
     * Drops an instance: its shutdown hooks run (on a worker: an instance over its time limit may
     * still be running, and closing its pool is what stops it), its loader goes once it is idle.
     */
    private void shutDown(Instance instance) {
        synchronized (all) {
            if (!all.remove(instance)) {
                return;
            }
        }
        memory.release(spec.memorySize());
        instance.discarded = true;
        Runnable shutdown = () -> {
            ShutdownHooks.run(instance.loader, SHUTDOWN_LIMIT);
            if (!instance.busy) {
                loaders.release(instance.loader);
            }
        };
        if (closed) {
            shutdown.run();
        } else {
            workers.execute(shutdown);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Instance instance; (instance = idle.pollFirst()) != null; ) {
            shutDown(instance);
        }
    }

    /** One execution environment: a class loader and, once initialised, the handler object. */
    private final class Instance {

        private final int number;
        private final InstanceClassLoader loader;
        private volatile boolean initialized;
        private volatile boolean busy;
        private volatile boolean discarded;
        private volatile long lastUsedNanos = System.nanoTime();
        private HandlerMethod method;
        private Object handler;
        private String threadName;
        private ClassLoader previousLoader;

        Instance(int number, InstanceClassLoader loader) {
            this.number = number;
            this.loader = loader;
        }

        Object run(Object event, Context context) throws Exception {
            enter();
            try {
                if (!initialized) {
                    init();
                }
                return method.call(handler, event, context, json);
            } finally {
                leave();
            }
        }

        /**
         * On the thread that runs it (the request's; a worker's for a provisioned init): the
         * instance's name, and its own loader as the context loader, as the Lambda runtime runs
         * handlers (JPA and ServiceLoader look for persistence.xml and providers through it).
         */
        void enter() {
            Thread thread = Thread.currentThread();
            threadName = thread.getName();
            previousLoader = thread.getContextClassLoader();
            busy = true;
            thread.setName(spec.logicalId() + "#" + number);
            thread.setContextClassLoader(loader);
        }

        void leave() {
            Thread thread = Thread.currentThread();
            thread.setContextClassLoader(previousLoader);
            thread.setName(threadName);
            busy = false;
            if (discarded) {
                loaders.release(loader);
            }
        }

        void init() throws InitFailure {
            try {
                registerJdbcDrivers();
                String[] parts = spec.handler().split("::", 2);
                Class<?> type = Class.forName(parts[0], true, loader);
                method = HandlerMethod.resolve(type, parts.length > 1 ? parts[1] : null);
                handler = method.instantiate();
                initialized = true;
            } catch (Throwable failure) {
                throw new InitFailure(failure);
            }
        }

        /**
         * On Lambda, DriverManager finds the package's JDBC drivers on the system class path. Here
         * DriverManager was initialised long before, by the server, so each instance registers its
         * own drivers (loading one registers it); DriverManager then hands a function only drivers
         * its own class loader can see.
         */
        private void registerJdbcDrivers() {
            try {
                for (Driver ignored : ServiceLoader.load(Driver.class, loader)) {
                    // Instantiating the provider is what registers it.
                }
            } catch (ServiceConfigurationError brokenProvider) {
                // The function will report the missing driver itself, as it would on Lambda.
            }
        }
    }

    /** One invocation's time limit: whichever of the handler's return and the timer comes first wins. */
    private final class Deadline {

        private final Instance instance;
        private final Thread handlerThread;
        private final Runnable onTimeout;
        private boolean settled;

        Deadline(Instance instance, Thread handlerThread, Runnable onTimeout) {
            this.instance = instance;
            this.handlerThread = handlerThread;
            this.onTimeout = onTimeout;
        }

        /** On the timer: the caller is answered, the handler interrupted, its instance dropped. */
        synchronized void expire() {
            if (settled) {
                return;
            }
            settled = true;
            handlerThread.interrupt();
            discard(instance, true);
            workers.execute(onTimeout);
        }

        /** On the handler's thread once it returned: false when the time had run out first. */
        synchronized boolean finish() {
            if (settled) {
                return false;
            }
            settled = true;
            return true;
        }
    }

    /** Marks a failure of the init phase, after which the instance is not reused. */
    private static final class InitFailure extends Exception {
        InitFailure(Throwable cause) {
            super(cause);
        }
    }

    /** What one invocation came to: an output, a thrown error, or the time limit. */
    public record Outcome(Object output, Throwable error, boolean timedOut, boolean coldStart) {

        static Outcome returned(Object output, boolean cold) {
            return new Outcome(output, null, false, cold);
        }

        static Outcome threw(Throwable error, boolean cold) {
            return new Outcome(null, error, false, cold);
        }

        static Outcome timedOut(boolean cold) {
            return new Outcome(null, null, true, cold);
        }
    }
}
