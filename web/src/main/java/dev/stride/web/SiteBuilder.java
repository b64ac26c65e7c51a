package dev.stride.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the site that goes to the cloud from the app's folder: everything under {@code assets/}
 * moves to {@code assets/<hash>/}, where the hash is the content hash of all assets, and
 * {@code index.html} points there. CloudFront may then keep assets for a year (a change gives new
 * URLs), while {@code index.html} and {@code config.json} stay at the root and are never cached.
 * The modules import each other by relative paths, so they need no rewriting. No Node, no bundler.
 *
 * <p>{@code java SiteBuilder <app folder> <site folder>}; Maven runs it at prepare-package.
 */
public final class SiteBuilder {

    static final String ASSETS = "assets";

    private SiteBuilder() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SiteBuilder <app folder> <site folder>");
        }
        String version = build(Path.of(args[0]), Path.of(args[1]));
        System.out.println("Site built in " + args[1] + " (assets/" + version + "/)");
    }

    /** Builds {@code site} from {@code app}; answers the assets' hash. */
    public static String build(Path app, Path site) {
        try {
            deleteTree(site);
            Path assets = app.resolve(ASSETS);
            String version = hash(assets);
            for (Path file : files(app)) {
                Path relative = app.relativize(file);
                Path target = relative.startsWith(ASSETS)
                        ? site.resolve(ASSETS).resolve(version).resolve(assets.relativize(file))
                        : site.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            Path index = site.resolve("index.html");
            String html = Files.readString(index, StandardCharsets.UTF_8);
            Files.writeString(index, html.replaceAll("(href|src)=\"" + ASSETS + "/", "$1=\"" + ASSETS + "/" + version + "/"),
                    StandardCharsets.UTF_8);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of every asset's path and bytes, in path order: 12 hex digits. */
    static String hash(Path assets) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files(assets)) {
                digest.update(assets.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
