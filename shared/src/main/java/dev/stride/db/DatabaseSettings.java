package dev.stride.db;

import dev.stride.Env;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the database is, read from the environment.
 *
 * <p>{@code DB_URL} (a JDBC URL) with {@code DB_USER} and {@code DB_PASSWORD}; or, as in the
 * tutorial app, {@code DATABASE_URL=postgresql://user:pass@host:port/db}. {@code DB_URL} wins when
 * both are set. {@code DB_POOL_SIZE} (default 1: a Lambda instance serves one request at a time).
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public static final String DB_URL = "DB_URL";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";

    public DatabaseSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL (jdbc:postgresql://…) is required");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException(DB_POOL_SIZE + " must be at least 1");
        }
    }

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, 1);
    }

    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(Env.all());
    }

    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        int poolSize = parsePoolSize(env.get(DB_POOL_SIZE));
        String jdbcUrl = blankToNull(env.get(DB_URL));
        if (jdbcUrl != null) {
            return new DatabaseSettings(jdbcUrl, blankToNull(env.get(DB_USER)), env.get(DB_PASSWORD), poolSize);
        }
        String databaseUrl = blankToNull(env.get(DATABASE_URL));
        if (databaseUrl != null) {
            return fromDatabaseUrl(databaseUrl, poolSize);
        }
        throw new IllegalStateException("No database configured: set " + DB_URL + " (with " + DB_USER
                + " and " + DB_PASSWORD + ") or " + DATABASE_URL);
    }

    /** Whether {@code env} names a database: {@code DB_URL} or {@code DATABASE_URL} is set. */
    public static boolean isConfigured(Map<String, String> env) {
        return blankToNull(env.get(DB_URL)) != null || blankToNull(env.get(DATABASE_URL)) != null;
    }

    /** The environment variables that point a function at this database ({@code DB_URL}, and the login where set). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DB_URL, jdbcUrl);
        if (user != null) {
            env.put(DB_USER, user);
        }
        if (password != null) {
            env.put(DB_PASSWORD, password);
        }
        return env;
    }

    /** Reads {@code postgresql://user:pass@host:port/db?params} (also {@code postgres://}). */
    static DatabaseSettings fromDatabaseUrl(String databaseUrl, int poolSize) {
        URI uri;
        try {
            uri = URI.create(databaseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DATABASE_URL + " is not a URL");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException(DATABASE_URL + " must start with postgresql://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(DATABASE_URL + " has no host");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseSettings("jdbc:postgresql://" + hostPort + path + query, user, password, poolSize);
    }

    /** {@code DB_POOL_SIZE}: 1 when unset, else a whole number of at least 1. */
    public static int parsePoolSize(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(DB_POOL_SIZE + " must be a whole number");
        }
        if (size < 1) {
            throw new IllegalArgumentException(DB_POOL_SIZE + " must be at least 1");
        }
        return size;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** The value trimmed, or null when it is absent or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        // Never print the password.
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
