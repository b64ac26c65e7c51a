package dev.stride.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void fromEnvironment_whenJdbcUrl_thenUsedWithUserAndPassword() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "DB_URL", "jdbc:postgresql://db.internal:5432/stride",
                "DB_USER", "app",
                "DB_PASSWORD", "s3cret"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/stride");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.poolSize()).isEqualTo(1);
    }

    @Test
    void fromEnvironment_whenTutorialDatabaseUrl_thenTranslatedToJdbc() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "DATABASE_URL", "postgresql://runner:p%40ss%3Aword@localhost:6543/tracker?sslmode=require"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:6543/tracker?sslmode=require");
        assertThat(settings.user()).isEqualTo("runner");
        assertThat(settings.password()).isEqualTo("p@ss:word");
    }

    @Test
    void fromEnvironment_whenPostgresSchemeWithoutPort_thenAccepted() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", "postgres://u@host/db"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
        assertThat(settings.user()).isEqualTo("u");
        assertThat(settings.password()).isNull();
    }

    @Test
    void fromEnvironment_whenBothSet_thenJdbcUrlWins() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "DB_URL", "jdbc:postgresql://a/a",
                "DATABASE_URL", "postgresql://b/b",
                "DB_POOL_SIZE", "3"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://a/a");
        assertThat(settings.poolSize()).isEqualTo(3);
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
