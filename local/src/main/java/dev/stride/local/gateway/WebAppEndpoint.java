package dev.stride.local.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The web app at {@code /}: GET and HEAD of {@code /} (its {@code index.html}) and of any file
 * under the app's folder ({@code web/app} beside template.yaml), read from disk on every request
 * so that an edit shows on the next reload. A {@linkplain LocalServer#fallback fallback}: the API's
 * routes come first, so a file can never hide one. See docs/web.md.
 */
public final class WebAppEndpoint implements LocalRoute {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "webmanifest", "application/manifest+json");

    private final Path root;

    /** {@code root} may be null or missing: then nothing is served here. */
    public WebAppEndpoint(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    @Override
    public boolean serves(String path) {
        return file(path) != null;
    }

    @Override
    public GatewayResponse handle(IncomingRequest request, String path) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return GatewayResponse.message(404, "Not Found");
        }
        Path file = file(path);
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                "application/octet-stream");
        try {
            return GatewayResponse.of(200, type, Files.readAllBytes(file))
                    // Revalidated on every load, like index.html in the cloud; edits show at once.
                    .withHeader("Cache-Control", "no-cache")
                    .withHeader("X-Content-Type-Options", "nosniff")
                    .withHeader("Referrer-Policy", "no-referrer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular file {@code path} names inside the root, or null (no "..", no hidden files). */
    private Path file(String path) {
        if (root == null || !path.startsWith("/") || path.contains("/.") || path.contains("\\")) {
            return null;
        }
        Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? file : null;
    }
}
