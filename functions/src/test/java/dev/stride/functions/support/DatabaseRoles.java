package dev.stride.functions.support;

import dev.stride.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * Password-checked roles on the test PostgreSQL. The embedded server trusts every local login, so
 * a role made here gets a {@code pg_hba.conf} line of its own that makes PostgreSQL check its
 * password (SCRAM), as RDS does: a wrong one is refused with SQLState 28P01.
 */
public final class DatabaseRoles {

    private DatabaseRoles() {
    }

    /** Creates (or resets) {@code role} with {@code password} and the rights the API needs. */
    public static void create(String role, String password) {
        Assumptions.assumeTrue(TestDatabase.local().isEmbedded(),
                "skipped: needs the embedded test PostgreSQL (its pg_hba.conf is edited); STRIDE_TEST_DB_URL names another server");
        TestDatabase.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') "
                + "THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
        setPassword(role, password);
        TestDatabase.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role);
        TestDatabase.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
        requirePassword(role);
    }

    public static void setPassword(String role, String password) {
        TestDatabase.execute("ALTER ROLE " + role + " PASSWORD '" + password.replace("'", "''") + "'");
    }

    /**
     * The test PostgreSQL's JDBC URL without its query string: the embedded server's URL names
     * {@code user=postgres}, which would override any other login.
     */
    public static String jdbcUrl() {
        String url = TestDatabase.settings().jdbcUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** An RDS-managed secret's JSON for {@code role} on the test PostgreSQL. */
    public static String secretFor(String role, String password) {
        var location = java.net.URI.create(jdbcUrl().substring("jdbc:".length()));
        String database = location.getPath().substring(1);
        return "{\"engine\": \"postgres\", \"username\": \"" + role + "\", \"password\": \"" + password
                + "\", \"host\": \"" + location.getHost() + "\", \"port\": " + location.getPort()
                + ", \"dbname\": \"" + database + "\", \"dbInstanceIdentifier\": \"stride-test\"}";
    }

    private static synchronized void requirePassword(String role) {
        Path hba = Path.of(TestDatabase.query("SHOW hba_file"));
        try {
            String rules = Files.readString(hba);
            String line = "host all " + role + " all scram-sha-256\n";
            if (!rules.startsWith(line) && !rules.contains("\n" + line)) {
                // First match wins in pg_hba.conf: this line goes before the trust-everyone ones.
                Files.writeString(hba, line + rules);
                TestDatabase.execute("SELECT pg_reload_conf()");
            }
            awaitPasswordChecked(role);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not edit " + hba, e);
        }
    }

    /** The reload is asynchronous: waits until a wrong password is refused. */
    private static void awaitPasswordChecked(String role) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Properties login = new Properties();
            login.setProperty("user", role);
            login.setProperty("password", "certainly-not-the-password");
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(), login)) {
                Thread.sleep(20);
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState())) {
                    return;
                }
                throw new IllegalStateException(refused);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still does not check " + role + "'s password");
    }
}
