package dev.stride.db;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How often units of work ran again, by the SQLState that made them (for tests and the benchmark). */
public final class Retries {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Retries() {
    }

    static void record(String sqlState) {
        COUNTS.computeIfAbsent(sqlState == null ? "?" : sqlState, state -> new LongAdder()).increment();
    }

    /** The retries so far in this JVM, by SQLState. */
    public static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        COUNTS.forEach((state, count) -> counts.put(state, count.sum()));
        return counts;
    }

    public static long total() {
        return COUNTS.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
