package dev.stride.instance;

import dev.stride.dashboard.DashboardService;
import dev.stride.db.Database;
import dev.stride.moods.MoodService;
import dev.stride.runs.RunService;
import dev.stride.users.UserService;
import org.crac.Core;

/**
 * The composition root of a Lambda instance: what it builds once, outside {@code handleRequest}
 * (the persistence unit with its connection pool, and the services over it). Handlers take their
 * service from here in their no-argument constructor, and take it as a parameter in tests.
 */
public final class Services {

    private static volatile Services instance;
    // org.crac holds registered resources weakly: this keeps the hooks alive.
    private static SnapStartHooks hooks;

    private final Database database;
    private final UserService users;
    private final RunService runs;
    private final MoodService moods;
    private final DashboardService dashboard;

    private Services(Database database) {
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
    public static Services instance() {
        Services current = instance;
        if (current == null) {
            synchronized (Services.class) {
                current = instance;
                if (current == null) {
                    DatabaseAccess access = DatabaseAccess.fromEnvironment();
                    current = new Services(Database.open(access.dataSource(), access.poolSize()));
                    hooks = new SnapStartHooks(current, access.dataSource().logins());
                    Core.getGlobalContext().register(hooks);
                    instance = current;
                }
            }
        }
        return current;
    }

    /** Services over a given database (tests, the benchmark). */
    public static Services over(Database database) {
        return new Services(database);
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
