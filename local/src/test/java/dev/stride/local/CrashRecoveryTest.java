package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.local.data.DataFolder;
import dev.stride.local.support.Client;
import dev.stride.local.support.FixtureFunctions;
import dev.stride.local.support.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server as a real process on a kept data folder: killed with SIGKILL (no shutdown
 * hook runs), it loses no write it acknowledged, and the next server on the folder stops the
 * PostgreSQL the killed one left running and starts on the same data; a second server on a held
 * folder is refused; a clean stop leaves no PostgreSQL behind.
 */
class CrashRecoveryTest {

    private static final Pattern READY = Pattern.compile("Ready on (http://\\S+) in");

    @Test
    void killNineLosesNoAcknowledgedWriteAndTheNextStartDealsWithTheOrphanedPostgres(@TempDir Path data) throws Exception {
        Server first = Server.start(data);
        Client api = TestServer.clientFor(first.url);
        String token = api.post("/_local/token", "{\"sub\": \"crash\"}", null).json().get("token").asText();
        assertThat(api.post("/users", "{\"username\": \"Crash\", \"email\": \"crash@example.com\"}", token).status()).isEqualTo(201);
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Client.Response created = api.post("/users/me/runs", "{\"distance\": " + i + "}", token);
            assertThat(created.status()).isEqualTo(201);
            acknowledged.add(created.json().get("id").asLong());
        }

        first.process.destroyForcibly(); // SIGKILL
        first.process.waitFor(30, TimeUnit.SECONDS);
        Optional<ProcessHandle> orphan;
        try (DataFolder folder = DataFolder.open(data)) {
            orphan = folder.postmaster();
        }
        assertThat(orphan).as("the killed server's PostgreSQL is left running").isPresent();

        Server second = Server.start(data);
        try {
            assertThat(second.output()).contains("Found PostgreSQL (pid " + orphan.get().pid() + ")");
            assertThat(orphan.get().isAlive()).isFalse();
            Client again = TestServer.clientFor(second.url);
            // Each server signs with a key of its own: the same sub, a new token.
            String sameCaller = again.post("/_local/token", "{\"sub\": \"crash\"}", null).json().get("token").asText();
            Client.Response runs = again.get("/users/me/runs?limit=50", sameCaller);
            assertThat(runs.status()).isEqualTo(200);
            assertThat(runs.json().get("items").findValues("id").stream().map(n -> n.asLong()).toList())
                    .containsExactlyInAnyOrderElementsOf(acknowledged);

            Server third = Server.launch(data);
            assertThat(third.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(third.process.exitValue()).isEqualTo(2);
            assertThat(third.finishedOutput()).contains("another Stride local server (pid " + second.process.pid() + ")");
        } finally {
            second.process.destroy(); // SIGTERM: a clean stop
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (DataFolder folder = DataFolder.open(data)) {
            assertThat(folder.postmaster()).as("a clean stop leaves no postgres process").isEmpty();
        }
    }

    /** A local server in a JVM of its own, on the fixture template and {@code data}. */
    private record Server(Process process, StringBuffer lines, CompletableFuture<Void> reader, String url) {

        static Server start(Path data) throws Exception {
            Server launched = launch(data);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && launched.process.isAlive()) {
                Matcher ready = READY.matcher(launched.output());
                if (ready.find()) {
                    return new Server(launched.process, launched.lines, launched.reader, ready.group(1));
                }
                Thread.sleep(100);
            }
            launched.process.destroyForcibly();
            throw new AssertionError("the server did not start:\n" + launched.output());
        }

        static Server launch(Path data) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                    "--port", "0", "--template", FixtureFunctions.template().toString(), "--data-dir", data.toString(),
                    "--provisioned", "0")
                    .redirectErrorStream(true);
            builder.environment().remove("DB_URL"); // the embedded database on the folder, whatever the shell has
            builder.environment().remove("DATABASE_URL");
            Process process = builder.start();
            StringBuffer lines = new StringBuffer();
            // A thread of its own per server (not the common pool, which may have a single one).
            CompletableFuture<Void> reader = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.append(line).append('\n');
                    }
                } catch (IOException ended) {
                    // The process is gone.
                }
                reader.complete(null);
            });
            return new Server(process, lines, reader, null);
        }

        String output() {
            return lines.toString();
        }

        /** All the output of a process that has ended. */
        String finishedOutput() throws Exception {
            reader.get(30, TimeUnit.SECONDS);
            return output();
        }
    }
}
