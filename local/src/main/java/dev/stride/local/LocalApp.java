package dev.stride.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.data.ServerDatabase;
import dev.stride.local.demo.DemoData;
import dev.stride.local.gateway.LocalServer;
import dev.stride.local.gateway.WebAppEndpoint;
import dev.stride.local.lambda.CodeCache;
import dev.stride.local.lambda.EnvVarsFile;
import dev.stride.local.lambda.FunctionHost;
import dev.stride.local.lambda.FunctionRuntime;
import dev.stride.local.lambda.LambdaEnvironment;
import dev.stride.local.localonly.DemoUsersEndpoint;
import dev.stride.local.localonly.DocsEndpoint;
import dev.stride.local.localonly.TokenEndpoint;
import dev.stride.local.template.RouteSpec;
import dev.stride.local.template.Template;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything {@code serve} runs, started together and stopped together: the database, migrated;
 * the functions' runtimes ({@link FunctionHost}), with instances started ahead of traffic; and the
 * HTTP server with the template's API and the local-only endpoints.
 */
public final class LocalApp implements AutoCloseable {

    private final Template template;
    private final ServerDatabase database;
    private final FunctionHost host;
    private final LocalServer server;
    private final List<String> warnings;

    private LocalApp(Template template, ServerDatabase database, FunctionHost host, LocalServer server,
                     List<String> warnings) {
        this.template = template;
        this.database = database;
        this.host = host;
        this.server = server;
        this.warnings = warnings;
    }

    /**
     * What to serve and how.
     *
     * @param dataFolder  where the embedded database keeps its data; null: a fresh one
     * @param provisioned instances per function started before the server answers
     * @param environment where DB_URL/DATABASE_URL and AWS_REGION are looked up
     */
    public record Options(Path template, String host, int port, Path envVars, Map<String, String> parameterOverrides,
                          Path openApi, Path dataFolder, FunctionHost.Settings functions, int provisioned,
                          Duration idleTimeout, Map<String, String> environment, PrintStream log) {
    }

    public static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Starts the database, the functions and the server; returns once requests are answered. */
    public static LocalApp start(Options options) {
        ObjectMapper json = json();
        String region = LambdaEnvironment.region(options.environment());
        Template template = Template.load(options.template(), options.parameterOverrides(), region);
        EnvVarsFile envVars = options.envVars() == null ? EnvVarsFile.none() : EnvVarsFile.read(options.envVars(), json);

        // The database takes the longest (an embedded one is unpacked, started and migrated): the
        // deployment packages are opened meanwhile.
        CompletableFuture<ServerDatabase> starting = CompletableFuture.supplyAsync(
                () -> ServerDatabase.start(options.environment(), options.dataFolder(), false, options.log()));
        CodeCache cache = CodeCache.forThisUser();
        try {
            cache.open(template);
        } catch (RuntimeException e) {
            starting.thenAccept(ServerDatabase::close);
            throw e;
        }
        ServerDatabase database;
        try {
            database = starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }

        FunctionHost host = null;
        try {
            host = FunctionHost.create(template, null, envVars, database.environment(), region, options.functions(),
                    cache, json);
            List<String> warnings = new ArrayList<>(template.warnings());
            warnings.addAll(host.warnings());
            host.provision(options.provisioned()).forEach((function, failures) ->
                    warnings.add(function + ": an instance started ahead of traffic failed its init: " + failures.get(0)));
            host.reclaimIdleAfter(options.idleTimeout());

            LocalServer server = LocalServer.bind(template, host.functions(), options.host(), options.port(), json,
                    options.log());
            Path openApi = options.openApi() != null ? options.openApi() : template.file().getParent().resolve("openapi.yaml");
            server.route(new TokenEndpoint(server.identities(), server.host(), server.port(), json))
                    .route(new DemoUsersEndpoint(new DemoData(database.settings(), json), server.host(), server.port(), json))
                    .route(new DocsEndpoint(openApi))
                    .fallback(new WebAppEndpoint(template.file().toAbsolutePath().getParent().resolve("web/app")))
                    .start();
            return new LocalApp(template, database, host, server, warnings);
        } catch (RuntimeException e) {
            if (host != null) {
                host.close();
            }
            database.close();
            throw e;
        }
    }

    public Template template() {
        return template;
    }

    public LocalServer server() {
        return server;
    }

    public ServerDatabase database() {
        return database;
    }

    public FunctionHost host() {
        return host;
    }

    public Map<String, FunctionRuntime> functions() {
        return host.functions();
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The routes, one line each, for the start banner. */
    public List<String> routeLines() {
        List<String> lines = new ArrayList<>();
        for (RouteSpec route : template.routes()) {
            lines.add(String.format("  %-7s %-34s %s", route.method(), route.path(), route.functionId()));
        }
        return lines;
    }

    /** Stops the server, drops every function instance (their shutdown hooks run), stops an embedded database. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                host.close();
            } finally {
                database.close();
            }
        }
    }
}
