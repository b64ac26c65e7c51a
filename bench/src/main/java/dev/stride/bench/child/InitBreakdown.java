package dev.stride.bench.child;

import dev.stride.db.Database;
import dev.stride.db.DatabaseSettings;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.json.Json;
import dev.stride.runs.Run;
import dev.stride.runs.RunService;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

/**
 * Where a cold start's time goes: the pieces of {@code GetRunHandler}'s init and first invoke,
 * forced one after another in a fresh JVM, each timed and with the number of classes it loaded.
 * The order differs from the real path on purpose (in the real path Jackson and Hibernate
 * Validator are first touched during the first invoke); the harness prints the real total beside
 * this sum so the difference stays visible.
 *
 * <p>Arguments: {@code runId} and {@code sub} of a run to read.
 */
public final class InitBreakdown {

    private static ClassLoadingMXBean classes;
    private static long last;

    private InitBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        System.out.println("@bench main " + main);
        // Loading the management classes is itself not free, so it is done before the clock starts.
        classes = ManagementFactory.getClassLoadingMXBean();
        long runId = Long.parseLong(args[0]);
        String sub = args[1];
        last = System.nanoTime();
        step("management-bean (excluded)");

        Class.forName("dev.stride.functions.runs.GetRunHandler", false, InitBreakdown.class.getClassLoader());
        step("load handler class");

        // Built on first use since responses are written without it: what a function with a body pays.
        Json.mapper();
        step("Jackson ObjectMapper (first body read)");

        Class.forName("dev.stride.validation.Validation");
        step("Hibernate Validator factory");

        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            connection.isValid(1);
        }
        step("PostgreSQL driver + one raw connection");

        Database database = Database.open(settings);
        step("connection pool + EclipseLink deploy");

        database.transaction(em -> em.createQuery("SELECT r FROM Run r, User u WHERE u.id = r.userId AND r.id = :id AND u.ownerSub = :sub", Run.class)
                .setParameter("id", runId).setParameter("sub", sub).getResultList());
        step("first JPQL query (pooled connection)");

        var handler = new GetRunHandler(new RunService(database));
        var response = handler.handleRequest(Events.of("GET", "/runs/{runId}", Map.of("runId", String.valueOf(runId)),
                Map.of(), sub, null), BenchContext.INSTANCE);
        step("first handler invoke (event, tags, JSON)");
        System.out.println("@bench status " + response.getStatusCode());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void step(String name) {
        long now = System.nanoTime();
        System.out.println("@bench step " + (now - last) + " " + classes.getTotalLoadedClassCount() + " " + name);
        last = System.nanoTime();
    }
}
