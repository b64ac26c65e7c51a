package dev.stride.instance;

import dev.stride.Env;
import dev.stride.aws.AwsClients;
import dev.stride.aws.IamTokenLogin;
import dev.stride.aws.SecretsManagerLogin;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.LoginDataSource;
import java.net.URI;
import java.util.Map;

/**
 * How a function reaches its database, chosen by its environment:
 *
 * <ul>
 *   <li>{@code DB_SECRET_ARN}: the login (and, unless {@code DB_URL} is set, the host, port and
 *       database) from an RDS-managed Secrets Manager secret, refetched when a rotation makes the
 *       database refuse it. {@code DB_URL} is how to go through an RDS Proxy with the database's
 *       secret.</li>
 *   <li>{@code DB_IAM_AUTH=true}: IAM database authentication as {@code DB_USER} to the host and
 *       port of {@code DB_URL} (a database or an RDS Proxy), with a fresh token from the SDK's
 *       RdsUtilities whenever the one in hand nears expiry; SSL required.</li>
 *   <li>otherwise {@code DB_URL}/{@code DB_USER}/{@code DB_PASSWORD} or {@code DATABASE_URL}, as
 *       {@link DatabaseSettings} reads them: for local use.</li>
 * </ul>
 */
public record DatabaseAccess(LoginDataSource dataSource, int poolSize, String mode) {

    public static final String DB_SECRET_ARN = "DB_SECRET_ARN";
    public static final String DB_IAM_AUTH = "DB_IAM_AUTH";

    public static DatabaseAccess fromEnvironment() {
        return fromEnvironment(Env.all());
    }

    public static DatabaseAccess fromEnvironment(Map<String, String> env) {
        String secretArn = blankToNull(env.get(DB_SECRET_ARN));
        boolean iam = "true".equalsIgnoreCase(blankToNull(env.get(DB_IAM_AUTH)));
        if (secretArn != null && iam) {
            throw new IllegalStateException("set either " + DB_SECRET_ARN + " or " + DB_IAM_AUTH + "=true, not both");
        }
        if (secretArn != null) {
            return fromSecret(env, secretArn);
        }
        if (iam) {
            return withIamAuth(env);
        }
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
        return new DatabaseAccess(LoginDataSource.of(settings), settings.poolSize(), "environment");
    }

    private static DatabaseAccess fromSecret(Map<String, String> env, String secretArn) {
        SecretsManagerLogin login = new SecretsManagerLogin(new AwsClients(env).secretsManager(), secretArn);
        String jdbcUrl = blankToNull(env.get(DatabaseSettings.DB_URL));
        if (jdbcUrl == null) {
            jdbcUrl = login.secret().jdbcUrl();
        }
        return new DatabaseAccess(new LoginDataSource(jdbcUrl, login, Map.of()), poolSize(env), "secret");
    }

    private static DatabaseAccess withIamAuth(Map<String, String> env) {
        String jdbcUrl = blankToNull(env.get(DatabaseSettings.DB_URL));
        if (jdbcUrl == null) {
            throw new IllegalStateException(DB_IAM_AUTH + " needs " + DatabaseSettings.DB_URL
                    + " (jdbc:postgresql://host:port/database of the database or its RDS Proxy)");
        }
        URI location = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port = location.getPort() > 0 ? location.getPort() : 5432;
        IamTokenLogin login = new IamTokenLogin(new AwsClients(env), location.getHost(), port,
                blankToNull(env.get(DatabaseSettings.DB_USER)));
        // RDS accepts a token only over TLS; a URL may ask for more (verify-full with the RDS CA).
        Map<String, String> ssl = jdbcUrl.contains("sslmode=") ? Map.of() : Map.of("sslmode", "require");
        return new DatabaseAccess(new LoginDataSource(jdbcUrl, login, ssl), poolSize(env), "iam");
    }

    private static int poolSize(Map<String, String> env) {
        return DatabaseSettings.parsePoolSize(env.get(DatabaseSettings.DB_POOL_SIZE));
    }

    private static String blankToNull(String value) {
        return DatabaseSettings.blankToNull(value);
    }
}
