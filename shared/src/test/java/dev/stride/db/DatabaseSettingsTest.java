package dev.stride.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseSettingsTest {

    static Stream<Arguments> environments() {
        return Stream.of(
                arguments("DB_URL with DB_USER and DB_PASSWORD", Map.of(
                                "DB_URL", "jdbc:postgresql://db.internal:5432/stride",
                                "DB_USER", "app",
                                "DB_PASSWORD", "s3cret"),
                        new DatabaseSettings("jdbc:postgresql://db.internal:5432/stride", "app", "s3cret", 1)),
                arguments("the tutorial's DATABASE_URL, translated to JDBC", Map.of(
                                "DATABASE_URL", "postgresql://runner:p%40ss%3Aword@localhost:6543/tracker?sslmode=require"),
                        new DatabaseSettings("jdbc:postgresql://localhost:6543/tracker?sslmode=require", "runner", "p@ss:word", 1)),
                arguments("postgres:// without a port or password", Map.of("DATABASE_URL", "postgres://u@host/db"),
                        new DatabaseSettings("jdbc:postgresql://host/db", "u", null, 1)),
                arguments("both set: DB_URL wins", Map.of(
                                "DB_URL", "jdbc:postgresql://a/a",
                                "DATABASE_URL", "postgresql://b/b",
                                "DB_POOL_SIZE", "3"),
                        new DatabaseSettings("jdbc:postgresql://a/a", null, null, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void fromEnvironment_whenConfigured_thenTheseSettings(String what, Map<String, String> env, DatabaseSettings expected) {
        assertThat(DatabaseSettings.isConfigured(env)).isTrue();
        assertThat(DatabaseSettings.fromEnvironment(env)).isEqualTo(expected);
    }

    @Test
    void environment_whenReadBack_thenSameDatabaseAndLogin() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.internal:5432/stride", "app", "s3cret");
        DatabaseSettings noLogin = new DatabaseSettings("jdbc:postgresql://x/y", null, null);

        assertThat(DatabaseSettings.fromEnvironment(settings.environment())).isEqualTo(settings);
        assertThat(noLogin.environment()).containsExactly(Map.entry("DB_URL", "jdbc:postgresql://x/y"));
        assertThat(DatabaseSettings.isConfigured(Map.of("DB_URL", " ", "DATABASE_URL", ""))).isFalse();
    }

    @Test
    void fromEnvironment_whenNothingOrWrongKind_thenClearError() {
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of()))
                .hasMessageContaining("DB_URL").hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", "mysql://x/y")))
                .hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("DB_URL", "jdbc:mysql://x/y")))
                .hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("DB_URL", "jdbc:postgresql://x/y", "DB_POOL_SIZE", "many")))
                .hasMessageContaining("DB_POOL_SIZE");
    }

    @Test
    void toString_neverShowsPassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://x/y", "u", "hunter2");

        assertThat(settings.toString()).doesNotContain("hunter2");
    }
}
