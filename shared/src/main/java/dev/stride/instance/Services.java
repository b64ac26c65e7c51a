package dev.stride.instance;

import dev.stride.Env;
import dev.stride.dashboard.DashboardService;
import dev.stride.db.Database;
import dev.stride.moods.MoodService;
import dev.stride.observability.Log;
import dev.stride.paging.Cursor;
import dev.stride.runs.RunService;
import dev.stride.users.UserService;
import org.crac.Core;

/**
 * The composition root of a Lambda instance: what it builds once, outside {@code handleRequest}
 * (the persistence unit with its connection pool, and the services over it). Handlers take their
 * service from here in their no-argument constructor, and take it as a parameter in tests.
 */
public final class Services {

    private static final Log LOG = Log.of(Services.class);

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
     * built on first use, with the SnapStart hooks registered and the function's own request path
     * primed.
     */
    public static Services instance() {
        Services current = instance;
        if (current == null) {
            synchronized (Services.class) {
                current = instance;
                if (current == null) {
                    requireCursorKey();
                    DatabaseAccess access = DatabaseAccess.fromEnvironment();
                    current = new Services(Database.open(access.dataSource(), access.poolSize()));
                    String handler = handlerClass();
                    hooks = new SnapStartHooks(current, access.dataSource().logins(), handler);
                    Core.getGlobalContext().register(hooks);
                    // When an instance is shut down (Lambda, with an extension; the local server,
                    // when it reclaims one), its pooled connection is closed, not left to time out.
                    Runtime.getRuntime().addShutdownHook(new Thread(current.database::close, "stride-close-database"));
                    instance = current;
                    if (handler != null) {
                        // Init, not the first request, pays for what the function's own statements
                        // load and prepare (see Priming.primeAtInit).
                        Priming.primeAtInit(current, handler);
                    } else {
                        hooks.primeIfProvisioned();
                    }
                }
            }
        }
        return current;
    }

    private static void requireCursorKey() {
        try {
            Cursor.requireKey();
        } catch (ExceptionInInitializerError refused) {
            LOG.error("Stride cannot start: {}", refused.getCause().getMessage());
            throw refused;
        }
    }

    /**
     * The class of the handler this function runs, from {@code _HANDLER}, which Lambda sets
     * ({@code package.Class::method}); null where it is not set (tests).
     */
    static String handlerClass() {
        String handler = Env.get("_HANDLER");
        if (handler == null || handler.isBlank()) {
            return null;
        }
        int method = handler.indexOf("::");
        return method < 0 ? handler.strip() : handler.substring(0, method).strip();
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
