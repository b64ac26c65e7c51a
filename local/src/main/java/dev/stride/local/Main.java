package dev.stride.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.testkit.LocalDatabase;
import dev.stride.local.lambda.CodePackage;
import dev.stride.local.lambda.EnvVarsFile;
import dev.stride.local.lambda.FunctionRuntime;
import dev.stride.local.lambda.JsonOutput;
import dev.stride.local.template.FunctionSpec;
import dev.stride.local.template.Template;
import dev.stride.local.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code stride-local serve} (the default) runs the whole API of template.yaml on this machine;
 * {@code stride-local invoke FUNCTION -e event.json} runs one function once and prints its answer.
 * See docs/local-server.md.
 */
public final class Main {

    private static final String USAGE = """
            Usage:
              serve  [--port 3000] [--host 127.0.0.1] [--template template.yaml] [--env-vars env.json]
                     [--parameter-overrides "Name=Value ..."] [--openapi openapi.yaml] [--max-instances 8]
              invoke FUNCTION [-e event.json | -e -] [--template template.yaml] [--env-vars env.json]
                     [--parameter-overrides "Name=Value ..."]

            The database is the one DB_URL (with DB_USER, DB_PASSWORD) or DATABASE_URL names, else an
            embedded PostgreSQL that lives as long as the command.""";

    private Main() {
    }

    public static void main(String[] args) {
        // Lambda runs in UTC; so do the functions here (they share this JVM's default time zone).
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String command = arguments.isEmpty() || arguments.get(0).startsWith("-") ? "serve" : arguments.remove(0);
        try {
            switch (command) {
                case "serve" -> serve(Arguments.parse(arguments, false));
                case "invoke" -> System.exit(invoke(Arguments.parse(arguments, true), System.getenv(), System.out, System.err));
                case "help", "--help", "-h" -> System.out.println(USAGE);
                default -> fail("unknown command " + command);
            }
        } catch (IllegalArgumentException | TemplateException | IllegalStateException | UncheckedIOException e) {
            fail(e.getMessage());
        }
    }

