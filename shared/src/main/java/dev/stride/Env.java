package dev.stride;

import java.util.Map;

/**
 * The function's environment variables. On Lambda these are the process environment. The local
 * server runs every function in one JVM, each in its own class loader, and hands each its own
 * environment (the template's, as Lambda would) through {@link #use(Map)}.
 */
public final class Env {

    private static volatile Map<String, String> variables = System.getenv();

    private Env() {
    }

    public static Map<String, String> all() {
        return variables;
    }

    public static String get(String name) {
        return variables.get(name);
    }

    /** Replaces this class loader's view of the environment (local server and tests only). */
    public static void use(Map<String, String> environment) {
        variables = Map.copyOf(environment);
    }
}
