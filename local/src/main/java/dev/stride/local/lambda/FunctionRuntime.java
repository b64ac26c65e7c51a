package dev.stride.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.template.FunctionSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function's execution environments, as Lambda keeps them. Each instance has its own class
 * loader over the deployment package (its own statics, its own persistence unit), is created on
 * the first request that finds no idle one (a cold start), and is reused afterwards (warm). A
 * request that arrives while every instance is busy gets a new one, up to {@code maxInstances};
 * past that it waits for one to free up.
 *
 * <p>An instance whose handler throws stays (Lambda keeps the environment); one whose init fails or
 * that overruns its time limit is thrown away, and the next request starts a fresh one.
 */
public final class FunctionRuntime implements AutoCloseable {

    private static final String ENV_CLASS = "dev.stride.Env";

    private final FunctionSpec spec;
    private final List<URL> classPath;
    private final Map<String, String> environment;
    private final String region;
    private final ExecutorService workers;
    private final ObjectMapper json;
    private final ClassLoader lambdaApi;
    private final Semaphore permits;
    private final Deque<Instance> idle = new ConcurrentLinkedDeque<>();
    private final List<Instance> all = new ArrayList<>();
    private final AtomicInteger instanceNumbers = new AtomicInteger();
    private volatile boolean closed;

    public FunctionRuntime(FunctionSpec spec, List<URL> classPath, Map<String, String> environment, String region,
                           int maxInstances, ExecutorService workers, ObjectMapper json) {
        this.spec = spec;
        this.classPath = List.copyOf(classPath);
        this.environment = Map.copyOf(environment);
        this.region = region;
        this.workers = workers;
        this.json = json;
        this.lambdaApi = new LambdaApiClassLoader(FunctionRuntime.class.getClassLoader());
        this.permits = new Semaphore(maxInstances, true);
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
     * Invokes the function with {@code event}, waiting at most {@code limit} in all (for a free
     * instance, its init and the handler). Never throws for what the function does: the outcome
     * says what happened.
     */
    public Outcome invoke(Object event, Duration limit, String requestId) {
        long start = System.nanoTime();
        long deadlineNanos = start + limit.toNanos();
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
            instance = newInstance();
        }
        boolean cold = !instance.initialized;
        long deadlineMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        LocalContext context = new LocalContext(requestId, spec.logicalId(), region, spec.memorySize(), deadlineMillis);
        Instance running = instance;
        Future<Object> future = workers.submit(() -> running.run(event, context));
        try {
            Object output = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            release(instance);
            return Outcome.returned(output, cold);
        } catch (TimeoutException e) {
            future.cancel(true);
            discard(instance);
            return Outcome.timedOut(cold);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InitFailure init) {
                discard(instance);
                return Outcome.threw(init.getCause(), cold);
            }
            // An Error (out of memory, stack overflow) ends a Lambda runtime; an exception does not.
            if (e.getCause() instanceof Error) {
                discard(instance);
            } else {
                release(instance);
            }
            return Outcome.threw(e.getCause(), cold);
        } catch (InterruptedException | CancellationException e) {
            future.cancel(true);
            discard(instance);
            Thread.currentThread().interrupt();
            return Outcome.timedOut(cold);
        }
    }

    private Instance newInstance() {
        int number = instanceNumbers.incrementAndGet();
        URLClassLoader loader = new URLClassLoader(spec.logicalId() + "#" + number,
                classPath.toArray(URL[]::new), lambdaApi);
        Instance instance = new Instance(number, loader);
        synchronized (all) {
            all.add(instance);
        }
        return instance;
    }

    private void release(Instance instance) {
        if (closed) {
            instance.close();
        } else {
            idle.addFirst(instance); // the most recently used instance is the warmest
        }
        permits.release();
    }

    private void discard(Instance instance) {
        synchronized (all) {
            all.remove(instance);
        }
        instance.discarded = true;
        if (!instance.busy) {
            instance.close();
        }
        permits.release();
    }

    @Override
    public void close() {
        closed = true;
        for (Instance instance; (instance = idle.pollFirst()) != null; ) {
            instance.close();
        }
    }

    /** One execution environment: a class loader and, once initialised, the handler object. */
    private final class Instance {

        private final int number;
        private final URLClassLoader loader;
        private volatile boolean initialized;
        private volatile boolean busy;
        private volatile boolean discarded;
        private HandlerMethod method;
        private Object handler;

        Instance(int number, URLClassLoader loader) {
            this.number = number;
            this.loader = loader;
        }

        Object run(Object event, LocalContext context) throws Exception {
            Thread thread = Thread.currentThread();
            String threadName = thread.getName();
            ClassLoader previous = thread.getContextClassLoader();
            busy = true;
            thread.setName(spec.logicalId() + "#" + number);
            // The Lambda runtime runs handlers with their own loader as the context loader; JPA
            // and ServiceLoader look for persistence.xml and providers through it.
            thread.setContextClassLoader(loader);
            try {
                if (!initialized) {
                    init();
                }
                return method.call(handler, event, context, json);
            } finally {
                thread.setContextClassLoader(previous);
                thread.setName(threadName);
                busy = false;
                if (discarded) {
                    close();
                }
            }
        }

        private void init() throws InitFailure {
            try {
                useEnvironment();
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
         * of its own class loader.
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

        /** Stride code reads its environment through dev.stride.Env, this instance's own copy. */
        private void useEnvironment() throws ReflectiveOperationException {
            Class<?> env;
            try {
                env = Class.forName(ENV_CLASS, true, loader);
            } catch (ClassNotFoundException notStrideCode) {
                return;
            }
            env.getMethod("use", Map.class).invoke(null, environment);
        }

        void close() {
            try {
                loader.close();
            } catch (IOException ignored) {
                // Only open jar files are released here; nothing is lost if one stays open.
            }
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
