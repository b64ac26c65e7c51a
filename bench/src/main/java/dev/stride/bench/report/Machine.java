package dev.stride.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on, read from the machine itself. */
public record Machine(String cpu, int cores, long memoryBytes, String jdk, String os, String kernel, String loadAtStart) {

    public static Machine describe() {
        return new Machine(
                firstValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                osRelease(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: above the core count, other work was competing. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long memTotal() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal", "0 kB").split("\\s+")[0];
        return Long.parseLong(kb) * 1024;
    }

    private static String osRelease() {
        String name = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", System.getProperty("os.name"));
        return name.replace("\"", "");
    }

    private static String firstValue(Path file, String key, String fallback) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int separator = line.indexOf(line.contains(":") ? ':' : '=');
                    return line.substring(separator + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the fallback says what we know.
        }
        return fallback;
    }
}
