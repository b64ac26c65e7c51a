package dev.stride.bench.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The raw-JDBC floor primed as a SnapStart function is, in a fresh JVM run with the handler's flags
 * (as deployed: C1 only): the primed section's yardstick that differs from the handler's first
 * request in nothing but the handler. Its operation runs {@code rounds} times on one connection
 * (the checkpoint hook's priming, long enough for C1 to compile it), that connection is closed and
 * a new one opened, the operation runs {@value #RESTORE_CALLS} times on it (the restore hook),
 * then the same idle as the handler's, then {@code requests} calls, each reported as
 * {@code @bench request-I WALL_NS CPU_NS}. Its connections prepare a statement on the server at
 * its first run, as Stride's do ({@code prepareThreshold=1}), so that the floor's statement is in
 * the same state on the new session as the handler's after its restore hook: prepared, and past
 * the runs after which PostgreSQL may keep a generic plan.
 *
 * <p>Arguments, {@code key=value}: {@code op} (get, list, create, update, delete, dashboard),
 * {@code sub}, {@code user} (the caller's profile id), {@code run} (get, update), {@code tags}
 * (create: comma-separated), {@code rounds}, {@code idle} (ms), {@code requests}. The database
 * comes from DB_URL, DB_USER and DB_PASSWORD, as a function's does. Rows the priming creates are
 * titled {@value #PRIMING_TITLE}; the harness deletes them.
 */
public final class PrimedFloor {

    /**
     * Calls on the new connection: as often as the handler's restore hook runs a read's statement
     * (3 rounds, each as a caller without a profile and over the seeded one; SnapStartHooks), and
     * at least as often as it runs any write's.
     */
    static final int RESTORE_CALLS = 6;

    /** The title of the runs the create's priming writes (its timed calls write what the handler's write). */
    public static final String PRIMING_TITLE = "Floor priming";

    private PrimedFloor() {
    }

    /** One call of the operation, made ready (untimed) by {@link #ready}. */
    private interface Call {
        void run() throws SQLException;
    }

    /** Opens a connection to the function's database. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        List<long[]> requests = run(PrimedFloor::connect, arg);
        for (int i = 0; i < requests.size(); i++) {
            System.out.println("@bench request-" + (i + 1) + " " + requests.get(i)[0] + " " + requests.get(i)[1]);
        }
    }

    /** Primes and serves as described above: each request's wall and CPU time in ns, in order. */
    public static List<long[]> run(Connector connector, Map<String, String> arg) throws SQLException, InterruptedException {
        String op = arg.get("op");
        int rounds = Integer.parseInt(arg.get("rounds"));
        int idle = Integer.parseInt(arg.get("idle"));
        int count = Integer.parseInt(arg.get("requests"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Its first call links a native method: not in the first request's time (the emulator's is warm too).
        threads.getCurrentThreadCpuTime();

        try (Connection checkpoint = preparingAtFirstRun(connector.open())) {
            JdbcFloor floor = new JdbcFloor(checkpoint);
            for (int i = 0; i < rounds; i++) {
                ready(op, arg, floor, i, true).run();
            }
        }
        List<long[]> requests = new ArrayList<>();
        try (Connection restored = preparingAtFirstRun(connector.open())) {
            JdbcFloor floor = new JdbcFloor(restored);
            for (int i = 0; i < RESTORE_CALLS; i++) {
                ready(op, arg, floor, rounds + i, true).run();
            }
            for (int i = 1; i <= count; i++) {
                Call call = ready(op, arg, floor, rounds + RESTORE_CALLS + i, false);
                if (i == 1) {
                    Thread.sleep(idle);
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                call.run();
                long wall = System.nanoTime() - start;
                requests.add(new long[] {wall, threads.getCurrentThreadCpuTime() - cpu});
            }
        }
        return requests;
    }

    /** {@code connection}, set to prepare every statement on the server at its first run, as Stride's LoginDataSource does. */
    private static Connection preparingAtFirstRun(Connection connection) throws SQLException {
        connection.unwrap(PGConnection.class).setPrepareThreshold(1);
        return connection;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    /**
     * The {@code index}-th call of {@code op}, with what it needs made ready first: a delete's run
     * inserted, an update's distance alternated so that every call changes the row.
     */
    private static Call ready(String op, Map<String, String> arg, JdbcFloor floor, int index, boolean priming) throws SQLException {
        String sub = arg.get("sub");
        long user = Long.parseLong(arg.get("user"));
        switch (op) {
            case "get":
                long run = Long.parseLong(arg.get("run"));
                return () -> found(floor.getRun(sub, run));
            case "list":
                return () -> found(floor.listRuns(user, 20));
            case "create":
                List<String> tags = Arrays.asList(arg.get("tags").split(","));
                String title = priming ? PRIMING_TITLE : "Lunch run";
                return () -> found(floor.createRun(sub, user, 7.5, LocalDate.now(), 2400, title, tags));
            case "update":
                long updated = Long.parseLong(arg.get("run"));
                double distance = index % 2 == 0 ? 10.25 : 10.5;
                return () -> found(floor.updateRunDistance(sub, updated, distance));
            case "delete":
                long doomed = JdbcFloor.insertRunToDelete(floor.connection(), user);
                return () -> {
                    if (!floor.deleteRun(sub, doomed)) {
                        throw new IllegalStateException("the raw-JDBC delete found nothing");
                    }
                };
            case "dashboard":
                return () -> found(floor.dashboard(user));
            default:
                throw new IllegalArgumentException("no such operation: " + op);
        }
    }

    private static void found(String body) {
        if (body == null) {
            throw new IllegalStateException("the raw-JDBC call found nothing");
        }
    }
}
