package dev.stride.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.template.FunctionSpec;
import dev.stride.local.template.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one factory of function runtimes, for {@code serve} and {@code invoke} alike: opens the
 * deployment packages, gives each function its Lambda environment, and keeps what the
 * functions' instances share — the worker threads, the memory budget, the library loaders — and
 * the reclaiming of idle instances.
 */
public final class FunctionHost implements AutoCloseable {

    /**
     * @param maxInstances     instances per function at most
     * @param memoryMb         the memory budget all instances' MemorySize draw from
     * @param sharedLibraries  released libraries loaded once for all instances (false: each
     *                         instance loads its whole package, as a real cold start does)
     */
    public record Settings(int maxInstances, int memoryMb, boolean sharedLibraries) {

        public Settings {
            if (maxInstances < 1) {
                throw new IllegalArgumentException("--max-instances must be at least 1");
            }
        }
    }

    private final Map<String, FunctionRuntime> functions;
    private final List<InstanceLoaders> loaders;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final MemoryBudget memory;
    private final List<String> warnings;
    private ScheduledExecutorService reclaimer;

    private FunctionHost(Map<String, FunctionRuntime> functions, List<InstanceLoaders> loaders, ExecutorService workers,
                         ScheduledExecutorService deadlines, MemoryBudget memory, List<String> warnings) {
        this.functions = functions;
        this.loaders = loaders;
        this.workers = workers;
        this.deadlines = deadlines;
        this.memory = memory;
        this.warnings = warnings;
    }

    /**
     * Runtimes for the template's functions named in {@code functionIds} (all when null).
     *
     * @param database the variables that point a function at the local database (null: the template's own)
     */
    public static FunctionHost create(Template template, Collection<String> functionIds, EnvVarsFile envVars,
                                      Map<String, String> database, String region, Settings settings, CodeCache cache,
                                      ObjectMapper json) {
        List<FunctionSpec> specs = template.functions().values().stream()
                .filter(spec -> functionIds == null || functionIds.contains(spec.logicalId()))
                .toList();
        Map<Path, CodePackage> packages = new LinkedHashMap<>();
        for (FunctionSpec spec : specs) {
            packages.computeIfAbsent(spec.codeUri(), cache::open);
        }
        ClassLoader lambdaApi = new LambdaApiClassLoader(FunctionHost.class.getClassLoader());
        Map<Path, InstanceLoaders> loaders = new LinkedHashMap<>();
        packages.forEach((uri, code) -> loaders.put(uri, settings.sharedLibraries()
                ? InstanceLoaders.sharedLibraries(code, lambdaApi) : InstanceLoaders.isolated(code, lambdaApi)));

        List<String> warnings = new ArrayList<>();
        if (!ShutdownHooks.available()) {
            warnings.add("run with --add-opens java.base/java.lang=ALL-UNNAMED, or the instances that are reclaimed keep "
                    + "their connections until the server stops");
        }
        ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("lambda-", 0).factory());
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("deadlines").factory());
        deadlines.setRemoveOnCancelPolicy(true); // one timer per request, nearly all cancelled
        MemoryBudget memory = new MemoryBudget(settings.memoryMb());
        Map<String, FunctionRuntime> functions = new LinkedHashMap<>();
        for (FunctionSpec spec : specs) {
            CodePackage code = packages.get(spec.codeUri());
            Map<String, String> environment = LambdaEnvironment.of(spec, envVars, database, region, code, warnings);
            functions.put(spec.logicalId(), new FunctionRuntime(spec, loaders.get(spec.codeUri()), environment, region,
                    settings.maxInstances(), workers, deadlines, json, memory));
        }
        return new FunctionHost(functions, List.copyOf(loaders.values()), workers, deadlines, memory, warnings);
    }

    /** Every function's runtime, by logical ID, in template order. */
    public Map<String, FunctionRuntime> functions() {
        return functions;
    }

    public MemoryBudget memory() {
        return memory;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Whether instances share their packages' libraries (see {@link InstanceLoaders}). */
    public boolean sharesLibraries() {
        return loaders.stream().allMatch(InstanceLoaders::sharesLibraries);
    }

    /**
     * Starts {@code perFunction} instances of every function that serves a route ahead of traffic;
     * answers the failures by function (empty when none).
     */
    public Map<String, List<Throwable>> provision(int perFunction) {
        Map<String, List<Throwable>> failures = new java.util.concurrent.ConcurrentHashMap<>();
        if (perFunction <= 0 || functions.isEmpty()) {
            return failures;
        }
        // Only functions that serve routes: traffic never reaches the others (a custom resource's).
        List<FunctionRuntime> all = functions.values().stream().filter(f -> !f.spec().routes().isEmpty()).toList();
        if (all.isEmpty()) {
            return failures;
        }
        // The first function alone: its first instance loads the shared libraries, which every
        // other instance then finds loaded. Then the others, as many at once as there are cores.
        provision(all.get(0), perFunction, failures);
        ExecutorService starters = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<java.util.concurrent.Future<?>> started = all.subList(1, all.size()).stream()
                    .<java.util.concurrent.Future<?>>map(f -> starters.submit(() -> provision(f, perFunction, failures)))
                    .toList();
            for (java.util.concurrent.Future<?> future : started) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("starting instances ahead of traffic failed", e.getCause());
        } finally {
            starters.shutdownNow();
        }
        return failures;
    }

    private static void provision(FunctionRuntime function, int count, Map<String, List<Throwable>> failures) {
        List<Throwable> failed = function.provision(count);
        if (!failed.isEmpty()) {
            failures.put(function.spec().logicalId(), failed);
        }
    }

    /** From now on, every few seconds, reclaims the instances idle for longer than {@code idleFor}. */
    public synchronized void reclaimIdleAfter(Duration idleFor) {
        if (reclaimer != null) {
            reclaimer.shutdownNow();
        }
        reclaimer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("reclaimer").factory());
        long every = Math.max(100, Math.min(idleFor.toMillis() / 4, 10_000));
        reclaimer.scheduleWithFixedDelay(() -> functions.values().forEach(f -> f.reclaimIdle(idleFor)),
                every, every, TimeUnit.MILLISECONDS);
    }

    /** Drops every instance (their shutdown hooks run) and frees the libraries' loaders. */
    @Override
    public synchronized void close() {
        if (reclaimer != null) {
            reclaimer.shutdownNow();
        }
        functions.values().forEach(FunctionRuntime::close);
        workers.shutdownNow();
        deadlines.shutdownNow();
        loaders.forEach(InstanceLoaders::close);
    }
}
