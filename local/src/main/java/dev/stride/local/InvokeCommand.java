package dev.stride.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.data.ServerDatabase;
import dev.stride.local.lambda.CodeCache;
import dev.stride.local.lambda.EnvVarsFile;
import dev.stride.local.lambda.FunctionHost;
import dev.stride.local.lambda.FunctionRuntime;
import dev.stride.local.lambda.JsonOutput;
import dev.stride.local.lambda.LambdaEnvironment;
import dev.stride.local.template.FunctionSpec;
import dev.stride.local.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code invoke FUNCTION -e event.json}: runs one function once, like {@code sam local invoke},
 * and prints its answer (or Lambda's error shape). It uses the database a {@code serve} would use;
 * when a server is running on the same data folder, that server's database.
 */
final class InvokeCommand {

    private final CommandLine.Invoke options;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    InvokeCommand(CommandLine.Invoke options, Map<String, String> environment, PrintStream out, PrintStream err) {
        this(options, environment, out, err, System.in);
    }

    InvokeCommand(CommandLine.Invoke options, Map<String, String> environment, PrintStream out, PrintStream err,
                  InputStream in) {
        this.options = options;
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /** Answers the process exit code: 0 when the function returned, 1 when it failed. */
    int run() {
        ObjectMapper json = LocalApp.json().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        String region = LambdaEnvironment.region(environment);
        Template template = Template.load(options.common().template(), options.common().parameterOverrides(), region);
        FunctionSpec spec = template.functions().get(options.function());
        if (spec == null) {
            throw new IllegalArgumentException("no function " + options.function() + " in " + template.file()
                    + "; there are " + template.functions().keySet());
        }
        JsonNode event = readEvent(options.event(), json);
        EnvVarsFile envVars = options.common().envVars() == null ? EnvVarsFile.none()
                : EnvVarsFile.read(options.common().envVars(), json);
        try (ServerDatabase db = ServerDatabase.start(environment, options.common().dataFolder(), true, err);
             FunctionHost host = FunctionHost.create(template, List.of(spec.logicalId()), envVars, db.environment(), region,
                     new FunctionHost.Settings(1, Math.max(128, spec.memorySize()), false), CodeCache.forThisUser(), json)) {
            host.warnings().forEach(w -> err.println("Note: " + w));
            FunctionRuntime runtime = host.functions().get(spec.logicalId());
            FunctionRuntime.Outcome outcome = invokeWithin(runtime, event, spec.timeout());
            if (outcome == null || outcome.timedOut()) {
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
        }
    }

    /**
     * The function's outcome, or null once its time is up: Lambda answers at the timeout even
     * when the handler ignores the interrupt (a blocked socket read does), so the handler runs on
     * a thread of its own that this command does not wait for past the timeout.
     */
    private static FunctionRuntime.Outcome invokeWithin(FunctionRuntime runtime, JsonNode event, Duration limit) {
        CompletableFuture<FunctionRuntime.Outcome> answer = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("invoke-handler").start(() -> answer.complete(
                runtime.invoke(event, limit, UUID.randomUUID().toString(), () -> answer.complete(null))));
        return answer.join();
    }

    private JsonNode readEvent(String event, ObjectMapper json) {
        try {
            if (event == null) {
                return json.createObjectNode(); // like sam local invoke without an event: {}
            }
            String text = event.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(event));
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the event " + event + ": " + e.getMessage());
        }
    }
}
