package dev.stride.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's deployment package as Lambda lays it out in {@code /var/task}: classes and
 * resources at the root, jars in {@code lib/}. A zip is extracted once into a cache folder named
 * after its SHA-256, so an unchanged build is not extracted again and a rebuilt one never mixes
 * with the old files.
 *
 * <p>The class path splits in two: the function's own code (the root and every {@code -SNAPSHOT}
 * jar, what the developer is changing) and its released libraries (every other jar), which the
 * local server may load once for all instances (see {@link InstanceLoaders}).
 */
public final class CodePackage {

    private final Path root;
    private final List<Path> ownCode;
    private final List<Path> libraries;

    private CodePackage(Path root, List<Path> ownCode, List<Path> libraries) {
        this.root = root;
        this.ownCode = ownCode;
        this.libraries = libraries;
    }

    /** Opens {@code codeUri} (a zip or a folder), extracting a zip under {@code cacheDir}. */
    public static CodePackage open(Path codeUri, Path cacheDir) {
        try {
            Path root;
            if (Files.isDirectory(codeUri)) {
                root = codeUri;
            } else if (Files.isRegularFile(codeUri)) {
                root = extract(codeUri, cacheDir);
            } else {
                throw new IllegalStateException("CodeUri " + codeUri + " does not exist: build it first "
                        + "(./mvnw -q -pl functions -am package -DskipTests)");
            }
            List<Path> ownCode = new ArrayList<>(List.of(root));
            List<Path> libraries = new ArrayList<>();
            for (Path jar : jars(root)) {
                (jar.getFileName().toString().contains("-SNAPSHOT") ? ownCode : libraries).add(jar);
            }
            return new CodePackage(root, List.copyOf(ownCode), List.copyOf(libraries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the deployment package " + codeUri, e);
        }
    }

    /** The folder Lambda would call the task root ({@code LAMBDA_TASK_ROOT}). */
    public Path root() {
        return root;
    }

    /** The root, then every {@code lib/*.jar} in name order: the Lambda Java runtime's class path. */
    public List<URL> classPath() {
        List<URL> urls = new ArrayList<>(ownCode.stream().map(CodePackage::url).toList());
        libraries.forEach(jar -> urls.add(url(jar)));
        return urls;
    }

    /** The root and the {@code -SNAPSHOT} jars: the code the developer works on. */
    List<Path> ownCode() {
        return ownCode;
    }

    /** The released libraries' jars. */
    List<Path> libraries() {
        return libraries;
    }

    private static List<Path> jars(Path root) throws IOException {
        Path lib = root.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path extract(Path zip, Path cacheDir) throws IOException {
        Path target = cacheDir.resolve(sha256(zip).substring(0, 24));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(cacheDir);
        // Extract beside the target and move it into place in one step, so that a second server
        // starting at the same moment never sees a half-written folder.
        Path partial = Files.createTempDirectory(cacheDir, "partial-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = partial.resolve(entry.getName()).normalize();
                if (!file.startsWith(partial)) {
                    throw new IOException(zip + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            deleteTree(partial);
        } catch (IOException moveFailed) {
            if (!Files.isDirectory(target)) {
                throw moveFailed;
            }
            deleteTree(partial); // another process extracted the same zip first
        }
        return target;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
