package dev.stride.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.instance.DatabaseAccess;
import dev.stride.db.DatabaseSettings;
import dev.stride.testkit.LocalDatabase;
import dev.stride.local.gateway.LocalServer;
import dev.stride.local.lambda.CodePackage;
import dev.stride.local.lambda.EnvVarsFile;
import dev.stride.local.lambda.FunctionRuntime;
import dev.stride.local.template.FunctionSpec;
import dev.stride.local.template.RouteSpec;
import dev.stride.local.template.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Everything the local server runs, started together and stopped together: the database (the one
 * named by DB_URL/DATABASE_URL, else an embedded PostgreSQL), migrated; one {@link FunctionRuntime}
 * per function of the template, each seeing the template's environment for it; and the HTTP server.
 */
public final class LocalApp implements AutoCloseable {

    /**
     * The variables the local database replaces in every function's environment: where the
     * database is, and how the deployed functions log in to it (a secret, IAM), which would
     * otherwise send them to AWS for a login.
     */
    static final Set<String> DATABASE_VARIABLES = Set.of(DatabaseSettings.DB_URL, DatabaseSettings.DB_USER,
            DatabaseSettings.DB_PASSWORD, DatabaseSettings.DATABASE_URL, DatabaseAccess.DB_SECRET_ARN,
            DatabaseAccess.DB_IAM_AUTH);

    private final Template template;
    private final LocalDatabase database;
    private final Map<String, FunctionRuntime> functions;
    private final ExecutorService workers;
    private final LocalServer server;
    private final List<String> warnings;

    private LocalApp(Template template, LocalDatabase database, Map<String, FunctionRuntime> functions,
                     ExecutorService workers, LocalServer server, List<String> warnings) {
        this.template = template;
        this.database = database;
        this.functions = functions;
        this.workers = workers;
        this.server = server;
        this.warnings = warnings;
    }

    /** What to serve and how. {@code environment} is where DB_URL/DATABASE_URL are looked up. */
    public record Options(Path template, String host, int port, Path envVars, Map<String, String> parameterOverrides,
                          Path openApi, int maxInstances, Map<String, String> environment, PrintStream log) {
    }

    public static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Starts the database, the functions and the server; returns once requests are answered. */
    public static LocalApp start(Options options) {
        ObjectMapper json = json();
        String region = region(options.environment());
        Template template = Template.load(options.template(), options.parameterOverrides(), region);
        EnvVarsFile envVars = options.envVars() == null ? EnvVarsFile.none() : EnvVarsFile.read(options.envVars(), json);

        // The database takes the longest (an embedded one is unpacked, initialised and migrated):
        // the deployment packages are opened meanwhile.
        CompletableFuture<LocalDatabase> database = CompletableFuture.supplyAsync(() -> startDatabase(options.environment()));
        Map<Path, CodePackage> packages;
        try {
            packages = openPackages(template);
        } catch (RuntimeException e) {
            database.thenAccept(LocalDatabase::close);
            throw e;
        }
        LocalDatabase db;
        try {
            db = database.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }

        List<String> warnings = new ArrayList<>(template.warnings());
        ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("lambda-", 0).factory());
        Map<String, FunctionRuntime> functions = new LinkedHashMap<>();
        try {
            for (FunctionSpec spec : template.functions().values()) {
                CodePackage code = packages.get(spec.codeUri());
                Map<String, String> environment = environment(spec, envVars, db, region, code, warnings);
                functions.put(spec.logicalId(), new FunctionRuntime(spec, code.classPath(), environment, region,
                        options.maxInstances(), workers, json));
            }
            Path openApi = options.openApi() != null ? options.openApi() : template.file().getParent().resolve("openapi.yaml");
            // The web app sits beside template.yaml in a checkout (web/app): served at / as it is on disk.
            Path webApp = template.file().toAbsolutePath().getParent().resolve("web/app");
            LocalServer server = LocalServer.start(template, functions, options.host(), options.port(), openApi, webApp,
                    json, options.log());
            return new LocalApp(template, db, functions, workers, server, warnings);
        } catch (RuntimeException e) {
            workers.shutdownNow();
            db.close();
            throw e;
        }
    }

    /**
     * A function's environment as Lambda would give it: the template's variables (Globals merged
     * with the function's), overridden by the env-vars file; the database variables replaced by
     * the local database's; Lambda's reserved variables set as the Lambda runtime sets them.
     */
    static Map<String, String> environment(FunctionSpec spec, EnvVarsFile envVars, LocalDatabase db, String region,
                                           CodePackage code, List<String> warnings) {
        List<String> ignored = new ArrayList<>();
        Map<String, String> environment = new TreeMap<>(envVars.apply(spec.logicalId(), spec.environment(), ignored));
        ignored.forEach(name -> warnings.add("env-vars: " + name + " is not declared in the template for that function; "
                + "ignored (as SAM does)"));
        if (db != null) {
            environment.keySet().removeAll(DATABASE_VARIABLES);
            environment.putAll(db.environment());
        }
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(spec.memorySize()));
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.logicalId());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        environment.put("AWS_SAM_LOCAL", "true");
        environment.put("LAMBDA_TASK_ROOT", code.root().toString());
        environment.put("TZ", ":UTC");
        environment.put("_HANDLER", spec.handler());
        return environment;
    }

    static LocalDatabase startDatabase(Map<String, String> environment) {
        LocalDatabase database = LocalDatabase.start(environment);
        try {
            return database.migrate();
        } catch (RuntimeException e) {
            database.close(); // an embedded PostgreSQL must not outlive a failed start
            throw e;
        }
    }

    static String region(Map<String, String> environment) {
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return Template.DEFAULT_REGION;
    }

    static Map<Path, CodePackage> openPackages(Template template) {
        Path cache = codeCache();
        Map<Path, CodePackage> packages = new LinkedHashMap<>();
        for (FunctionSpec spec : template.functions().values()) {
            packages.computeIfAbsent(spec.codeUri(), uri -> CodePackage.open(uri, cache));
        }
        pruneCache(cache, packages.values().stream().map(CodePackage::root).toList());
        return packages;
    }

    /** Where zips are extracted: one folder per zip content, shared by every local server of this user. */
    static Path codeCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "stride-local-" + System.getProperty("user.name"), "code");
    }

    /** Drops extracted packages that no run has used for a day, so rebuilds do not pile up. */
    private static void pruneCache(Path cache, List<Path> inUse) {
        if (!Files.isDirectory(cache)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                if (inUse.contains(entry)) {
                    Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
                } else if (Files.getLastModifiedTime(entry).toInstant().isBefore(dayAgo)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // A cache that cannot be tidied costs disk space only.
        }
    }

    public Template template() {
        return template;
    }

    public LocalServer server() {
        return server;
    }

    public LocalDatabase database() {
        return database;
    }

    public Map<String, FunctionRuntime> functions() {
        return functions;
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

    /** Stops the server, drops every function instance, and stops an embedded database. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            workers.shutdownNow();
            database.close();
        }
    }
}
