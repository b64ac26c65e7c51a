package dev.stride;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The function's environment variables. On Lambda these are the process environment. A host
 * that runs several functions in one JVM (the local server) gives each its own class loader, and
 * that loader supplies the function's environment: it is a {@code Supplier} of the variables.
 */
public final class Env {

    private static volatile Map<String, String> variables = initial();

    private Env() {
    }

    public static Map<String, String> all() {
        return variables;
    }

    public static String get(String name) {
        return variables.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> initial() {
        if (Env.class.getClassLoader() instanceof Supplier<?> host && host.get() instanceof Map<?, ?> environment) {
            return (Map<String, String>) environment;
        }
        return System.getenv();
    }

    /** Replaces this class loader's view of the environment (local server and tests only). */
    public static void use(Map<String, String> environment) {
        variables = Map.copyOf(environment);
    }
}