    private static void serve(Arguments arguments) {
        PrintStream out = System.out;
        LocalApp app = LocalApp.start(new LocalApp.Options(arguments.template(), arguments.host, arguments.port,
                arguments.envVars, arguments.parameterOverrides, arguments.openApi, arguments.maxInstances,
                System.getenv(), out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the local server…");
            app.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "stride-local-shutdown"));

        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String url = app.server().url();
        out.println();
        out.println("Stride local server: " + app.template().file() + " (" + app.template().functions().size()
                + " functions, " + app.template().routes().size() + " routes)");
        app.routeLines().forEach(out::println);
        out.println(String.format("  %-7s %-34s %s", "POST", "/_local/token", "a token: {\"sub\": \"alice\", \"groups\": [\"admin\"]}"));
        out.println(String.format("  %-7s %-34s %s", "GET", "/_local/docs", "Swagger UI over openapi.yaml"));
        out.println(String.format("  %-7s %-34s %s", "GET", "/", "the web app (web/app)"));
        LocalDatabase db = app.database();
        out.println("Database: " + (db.isEmbedded() ? "embedded PostgreSQL at " : "") + db.settings().jdbcUrl()
                + " (migrated; every function's DB_URL, DB_USER, DB_PASSWORD point here)");
        app.warnings().forEach(w -> out.println("Note: " + w));
        out.println("Ready on " + url + " in " + readyMillis + " ms since the JVM started. Ctrl-C stops it.");
        out.println();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one function once, like {@code sam local invoke}; answers the process exit code. */
    static int invoke(Arguments arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        ObjectMapper json = LocalApp.json().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        String region = LocalApp.region(environment);
        Template template = Template.load(arguments.template(), arguments.parameterOverrides, region);
        FunctionSpec spec = template.functions().get(arguments.function);
        if (spec == null) {
            throw new IllegalArgumentException("no function " + arguments.function + " in " + template.file()
                    + "; there are " + template.functions().keySet());
        }
        JsonNode event = readEvent(arguments.event, json);
        CodePackage code = CodePackage.open(spec.codeUri(), LocalApp.codeCache());
        EnvVarsFile envVars = arguments.envVars == null ? EnvVarsFile.none() : EnvVarsFile.read(arguments.envVars, json);
        ExecutorService worker = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("lambda-", 0).factory());
        try (LocalDatabase db = LocalApp.startDatabase(environment)) {
            List<String> warnings = new ArrayList<>(template.warnings());
            Map<String, String> functionEnvironment = LocalApp.environment(spec, envVars, db, region, code, warnings);
            warnings.forEach(w -> err.println("Note: " + w));
            FunctionRuntime runtime = new FunctionRuntime(spec, code.classPath(), functionEnvironment, region, 1, worker, json);
            FunctionRuntime.Outcome outcome = runtime.invoke(event, spec.timeout(), UUID.randomUUID().toString());
            runtime.close();
            if (outcome.timedOut()) {
                out.println("{\"errorMessage\":\"Task timed out after " + spec.timeout().toSeconds() + " seconds\"}");
                return 1;
            }
            if (outcome.error() != null) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("errorMessage", String.valueOf(outcome.error().getMessage()));
                error.put("errorType", outcome.error().getClass().getName());
                error.put("stackTrace", Arrays.stream(outcome.error().getStackTrace()).map(String::valueOf).toList());
                out.println(json.writeValueAsString(error));
                return 1;
            }
            Object output = outcome.output();
            out.println(output instanceof JsonOutput raw ? new String(raw.bytes(), StandardCharsets.UTF_8)
                    : json.writeValueAsString(output));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            worker.shutdownNow();
        }
    }

    private static JsonNode readEvent(String event, ObjectMapper json) {
        try {
            if (event == null) {
                return json.createObjectNode(); // like sam local invoke without an event: {}
            }
            String text = event.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(event));
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the event " + event + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("stride-local: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }

    /** The command line, parsed. */
    static final class Arguments {
        String host = "127.0.0.1";
        int port = 3000;
        Path template;
        Path envVars;
        Path openApi;
        int maxInstances = 8;
        Map<String, String> parameterOverrides = new LinkedHashMap<>();
        String function;
        String event;

        static Arguments parse(List<String> args, boolean invoke) {
            Arguments parsed = new Arguments();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--port", "-p" -> parsed.port = Integer.parseInt(value(args, ++i, arg));
                    case "--host" -> parsed.host = value(args, ++i, arg);
                    case "--template", "-t" -> parsed.template = Path.of(value(args, ++i, arg));
                    case "--env-vars", "-n" -> parsed.envVars = Path.of(value(args, ++i, arg));
                    case "--openapi" -> parsed.openApi = Path.of(value(args, ++i, arg));
                    case "--max-instances" -> parsed.maxInstances = Integer.parseInt(value(args, ++i, arg));
                    case "--event", "-e" -> parsed.event = value(args, ++i, arg);
                    case "--parameter-overrides" -> {
                        for (String pair : value(args, ++i, arg).trim().split("\\s+")) {
                            String[] kv = pair.split("=", 2);
                            if (kv.length != 2) {
                                throw new IllegalArgumentException("--parameter-overrides takes Name=Value pairs, got " + pair);
                            }
                            parsed.parameterOverrides.put(kv[0], kv[1]);
                        }
                    }
                    default -> {
                        if (invoke && parsed.function == null && !arg.startsWith("-")) {
                            parsed.function = arg;
                        } else {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                    }
                }
            }
            if (invoke && parsed.function == null) {
                throw new IllegalArgumentException("invoke needs the function's logical ID");
            }
            if (parsed.maxInstances < 1 || parsed.port < 0 || parsed.port > 65535) {
                throw new IllegalArgumentException("--max-instances must be at least 1 and --port within 0-65535");
            }
            return parsed;
        }

        /** --template, else template.yaml in this folder or the nearest folder above it. */
        Path template() {
            if (template != null) {
                return template;
            }
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                    return dir.resolve("template.yaml");
                }
            }
            throw new IllegalArgumentException("no template.yaml here or above " + Path.of("").toAbsolutePath()
                    + "; give one with --template");
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }
    }
}
