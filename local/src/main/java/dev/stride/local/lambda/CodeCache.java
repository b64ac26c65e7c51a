package dev.stride.local.lambda;

import dev.stride.local.template.FunctionSpec;
import dev.stride.local.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where deployment packages are extracted: one folder per zip content, shared by every local
 * server of this user, and tidied of packages no run has used for a day.
 */
public final class CodeCache {

    private final Path root;

    public CodeCache(Path root) {
        this.root = root;
    }

    /** The cache of this user, under the system's temporary folder. */
    public static CodeCache forThisUser() {
        return new CodeCache(Path.of(System.getProperty("java.io.tmpdir"), "stride-local-" + System.getProperty("user.name"), "code"));
    }

    /** Every package the template's functions name, opened once each (by CodeUri). */
    public Map<Path, CodePackage> open(Template template) {
        Map<Path, CodePackage> packages = new LinkedHashMap<>();
        for (FunctionSpec spec : template.functions().values()) {
            packages.computeIfAbsent(spec.codeUri(), this::open);
        }
        prune(packages.values().stream().map(CodePackage::root).toList());
        return packages;
    }

    public CodePackage open(Path codeUri) {
        return CodePackage.open(codeUri, root);
    }

    /** Drops extracted packages that no run has used for a day, so rebuilds do not pile up. */
    private void prune(List<Path> inUse) {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (inUse.contains(entry)) {
                    Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
                } else if (Files.getLastModifiedTime(entry).toInstant().isBefore(dayAgo)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            // A cache that cannot be tidied costs disk space only.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
