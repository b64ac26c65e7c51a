package dev.stride.local.localonly;

import dev.stride.local.gateway.GatewayResponse;
import dev.stride.local.gateway.IncomingRequest;
import dev.stride.local.gateway.LocalRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * {@code GET /_local/docs}: Swagger UI (from its webjar) over the project's {@code openapi.yaml},
 * which {@code GET /_local/openapi.yaml} serves with its {@code servers} replaced by this server,
 * so that "Try it out" calls the local API. The page also mints a token through
 * {@code /_local/token} and hands it to Swagger UI's Authorize.
 */
public final class DocsEndpoint implements LocalRoute {

    static final String DOCS = "/_local/docs";
    static final String SPEC = "/_local/openapi.yaml";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript", "css", "text/css", "html", "text/html; charset=utf-8", "png", "image/png");

    private final Path openApi;
    private final String webjarRoot;

    public DocsEndpoint(Path openApi) {
        this.openApi = openApi;
        this.webjarRoot = WEBJAR + swaggerUiVersion() + "/";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(DOCS) || path.equals(DOCS + "/") || path.startsWith(DOCS + "/") || path.equals(SPEC);
    }

    @Override
    public GatewayResponse handle(IncomingRequest request, String path) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return GatewayResponse.message(404, "Not Found");
        }
        if (path.equals(SPEC)) {
            return spec(request.header("host"));
        }
        if (path.equals(DOCS) || path.equals(DOCS + "/")) {
            return GatewayResponse.of(200, TYPES.get("html"), page().getBytes(StandardCharsets.UTF_8));
        }
        String asset = path.substring((DOCS + "/").length());
        if (asset.contains("..") || asset.contains("/")) {
            return GatewayResponse.message(404, "Not Found");
        }
        try (InputStream in = DocsEndpoint.class.getClassLoader().getResourceAsStream(webjarRoot + asset)) {
            if (in == null) {
                return GatewayResponse.message(404, "Not Found");
            }
            String extension = asset.substring(asset.lastIndexOf('.') + 1);
            return GatewayResponse.of(200, TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes())
                    .withHeader("Cache-Control", "max-age=3600");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's OpenAPI document, pointed at this server. */
    private GatewayResponse spec(String host) {
        if (openApi == null || !Files.isRegularFile(openApi)) {
            return GatewayResponse.message(404, "Not Found");
        }
        try {
            Yaml reader = new Yaml(new SafeConstructor(new LoaderOptions()));
            Object document = reader.load(Files.readString(openApi));
            if (!(document instanceof Map<?, ?> map)) {
                return GatewayResponse.message(500, "Internal Server Error");
            }
            Map<Object, Object> spec = new LinkedHashMap<>(map);
            Map<String, String> local = new LinkedHashMap<>();
            local.put("url", "http://" + (host == null ? "127.0.0.1:3000" : host));
            local.put("description", "the local server (Try it out calls it)");
            spec.put("servers", List.of(local));
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setWidth(120);
            String yaml = new Yaml(new Representer(options), options).dump(spec);
            return GatewayResponse.of(200, "application/yaml; charset=utf-8", yaml.getBytes(StandardCharsets.UTF_8))
                    .withHeader("Cache-Control", "no-store");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + openApi, e);
        }
    }

    private String page() {
        boolean present = openApi != null && Files.isRegularFile(openApi);
        String missing = present ? "" : "<p class=\"missing\">No OpenAPI document at <code>" + escape(String.valueOf(openApi))
                + "</code>: start the server with <code>--openapi FILE</code>.</p>";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Stride API (local)</title>
                  <link rel="stylesheet" href="/_local/docs/swagger-ui.css">
                  <link rel="icon" type="image/png" href="/_local/docs/favicon-32x32.png">
                  <style>
                    body { margin: 0; font-family: sans-serif; }
                    .token { padding: 12px 20px; background: #f3f6f9; border-bottom: 1px solid #d8dde3; }
                    .token input { margin: 0 6px; padding: 4px; }
                    .missing { padding: 12px 20px; color: #a00; }
                  </style>
                </head>
                <body>
                  <form class="token" id="token">
                    <strong>Local token</strong>
                    sub <input id="sub" value="alice" required>
                    groups <input id="groups" placeholder="admin, users">
                    <button type="submit">Get a token and authorize</button>
                    <span id="token-status"></span>
                  </form>
                  %s
                  <div id="swagger-ui"></div>
                  <script src="/_local/docs/swagger-ui-bundle.js"></script>
                  <script>
                    const ui = SwaggerUIBundle({ url: '/_local/openapi.yaml', dom_id: '#swagger-ui',
                      tryItOutEnabled: true, persistAuthorization: true, deepLinking: true });
                    // Mints a token like signing in would, and gives it to every bearer scheme of the spec.
                    document.getElementById('token').addEventListener('submit', async (e) => {
                      e.preventDefault();
                      const groups = document.getElementById('groups').value.split(',').map(g => g.trim()).filter(g => g);
                      const status = document.getElementById('token-status');
                      const answer = await fetch('/_local/token', { method: 'POST',
                        headers: { 'content-type': 'application/json' },
                        body: JSON.stringify({ sub: document.getElementById('sub').value, groups }) });
                      if (!answer.ok) { status.textContent = 'refused: ' + answer.status; return; }
                      const { token } = await answer.json();
                      const schemes = ui.specSelectors.specJson().getIn(['components', 'securitySchemes']);
                      const names = schemes ? Array.from(schemes.keys()) : [];
                      names.forEach(name => ui.preauthorizeApiKey(name, token));
                      status.textContent = names.length ? 'authorized as ' + document.getElementById('sub').value
                        : 'token: ' + token;
                    });
                  </script>
                </body>
                </html>
                """.formatted(missing);
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsEndpoint.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
