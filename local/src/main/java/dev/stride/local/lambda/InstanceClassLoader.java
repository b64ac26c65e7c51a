package dev.stride.local.lambda;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One instance's class loader: the function's own code, over its libraries. It is also how the
 * instance learns its environment: on Lambda every function is a process with its own
 * environment variables; here all share one process, so the loader {@linkplain #get() supplies}
 * them, through a JDK interface that code can ask of its own class loader without knowing the
 * local server.
 */
final class InstanceClassLoader extends URLClassLoader implements Supplier<Map<String, String>> {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, String> environment;

    InstanceClassLoader(String name, URL[] urls, ClassLoader parent, Map<String, String> environment) {
        super(name, urls, parent);
        this.environment = Map.copyOf(environment);
    }

    /** The instance's environment variables. */
    @Override
    public Map<String, String> get() {
        return environment;
    }
}
