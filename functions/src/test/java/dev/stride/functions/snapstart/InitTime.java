package dev.stride.functions.snapstart;

import dev.stride.testkit.LocalDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold-start numbers from the Lambda zip as built: unzips it, starts an embedded PostgreSQL, and
 * runs {@link InitTimeProbe} in fresh JVMs with and without priming, with and without
 * {@code JAVA_TOOL_OPTIONS=-XX:+TieredCompilation -XX:TieredStopAtLevel=1}; prints the median of
 * each. Run it with {@code functions/init-time.sh [runs]}.
 */
public final class InitTime {

    static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private InitTime() {
    }

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path unzipped = unzip(zip);
        String classPath = unzipped + java.io.File.pathSeparator + unzipped.resolve("lib") + "/*"
                + java.io.File.pathSeparator + Path.of(InitTime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (LocalDatabase database = LocalDatabase.startEmbedded().migrate()) {
            Map<String, String> env = new LinkedHashMap<>(database.environment());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "init-time");

            Map<String, String> iam = new LinkedHashMap<>(Map.of("DB_IAM_AUTH", "true",
                    "DB_URL", "jdbc:postgresql://db.example.com:5432/stride", "DB_USER", "stride_app",
                    "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDINITTIME", "AWS_SECRET_ACCESS_KEY", "x"));
            System.out.println("IAM token from the zip's RdsUtilities: " + run(classPath, iam, "iam").trim());

            System.out.printf("zip %s: %.2f MB; medians of %d fresh JVMs (ms)%n", zip, Files.size(zip) / 1_000_000.0, runs);
            System.out.printf("%-14s %-34s %6s %14s %15s%n", "priming", "JAVA_TOOL_OPTIONS", "init", "first request", "second request");
            for (String options : new String[] {"", C1_ONLY}) {
                for (boolean prime : new boolean[] {false, true}) {
                    List<long[]> timings = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        Map<String, String> runEnv = new LinkedHashMap<>(env);
                        if (!options.isEmpty()) {
                            runEnv.put("JAVA_TOOL_OPTIONS", options);
                        }
                        timings.add(parse(run(classPath, runEnv, Boolean.toString(prime))));
                    }
                    System.out.printf("%-14s %-34s %6d %14d %15d%n", prime ? "yes" : "no", options.isEmpty() ? "(none)" : options,
                            median(timings, 0), median(timings, 1), median(timings, 2));
                }
            }
        }
    }

    private static String run(String classPath, Map<String, String> env, String mode) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, InitTimeProbe.class.getName(), mode);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("probe failed:\n" + err);
        }
        return err.lines().filter(line -> line.startsWith("timings ") || line.startsWith("iam-token")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from the probe:\n" + err));
    }

    private static long[] parse(String line) {
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
    }

    private static long median(List<long[]> timings, int column) {
        long[] values = timings.stream().mapToLong(t -> t[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static Path unzip(Path zip) throws IOException {
        Path target = Files.createTempDirectory("stride-zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
        return target;
    }
}
