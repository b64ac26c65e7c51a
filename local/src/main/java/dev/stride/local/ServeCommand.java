package dev.stride.local;

import dev.stride.local.data.ServerDatabase;
import dev.stride.local.demo.DemoData;
import dev.stride.local.demo.DemoStory;
import dev.stride.local.lambda.FunctionHost;
import dev.stride.local.localonly.DemoUsersEndpoint;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: starts the {@link LocalApp}, prints the banner, runs until Ctrl-C (or SIGTERM). */
final class ServeCommand {

    private final CommandLine.Serve options;
    private final Map<String, String> environment;
    private final PrintStream out;

    ServeCommand(CommandLine.Serve options, Map<String, String> environment, PrintStream out) {
        this.options = options;
        this.environment = environment;
        this.out = out;
    }

    void run() {
        LocalApp app = LocalApp.start(new LocalApp.Options(options.common().template(), options.host(), options.port(),
                options.common().envVars(), options.common().parameterOverrides(), options.openApi(),
                options.common().dataFolder(),
                new FunctionHost.Settings(options.maxInstances(), options.memoryMb(), !options.cold()),
                options.provisioned(), options.idleTimeout(), environment, out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the local server…");
            app.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "stride-local-shutdown"));

        String url = app.server().url();
        List<DemoStory.Person> demoUsers = List.of();
        if (options.demo()) {
            DemoData demo = new DemoData(app.database().settings(), LocalApp.json());
            int requests = demo.fillIfEmpty(url, app.server().identities());
            out.println(requests > 0 ? "Demo: wrote the tutorial's story (" + requests + " requests through the API)."
                    : "Demo: the database already has users; nothing was added.");
            demoUsers = demo.present();
        }
        banner(app, url, demoUsers);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void banner(LocalApp app, String url, List<DemoStory.Person> demoUsers) {
        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        out.println();
        out.println("Stride local server: " + app.template().file() + " (" + app.template().functions().size()
                + " functions, " + app.template().routes().size() + " routes)");
        app.routeLines().forEach(out::println);
        out.println(String.format("  %-7s %-34s %s", "POST", "/_local/token", "a token: {\"sub\": \"alice\", \"groups\": [\"admin\"]}"));
        out.println(String.format("  %-7s %-34s %s", "GET", DemoUsersEndpoint.PATH, "the demo users (--demo)"));
        out.println(String.format("  %-7s %-34s %s", "GET", "/_local/docs", "Swagger UI over openapi.yaml"));
        out.println(String.format("  %-7s %-34s %s", "GET", "/", "the web app (web/app)"));
        ServerDatabase db = app.database();
        out.println("Data: " + db.describe());
        out.println("Functions: " + (options.cold()
                ? "cold starts (--cold): each instance loads its whole package on its first request"
                : options.provisioned() + " instance(s) per function started ahead of traffic, libraries shared")
                + "; at most " + options.maxInstances() + " per function and " + options.memoryMb()
                + " MB of MemorySize in all; idle ones reclaimed after " + options.idleTimeout().toSeconds() + " s");
        app.template().apis().values().stream()
                .filter(api -> api.defaultThrottle() != null && api.defaultThrottle().limits())
                .forEach(api -> out.println("Throttling: " + api.logicalId() + " routes answer 429 beyond "
                        + api.defaultThrottle().rateLimit() + " requests/s each (burst " + api.defaultThrottle().burstLimit()
                        + "), from its DefaultRouteSettings"));
        if (!demoUsers.isEmpty()) {
            out.println("Demo users (a token for each):");
            DemoData.printTokenCommands(out, url, demoUsers);
        }
        app.warnings().forEach(w -> out.println("Note: " + w));
        if (!isLoopback(options.host())) {
            out.println("WARNING: listening on " + options.host() + ", not only this machine: anyone who can reach port "
                    + app.server().port() + " can mint tokens at /_local/token and act as any user, admin included.");
        }
        out.println("Ready on " + url + " in " + readyMillis + " ms since the JVM started. Ctrl-C stops it.");
        out.println();
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
