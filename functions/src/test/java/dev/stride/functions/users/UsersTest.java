package dev.stride.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestDatabase;
import dev.stride.functions.support.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersTest {

    private final TestApi alice = TestApi.as("alice-sub");

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void createUser_whenValid_thenCreatedWithLocation() {
        TestResponse created = alice.post("/users", """
                {"username": "Alice", "email": "alice@example.com"}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/users/" + created.id());
        assertThat(created.json().get("username").asText()).isEqualTo("Alice");
        assertThat(created.json().get("email").asText()).isEqualTo("alice@example.com");
        assertThat(created.json().get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        TestResponse me = alice.get("/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.id()).isEqualTo(created.id());
    }
}
