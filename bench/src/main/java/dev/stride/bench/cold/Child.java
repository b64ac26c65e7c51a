package dev.stride.bench.cold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM run once: spawned with a clean environment (only what a Lambda function would
 * get: the database variables), its {@code @bench} lines collected, and the moment it was
 * spawned taken on the same monotonic clock the child prints.
 */
public final class Child {

    /** What one child printed, and when it was spawned ({@link System#nanoTime()}). */
    public record Output(long spawnedAt, Map<String, String> lines, List<String> steps, int exitCode) {

        public long nanos(String key) {
            String value = lines.get(key);
            if (value == null) {
                throw new IllegalStateException("the child printed no '" + key + "' line: " + lines);
            }
            return Long.parseLong(value.split(" ")[0]);
        }

        public boolean has(String key) {
            return lines.containsKey(key);
        }
    }

    private Child() {
    }

    public static Output run(String classpath, List<String> jvmFlags, String mainClass, List<String> args,
                             Map<String, String> env, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("TZ", "UTC");
        builder.environment().putAll(env);

        long spawned = System.nanoTime();
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("a fresh-JVM sample did not finish in 120 s: " + command);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        List<String> steps = new ArrayList<>();
        String text = new String(stdout, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.startsWith("@bench ")) {
                String[] parts = line.substring(7).split(" ", 2);
                String value = parts.length > 1 ? parts[1] : "";
                if (parts[0].equals("step")) {
                    steps.add(value);
                } else {
                    lines.put(parts[0], value);
                }
            }
        }
        Files.writeString(log, "---- " + String.join(" ", command) + "\n" + text, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("a fresh-JVM sample failed (exit " + process.exitValue() + "); see " + log);
        }
        return new Output(spawned, lines, steps, process.exitValue());
    }
}
