package dev.stride.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the class loaders of a deployment package's instances, in one of two ways.
 *
 * <ul>
 *   <li><b>Shared libraries</b> (the default): the package's released libraries (EclipseLink,
 *       Jackson, the JDBC driver...) are loaded once, in one loader that every instance of every
 *       function of the package has as its parent, so their classes are loaded, initialised and
 *       JIT-compiled once. The function's own code (see {@link CodePackage#ownCode()}) is loaded
 *       by each instance for itself, so its statics stay per instance as on Lambda. Each instance
 *       reaches that code through a folder of links of its own, so that a library that keys
 *       state by resource URL (EclipseLink's persistence units) sees a distinct unit per
 *       instance.</li>
 *   <li><b>Isolated</b> ({@code --cold}): every instance loads the whole package itself, as a
 *       fresh Lambda JVM does.</li>
 * </ul>
 */
final class InstanceLoaders implements AutoCloseable {

    private final CodePackage code;
    private final ClassLoader parent;
    private final URLClassLoader libraries;
    private final Path links;

    private InstanceLoaders(CodePackage code, ClassLoader parent, URLClassLoader libraries, Path links) {
        this.code = code;
        this.parent = parent;
        this.libraries = libraries;
        this.links = links;
    }

    static InstanceLoaders isolated(CodePackage code, ClassLoader lambdaApi) {
        return new InstanceLoaders(code, lambdaApi, null, null);
    }

    /** Shared libraries, or isolated where this file system cannot make symbolic links. */
    static InstanceLoaders sharedLibraries(CodePackage code, ClassLoader lambdaApi) {
        Path links;
        try {
            links = Files.createTempDirectory("stride-instances-");
            Path probe = Files.createSymbolicLink(links.resolve("probe"), code.root());
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            return isolated(code, lambdaApi);
        }
        URL[] jars = code.libraries().stream().map(CodePackage::url).toArray(URL[]::new);
        URLClassLoader libraries = new URLClassLoader("libraries@" + code.root().getFileName(), jars, lambdaApi);
        return new InstanceLoaders(code, libraries, libraries, links);
    }

    boolean sharesLibraries() {
        return libraries != null;
    }

    InstanceClassLoader create(String name, Map<String, String> environment) {
        List<URL> urls = new ArrayList<>();
        if (libraries == null) {
            code.classPath().forEach(urls::add);
        } else {
            Path folder = links.resolve(name.replace('#', '-'));
            try {
                Files.createDirectories(folder);
                int index = 0;
                for (Path own : code.ownCode()) {
                    Path link = folder.resolve(index++ + "-" + own.getFileName());
                    Files.deleteIfExists(link);
                    urls.add(CodePackage.url(Files.createSymbolicLink(link, own)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lay out the instance " + name + " in " + folder, e);
            }
        }
        return new InstanceClassLoader(name, urls.toArray(URL[]::new), parent, environment);
    }

    /** Closes an instance's loader (its open jars) and removes its links. */
    void release(InstanceClassLoader loader) {
        try {
            loader.close();
            if (links != null) {
                CodeCache.deleteTree(links.resolve(loader.getName().replace('#', '-')));
            }
        } catch (IOException ignored) {
            // Only open jars and a few links are left behind; nothing an instance needs.
        }
    }

    @Override
    public void close() {
        try {
            if (libraries != null) {
                libraries.close();
            }
            if (links != null) {
                CodeCache.deleteTree(links);
            }
        } catch (IOException ignored) {
            // As above: temporary links only.
        }
    }
}
