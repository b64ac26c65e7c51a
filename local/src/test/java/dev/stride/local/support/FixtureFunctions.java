package dev.stride.local.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.Env;
import dev.stride.local.fixtures.EchoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs the tests' own functions ({@code dev.stride.local.fixtures}) as a Lambda zip beside the
 * fixture template: their classes and Stride's {@code Env} at the root, Jackson in {@code lib/},
 * the layout of the real functions zip.
 */
public final class FixtureFunctions {

    private static Path template;

    private FixtureFunctions() {
    }

    /** The fixture template, with fixture-functions.zip written beside it. */
    public static synchronized Path template() {
        if (template == null) {
            Path file = resource("fixture/template.yaml");
            writeZip(file.getParent().resolve("fixture-functions.zip"));
            template = file;
        }
        return template;
    }

    public static Path resource(String name) {
        try {
            return Path.of(FixtureFunctions.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    private static void writeZip(Path zip) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            Path classes = location(EchoHandler.class);
            Path fixtures = classes.resolve("dev/stride/local/fixtures");
            try (Stream<Path> files = Files.list(fixtures)) {
                for (Path file : files.sorted().toList()) {
                    add(out, classes.relativize(file).toString(), file);
                }
            }
            String env = "dev/stride/Env.class";
            try (InputStream in = Env.class.getClassLoader().getResourceAsStream(env)) {
                out.putNextEntry(entry(env));
                in.transferTo(out);
                out.closeEntry();
            }
            for (Class<?> jackson : List.of(ObjectMapper.class, JsonFactory.class, JsonInclude.class)) {
                Path jar = location(jackson);
                add(out, "lib/" + jar.getFileName(), jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(entry(name));
        Files.copy(file, out);
        out.closeEntry();
    }

    /** Fixed timestamps: the same classes give the same zip, which the server then extracts only once. */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(1_767_225_600_000L);
        return entry;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
