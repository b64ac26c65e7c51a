package dev.stride;

import dev.stride.dashboard.DashboardService;
import dev.stride.db.Database;
import dev.stride.db.DatabaseAccess;
import dev.stride.moods.MoodService;
import dev.stride.runs.RunService;
import dev.stride.snapstart.SnapStartHooks;
import dev.stride.users.UserService;
import org.crac.Core;

/**
 * What a Lambda instance builds once, outside {@code handleRequest}: the persistence unit with its
 * connection pool, and the services over it. Handlers take their service from here in their
 * no-argument constructor, and take it as a parameter in tests.
 */
public final class Stride {

    private static volatile Stride instance;
    // org.crac holds registered resources weakly: this keeps the hooks alive.
    private static SnapStartHooks hooks;

    private final Database database;
    private final UserService users;
    private final RunService runs;
    private final MoodService moods;
    private final DashboardService dashboard;

    private Stride(Database database) {
        this.database = database;
        this.users = new UserService(database);
        this.runs = new RunService(database);
        this.moods = new MoodService(database);
        this.dashboard = new DashboardService(database);
    }

    /**
     * The instance's services over the database the environment names ({@link DatabaseAccess}),
     * built on first use, with the SnapStart hooks registered.
     */
    public static Stride instance() {
        Stride current = instance;
        if (current == null) {
            synchronized (Stride.class) {
                current = instance;
                if (current == null) {
                    DatabaseAccess access = DatabaseAccess.fromEnvironment();
                    current = new Stride(Database.open(access.dataSource(), access.poolSize()));
                    hooks = new SnapStartHooks(current, access.dataSource().logins());
                    Core.getGlobalContext().register(hooks);
                    // When an instance is shut down (Lambda, with an extension; the local server,
                    // when it reclaims one), its pooled connection is closed, not left to time out.
                    Runtime.getRuntime().addShutdownHook(new Thread(current.database::close, "stride-close-database"));
                    hooks.primeIfProvisioned();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** Services over a given database (tests, the benchmark). */
    public static Stride over(Database database) {
        return new Stride(database);
    }

    public Database database() {
        return database;
    }

    public UserService users() {
        return users;
    }

    public RunService runs() {
        return runs;
    }

    public MoodService moods() {
        return moods;
    }

    public DashboardService dashboard() {
        return dashboard;
    }
}
