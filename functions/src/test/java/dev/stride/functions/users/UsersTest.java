package dev.stride.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsersTest {

    private final TestApi alice = TestApi.as("alice-sub");
    private final TestApi bob = TestApi.as("bob-sub");
    private final TestApi admin = TestApi.as("admin-sub", "admin");

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    private static String user(String username, String email) {
        return "{\"username\": \"" + username + "\", \"email\": \"" + email + "\"}";
    }

    @Test
    void createUser_whenValid_thenCreatedWithLocation() {
        TestResponse created = alice.post("/users", user("Alice", "alice@example.com"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/users/" + created.id());
        assertThat(created.header("Content-Type")).isEqualTo("application/json");
        assertThat(created.json().get("username").asText()).isEqualTo("Alice");
        assertThat(created.json().get("email").asText()).isEqualTo("alice@example.com");
        assertThat(created.json().get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.json().get("updatedAt").asText()).isEqualTo(created.json().get("createdAt").asText());
    }

    @Test
    void getUser_whenMeOrOwnId_thenOwnProfile() {
        long id = alice.post("/users", user("Alice", "alice@example.com")).id();

        TestResponse byMe = alice.get("/users/me");
        TestResponse byId = alice.get("/users/" + id);

        assertThat(byMe.status()).isEqualTo(200);
        assertThat(byMe.id()).isEqualTo(id);
        assertThat(byId.json()).isEqualTo(byMe.json());
    }

    @Test
    void getUser_whenAbsent_then404Problem() {
        TestResponse missing = alice.get("/users/999");
        TestResponse noProfile = alice.get("/users/me");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(missing.json().get("status").asInt()).isEqualTo(404);
        assertThat(noProfile.status()).isEqualTo(404);
    }

    @Test
    void createUser_whenCallerHasProfile_then409AndNothingWritten() {
        alice.post("/users", user("Alice", "alice@example.com"));

        TestResponse second = alice.post("/users", user("Alice 2", "alice2@example.com"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    /** An email is unique whatever its case (409, nothing written); a username need not be (201). */
    @ParameterizedTest(name = "{0} <{1}> after Alice <alice@example.com>: {2}")
    @CsvSource({
            "Bob,   ALICE@Example.COM, 409, 1, detail,   email",
            "Alice, bob@example.com,   201, 2, username, Alice"})
    void createUser_whenAnotherProfileExists_thenOnlyTheEmailMustBeUnique(String username, String email, int status,
                                                                          long profiles, String field, String names) {
        alice.post("/users", user("Alice", "alice@example.com"));

        TestResponse second = bob.post("/users", user(username, email));

        assertThat(second.status()).as(second.toString()).isEqualTo(status);
        assertThat(second.json().get(field).asText()).contains(names);
        assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(profiles);
    }

    @Test
    void listUsers_whenNotAdmin_thenOnlyOwnProfile() {
        long aliceId = alice.post("/users", user("Alice", "alice@example.com")).id();
        bob.post("/users", user("Bob", "bob@example.com"));

        TestResponse list = alice.get("/users");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0).get("id").asLong()).isEqualTo(aliceId);
        assertThat(list.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void listUsers_whenAdmin_thenAllUsersNewestFirst() {
        long aliceId = alice.post("/users", user("Alice", "alice@example.com")).id();
        long bobId = bob.post("/users", user("Bob", "bob@example.com")).id();

        TestResponse list = admin.get("/users");

        assertThat(list.json().get("items")).hasSize(2);
        assertThat(list.json().get("items").get(0).get("id").asLong()).isEqualTo(bobId);
        assertThat(list.json().get("items").get(1).get("id").asLong()).isEqualTo(aliceId);
    }

    @Test
    void listUsers_whenNoProfile_thenEmptyList() {
        TestResponse list = alice.get("/users");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).isEmpty();
    }

    @Test
    void updateUser_whenPartial_thenOtherFieldsKept() {
        long id = alice.post("/users", user("Alice", "alice@example.com")).id();

        TestResponse updated = alice.patch("/users/" + id, "{\"email\": \"alice@new.example\"}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("email").asText()).isEqualTo("alice@new.example");
        assertThat(updated.json().get("username").asText()).isEqualTo("Alice");
        assertThat(alice.get("/users/me").json().get("email").asText()).isEqualTo("alice@new.example");
    }

    @Test
    void updateUser_whenEmailTakenByAnother_then409AndUnchanged() {
        alice.post("/users", user("Alice", "alice@example.com"));
        long bobId = bob.post("/users", user("Bob", "bob@example.com")).id();

        TestResponse taken = bob.patch("/users/" + bobId, "{\"email\": \"Alice@example.com\"}");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(bob.get("/users/me").json().get("email").asText()).isEqualTo("bob@example.com");
    }

    @Test
    void updateUser_whenOwnEmailInOtherCase_thenAllowed() {
        long id = alice.post("/users", user("Alice", "alice@example.com")).id();

        TestResponse updated = alice.patch("/users/" + id, "{\"email\": \"ALICE@example.com\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("email").asText()).isEqualTo("ALICE@example.com");
    }

    @Test
    void updateUser_whenRequiredFieldNull_then400() {
        long id = alice.post("/users", user("Alice", "alice@example.com")).id();

        TestResponse cleared = alice.patch("/users/" + id, "{\"username\": null}");

        assertThat(cleared.status()).isEqualTo(400);
        assertThat(cleared.json().get("errors").get(0).get("field").asText()).isEqualTo("username");
        assertThat(alice.get("/users/me").json().get("username").asText()).isEqualTo("Alice");
    }

    @Test
    void deleteUser_whenOwn_thenProfileRunsAndMoodsGone() {
        long id = alice.post("/users", user("Alice", "alice@example.com")).id();
        alice.post("/users/me/runs", "{\"distance\": 5}");
        alice.post("/users/me/runs", "{\"distance\": 7, \"tags\": [\"park\"]}");
        alice.post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"2026-11-20\"}");

        TestResponse deleted = alice.delete("/users/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(alice.get("/users/" + id).status()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM run_tags")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM moods")).isZero();
    }

    @Test
    void deleteUser_whenDeleted_thenCallerMayCreateNewProfile() {
        alice.post("/users", user("Alice", "alice@example.com"));
        alice.delete("/users/me");

        TestResponse again = alice.post("/users", user("Alice", "alice@example.com"));

        assertThat(again.status()).isEqualTo(201);
    }
}
