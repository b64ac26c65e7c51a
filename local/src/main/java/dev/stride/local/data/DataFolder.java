package dev.stride.local.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The folder where the local server keeps its data between runs ({@code .stride/} beside the
 * template unless told otherwise): the embedded PostgreSQL's data in {@code postgres/}, and
 * {@code server.lock}, which the running server holds locked so that a second server on the same
 * folder is refused instead of corrupting it. The operating system releases the lock when the
 * server's process ends, however it ends.
 */
public final class DataFolder implements AutoCloseable {

    private static final Duration ORPHAN_STOP_LIMIT = Duration.ofSeconds(30);

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolder(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder (creating it), or refuses with a clear message when another server has it. */
    public static DataFolder open(Path root) {
        try {
            Files.createDirectories(root);
            Path lockFile = root.resolve("server.lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip().split("\\R", 2)[0];
                channel.close();
                throw new IllegalStateException("another Stride local server" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " is using the data in " + root + "; stop it first, or start this one with --fresh or another --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new DataFolder(root, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data folder " + root, e);
        }
    }

    /**
     * Writes where this folder's database answers into the lock file (beside the holder's pid),
     * so that {@code invoke} can use the running server's database instead of being refused.
     */
    public void announce(String jdbcUrl) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n" + jdbcUrl + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve("server.lock"), e);
        }
    }

    /** The JDBC URL of the database the server holding {@code root} announced, if one holds it. */
    public static Optional<String> announcedDatabase(Path root) {
        Path lockFile = root.resolve("server.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty(); // nobody holds it
            }
            List<String> lines = Files.readAllLines(lockFile, StandardCharsets.UTF_8);
            return lines.size() > 1 && lines.get(1).startsWith("jdbc:") ? Optional.of(lines.get(1).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** The embedded PostgreSQL's data directory. */
    public Path postgres() {
        return root.resolve("postgres");
    }

    /**
     * A server killed without its shutdown (kill -9, a crash) leaves its PostgreSQL running, holding
     * the data directory and a port. Stops that PostgreSQL (a smart shutdown: it has no clients
     * left, and it writes everything out) so this server can start its own on the same data.
     * Answers the pid it stopped.
     */
    public Optional<Long> stopOrphanedPostgres(PrintStream log) {
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = orphan.get();
        log.println("Found PostgreSQL (pid " + process.pid() + ") still running on " + postgres()
                + ", left by a server that did not stop cleanly; stopping it.");
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
            process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        return Optional.of(process.pid());
    }

    /** The PostgreSQL process that runs on this folder's data now, if one does. */
    public Optional<ProcessHandle> postmaster() {
        Path pidFile = postgres().resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty(); // a stale or half-written file: PostgreSQL deals with those itself
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }
}
