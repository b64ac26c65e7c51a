package dev.stride.local.lambda;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda's shutdown phase for an instance the local server drops (reclaimed when idle, replaced
 * after a timeout, or at the server's stop): on Lambda the runtime process then ends and the JVM
 * runs the shutdown hooks the function registered (a pool closing its connections). Here the
 * process goes on, so the server runs the hooks that the instance registered — those whose
 * context class loader is the instance's — and deregisters them.
 *
 * <p>The JDK lists its hooks to no one; reading the list takes
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the server's command line has it). Without
 * it, hooks run only when the whole server stops.
 */
final class ShutdownHooks {

    private static final Field HOOKS = hooksField();

    private ShutdownHooks() {
    }

    static boolean available() {
        return HOOKS != null;
    }

    /** Runs (and deregisters) the hooks {@code loader}'s code registered, waiting up to {@code limit}. */
    static void run(ClassLoader loader, Duration limit) {
        List<Thread> hooks = registeredBy(loader);
        for (Thread hook : hooks) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the JVM is running every hook already
            }
            hook.start();
        }
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread hook : hooks) {
            try {
                hook.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<Thread> registeredBy(ClassLoader loader) {
        if (HOOKS == null) {
            return List.of();
        }
        List<Thread> found = new ArrayList<>();
        try {
            Class<?> owner = HOOKS.getDeclaringClass();
            synchronized (owner) {
                Object hooks = HOOKS.get(null);
                if (hooks instanceof Map<?, ?> map) {
                    for (Object hook : map.keySet()) {
                        if (hook instanceof Thread thread && thread.getContextClassLoader() == loader) {
                            found.add(thread);
                        }
                    }
                }
            }
        } catch (IllegalAccessException e) {
            return List.of();
        }
        return found;
    }

    private static Field hooksField() {
        try {
            Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            return null;
        }
    }
}
