package dev.stride.bench.cold;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Lambda zip that {@code functions/} builds, unpacked as the runtime unpacks it (classes at
 * the root, jars in {@code lib/}), so that a fresh-JVM sample loads exactly what Lambda would.
 */
public record LambdaPackage(Path zip, Path directory, Path childJar, Path classesJar) {

    public static LambdaPackage unpack(Path zip, Path into, Path childJar) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build with ./mvnw -pl bench -am package -DskipTests");
        }
        if (!Files.isRegularFile(childJar)) {
            throw new IllegalStateException(childJar + " is missing: build with ./mvnw -pl bench -am package -DskipTests");
        }
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(into);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : archive.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException("zip entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Path classesJar = into.resolveSibling(into.getFileName() + "-classes.jar");
        jarClasses(into, classesJar);
        return new LambdaPackage(zip, into, childJar, classesJar);
    }

    /**
     * The zip's root classes as one jar: class-data sharing archives only classpaths made of jars,
     * so the AppCDS variant runs the same classes from {@code lib/}-style jars instead of a folder.
     */
    private static void jarClasses(Path root, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("lib"))).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    public long zipBytes() {
        try {
            return Files.size(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The function's classpath as the Java runtime builds it, after the emulated runtime's own
     * jar: first, as the real runtime's classes come first, so that finding the runtime's main
     * class does not open every jar of the function.
     */
    public String handlerClasspath() {
        return String.join(File.pathSeparator, childJar.toString(), directory.toString(),
                directory.resolve("lib") + File.separator + "*");
    }

    /** The same classes with the zip's root classes as a jar (what AppCDS needs). */
    public String handlerJarClasspath() {
        return String.join(File.pathSeparator, childJar.toString(), classesJar.toString(),
                directory.resolve("lib") + File.separator + "*");
    }

    /**
     * The floor function's classpath: what a raw-JDBC handler's own zip would hold — the
     * PostgreSQL driver and the two Lambda libraries every Java handler has.
     */
    public String floorClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add(childJar.toString());
        for (String prefix : List.of("postgresql-", "aws-lambda-java-core-", "aws-lambda-java-events-")) {
            entries.add(jar(prefix).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Whether the package carries org.crac, the API of SnapStart's runtime hooks (and so a priming path). */
    public boolean hasCrac() {
        return findJar("crac-") != null;
    }

    /** The jars in the package, largest first: what the zip's size is made of. */
    public List<Path> jarsBySize() throws IOException {
        try (Stream<Path> jars = Files.list(directory.resolve("lib"))) {
            return jars.sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed()).toList();
        }
    }

    private Path jar(String prefix) {
        Path jar = findJar(prefix);
        if (jar == null) {
            throw new IllegalStateException("no " + prefix + "*.jar in " + directory.resolve("lib"));
        }
        return jar;
    }

    private Path findJar(String prefix) {
        File[] matches = directory.resolve("lib").toFile().listFiles((dir, name) -> name.startsWith(prefix) && name.endsWith(".jar"));
        return matches == null || matches.length == 0 ? null : matches[0].toPath();
    }
}
