package dev.stride.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callers reach only their own data; somebody else's answers 404, as if absent; admins reach all. */
class OwnershipTest {

    private final TestApi alice = TestApi.as("alice-sub");
    private final TestApi bob = TestApi.as("bob-sub");
    private final TestApi admin = TestApi.as("admin-sub", "admin");

    private long aliceId;
    private long runId;
    private long moodId;
    private String aliceUser;
    private String aliceRun;
    private String aliceMood;

    @BeforeEach
    void aliceWithData() {
        aliceId = alice.freshProfile("Alice", "alice@example.com");
        bob.post("/users", "{\"username\": \"Bob\", \"email\": \"bob@example.com\"}");
        runId = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"park\"]}").id();
        moodId = alice.post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"2026-11-20\"}").id();
        aliceUser = alice.get("/users/me").body();
        aliceRun = alice.get("/runs/" + runId).body();
        aliceMood = alice.get("/moods/" + moodId).body();
    }

    @Test
    void otherCaller_whenReadingAlicesData_then404Everywhere() {
        List<TestResponse> reads = List.of(
                bob.get("/users/" + aliceId),
                bob.get("/users/" + aliceId + "/runs"),
                bob.get("/users/" + aliceId + "/moods"),
                bob.get("/users/" + aliceId + "/moods/latest"),
                bob.get("/users/" + aliceId + "/dashboard"),
                bob.get("/runs/" + runId),
                bob.get("/moods/" + moodId));

        assertThat(reads).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        });
    }

    @Test
    void otherCaller_whenChangingOrDeletingAlicesData_then404AndAliceUnchanged() {
        List<TestResponse> writes = List.of(
                bob.patch("/users/" + aliceId, "{\"username\": \"Mallory\"}"),
                bob.patch("/runs/" + runId, "{\"distance\": 1}"),
                bob.patch("/moods/" + moodId, "{\"description\": \"Sad\"}"),
                bob.post("/users/" + aliceId + "/runs", "{\"distance\": 1}"),
                bob.post("/users/" + aliceId + "/moods", "{\"description\": \"Sad\", \"date\": \"2026-11-20\"}"),
                bob.delete("/runs/" + runId),
                bob.delete("/moods/" + moodId),
                bob.delete("/users/" + aliceId));

        assertThat(writes).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(404));
        assertThat(alice.get("/users/me").body()).isEqualTo(aliceUser);
        assertThat(alice.get("/runs/" + runId).body()).isEqualTo(aliceRun);
        assertThat(alice.get("/moods/" + moodId).body()).isEqualTo(aliceMood);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM moods")).isEqualTo(1);
    }

    @Test
    void otherCaller_whenUsingMe_thenOnlyOwnData() {
        TestResponse bobsRuns = bob.get("/users/me/runs");

        assertThat(bobsRuns.status()).isEqualTo(200);
        assertThat(bobsRuns.json().get("items")).isEmpty();
    }

    @Test
    void admin_whenReadingAndChangingAlicesData_thenAllowed() {
        assertThat(admin.get("/users/" + aliceId).status()).isEqualTo(200);
        assertThat(admin.get("/runs/" + runId).status()).isEqualTo(200);
        assertThat(admin.get("/users/" + aliceId + "/dashboard").json().get("totalRuns").asLong()).isEqualTo(1);
        assertThat(admin.patch("/moods/" + moodId, "{\"description\": \"Calm\"}").json().get("description").asText())
                .isEqualTo("Calm");
        assertThat(admin.post("/users/" + aliceId + "/runs", "{\"distance\": 3}").json().get("userId").asLong())
                .isEqualTo(aliceId);
        assertThat(admin.delete("/runs/" + runId).status()).isEqualTo(204);
    }

    @Test
    void anyCaller_whenNoIdentityInEvent_then401() {
        TestApi anonymous = TestApi.as(null);

        TestResponse response = anonymous.get("/runs/" + runId);

        assertThat(response.status()).isEqualTo(401);
        assertThat(alice.get("/runs/" + runId).status()).isEqualTo(200);
    }
}
