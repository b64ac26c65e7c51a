package dev.stride.aws;

import dev.stride.db.Login;
import dev.stride.db.LoginSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * IAM database authentication: the password is a token that the SDK's {@link RdsUtilities} signs
 * locally with the function role's credentials (no network call). A token is accepted for
 * 15 minutes and only checked when a connection opens, so one is reused for new connections until
 * it is {@link #RENEW_AFTER} old, then a new one is signed.
 *
 * <p>The database (or RDS Proxy) accepts a token only over TLS, so connections made with it
 * require SSL ({@code dev.stride.instance.DatabaseAccess} sets {@code sslmode=require}).
 */
public final class IamTokenLogin implements LoginSource {

    /** Well before the 15-minute lifetime, so a token is never used near its end. */
    static final Duration RENEW_AFTER = Duration.ofMinutes(10);

    private final RdsUtilities rds;
    private final String host;
    private final int port;
    private final String user;
    private final Clock clock;
    private Login token;
    private Instant signedAt;

    public IamTokenLogin(AwsClients aws, String host, int port, String user) {
        this(RdsUtilities.builder().region(aws.region()).credentialsProvider(aws.credentials()).build(),
                host, port, user, Clock.systemUTC());
    }

    IamTokenLogin(RdsUtilities rds, String host, int port, String user, Clock clock) {
        if (user == null || user.isBlank()) {
            throw new IllegalStateException("IAM database authentication needs DB_USER: the database user the role may log in as");
        }
        this.rds = rds;
        this.host = host;
        this.port = port;
        this.user = user;
        this.clock = clock;
    }

    @Override
    public synchronized Login current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(signedAt.plus(RENEW_AFTER))) {
            String password = rds.generateAuthenticationToken(request -> request
                    .hostname(host)
                    .port(port)
                    .username(user));
            token = new Login(user, password);
            signedAt = now;
        }
        return token;
    }

    @Override
    public synchronized boolean refused(Login login) {
        // The role's credentials may have changed (SnapStart restore, expiry): sign anew.
        boolean stale = login.equals(token);
        token = null;
        return stale;
    }

    /** A token from the snapshot may be near its end and was signed with credentials of the past. */
    @Override
    public synchronized void restored() {
        token = null;
    }
}
