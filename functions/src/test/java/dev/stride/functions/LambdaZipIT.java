package dev.stride.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.CRC32;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lambda zips as built (after {@code package}; run by failsafe): every jar in {@code lib/}
 * stores its classes uncompressed (src/build/StoredJars.java: a cold start reads them without
 * inflating), and holds exactly the entries, in the same order and with the same bytes, of the
 * dependency jar Maven resolved.
 */
class LambdaZipIT {

    @ParameterizedTest
    @ValueSource(strings = {"stride-functions.zip", "stride-migrate.zip"})
    void libJars_storeTheDependencyJarsEntriesUncompressed(String name) throws IOException {
        Path zip = Path.of("target", name);
        Map<String, Path> dependencies = dependencyJars();
        int jars = 0;
        try (ZipFile lambda = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = lambda.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("lib/") || !entry.getName().endsWith(".jar")) {
                    continue;
                }
                jars++;
                String jarName = entry.getName().substring("lib/".length());
                assertThat(dependencies).as("a resolved dependency named %s", jarName).containsKey(jarName);
                byte[] packaged;
                try (InputStream in = lambda.getInputStream(entry)) {
                    packaged = in.readAllBytes();
                }
                Map<String, Long> packagedEntries = entries(packaged, true);
                Map<String, Long> resolvedEntries = entries(Files.readAllBytes(dependencies.get(jarName)), false);
                assertThat(packagedEntries).as(jarName).containsExactlyEntriesOf(resolvedEntries);
            }
        }
        assertThat(jars).as("jars in %s's lib/", name).isGreaterThan(20);
    }

    /** Entry name to CRC, in order; with {@code stored}, asserting every entry is stored. */
    private static Map<String, Long> entries(byte[] jar, boolean stored) throws IOException {
        Map<String, Long> crcs = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (stored) {
                    assertThat(entry.getMethod()).as("%s stored", entry.getName()).isEqualTo(ZipEntry.STORED);
                }
                CRC32 crc = new CRC32();
                crc.update(data);
                crcs.put(entry.getName(), crc.getValue());
            }
        }
        return crcs;
    }

    /** The jars on this test's class path, by file name: the functions module's resolved dependencies. */
    private static Map<String, Path> dependencyJars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (element.endsWith(".jar")) {
                jars.putIfAbsent(path.getFileName().toString(), path);
            }
        }
        return jars;
    }
}
