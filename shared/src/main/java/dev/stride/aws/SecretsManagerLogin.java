package dev.stride.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.db.Login;
import dev.stride.db.LoginSource;
import java.io.IOException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The login from an RDS-managed Secrets Manager secret: the JSON document
 * {@code {"username", "password", "host", "port", "dbname", ...}} that RDS keeps (and rotates)
 * for a database user.
 *
 * <p>Fetched once when the instance starts and cached; fetched again only when the database
 * refuses the cached password, which is what happens after a rotation. No secret value is ever
 * placed in an environment variable: the function is given only the secret's ARN.
 */
public final class SecretsManagerLogin implements LoginSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A refusal right after a refusal-driven fetch does not fetch again (rotation still under way). */
    private static final long REFETCH_PAUSE_NANOS = 1_000_000_000L;

    private final SecretsManagerClient client;
    private final String secretId;
    private volatile Secret cached;
    private long lastRefetch = System.nanoTime() - REFETCH_PAUSE_NANOS;

    /** Fetches the secret now, so that a missing or unreadable one fails the instance's start. */
    public SecretsManagerLogin(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
        this.cached = fetch();
    }

    /** The secret as last fetched: also where the database is, when the function is not told otherwise. */
    public Secret secret() {
        return cached;
    }

    /**
     * The cached login. Kept across a SnapStart restore on purpose: fetching on every restore
     * would add a Secrets Manager round trip to every cold start, while a password rotated since
     * the snapshot is caught by {@link #refused} on the first connection.
     */
    @Override
    public Login current() {
        return cached.login();
    }

    @Override
    public synchronized boolean refused(Login login) {
        Secret secret = cached;
        if (secret != null && !secret.login().equals(login)) {
            // Another connection attempt already fetched a newer login: retry with that one.
            return true;
        }
        long now = System.nanoTime();
        if (now - lastRefetch < REFETCH_PAUSE_NANOS) {
            // Bounds the calls to Secrets Manager while the pool retries a refused login.
            return false;
        }
        lastRefetch = now;
        Secret fresh = fetch();
        cached = fresh;
        return !fresh.login().equals(login);
    }

    private Secret fetch() {
        String document = client.getSecretValue(request -> request.secretId(secretId)).secretString();
        if (document == null) {
            throw new IllegalStateException("secret " + secretId + " has no SecretString");
        }
        return Secret.parse(secretId, document);
    }

    /** The fields of an RDS database secret that Stride uses. */
    public record Secret(String username, String password, String host, Integer port, String dbname) {

        static Secret parse(String secretId, String document) {
            JsonNode json;
            try {
                json = JSON.readTree(document);
            } catch (IOException e) {
                // The message would quote the document: the password must not reach a log.
                throw new IllegalStateException("secret " + secretId + " is not a JSON object");
            }
            if (json == null || !json.isObject()) {
                throw new IllegalStateException("secret " + secretId + " is not a JSON object");
            }
            String username = text(json, "username");
            String password = text(json, "password");
            if (username == null || password == null) {
                throw new IllegalStateException("secret " + secretId + " needs \"username\" and \"password\"");
            }
            JsonNode port = json.get("port");
            Integer portNumber = port == null || port.isNull() ? null : Integer.valueOf(port.asText());
            return new Secret(username, password, text(json, "host"), portNumber, text(json, "dbname"));
        }

        private static String text(JsonNode json, String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        }

        Login login() {
            return new Login(username, password);
        }

        /** {@code jdbc:postgresql://host:port/dbname}, from the secret's own fields. */
        public String jdbcUrl() {
            if (host == null) {
                throw new IllegalStateException("the secret has no \"host\": set DB_URL to say where the database is");
            }
            return "jdbc:postgresql://" + host + (port == null ? "" : ":" + port) + "/" + (dbname == null ? "postgres" : dbname);
        }

        @Override
        public String toString() {
            return "Secret[username=" + username + ", host=" + host + ", port=" + port + ", dbname=" + dbname + "]";
        }
    }
}
