import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step (run by functions/pom.xml after the assembly, as a single-file program of the build's
 * JDK): rewrites every {@code lib/*.jar} inside the given Lambda zips so that the jar's own entries
 * are stored, not deflated. The zip itself stays deflated, so what is uploaded is smaller than
 * before (deflating a whole jar of stored classes compresses better than each class alone), and
 * Lambda unpacks it to /var/task as usual; but at a cold start the JVM then reads each class's
 * bytes straight from the jar instead of inflating them, about a tenth of a cold start's CPU
 * (docs/performance.md). Entry names, order, contents and times stay as they were; the zip's
 * entries keep their Unix permissions.
 */
public final class StoredJars {

    private StoredJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: java StoredJars.java <lambda.zip>...");
        }
        for (String zip : args) {
            int jars = rewrite(Path.of(zip));
            System.out.println("[stored-jars] " + zip + ": " + jars + " jars in lib/ now store their entries");
        }
    }

    static int rewrite(Path zip) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path lib = fs.getPath("/lib");
            if (!Files.isDirectory(lib)) {
                throw new IOException(zip + " has no lib/ folder");
            }
            try (Stream<Path> entries = Files.list(lib)) {
                entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
            for (Path jar : jars) {
                FileTime time = Files.getLastModifiedTime(jar);
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(jar);
                byte[] stored = stored(Files.readAllBytes(jar));
                Files.write(jar, stored, StandardOpenOption.TRUNCATE_EXISTING);
                Files.setPosixFilePermissions(jar, permissions);
                Files.setLastModifiedTime(jar, time);
            }
        }
        return jars.size();
    }

    /** The jar {@code original}, its entries in the same order with the same bytes and times, stored. */
    static byte[] stored(byte[] original) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
             ZipOutputStream jar = new ZipOutputStream(out)) {
            jar.setMethod(ZipOutputStream.STORED);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                if (entry.getTime() != -1) {
                    copy.setTime(entry.getTime());
                }
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                copy.setCrc(crc.getValue());
                jar.putNextEntry(copy);
                jar.write(data);
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
