package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's story, told over HTTP to the local server running the real functions zip: Alice
 * signs in (a local token), creates her profile, records runs and moods, reads her latest mood and
 * her dashboard, changes her email and deletes herself with everything she recorded.
 */
class TutorialStoryTest {

    private final Client api = TestServer.client();

    @BeforeEach
    void emptyDatabase() {
        TestServer.resetData();
    }

    @Test
    void aliceTracksHerRunsAndMoodsThenLeaves() {
        Client.Response token = api.post("/_local/token", "{\"sub\": \"alice\"}", null);
        assertThat(token.status()).isEqualTo(200);
        String alice = token.json().get("token").asText();

        Client.Response created = api.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}", alice);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/users/" + id);
        assertThat(created.json().get("username").asText()).isEqualTo("Alice");

        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        for (String run : new String[] {
                "{\"distance\": 5.0, \"date\": \"" + yesterday + "\", \"durationSeconds\": 1500, \"mood\": \"Tired\"}",
                "{\"distance\": 3.0, \"date\": \"" + today + "\", \"tags\": [\"Easy\"]}",
                "{\"distance\": 4.0, \"date\": \"" + today + "\", \"durationSeconds\": 1200}"}) {
            Client.Response added = api.post("/users/" + id + "/runs", run, alice);
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }
        Client.Response runs = api.get("/users/" + id + "/runs", alice);
        assertThat(runs.status()).isEqualTo(200);
        assertThat(runs.json().get("items")).hasSize(3);
        long firstRunId = runs.json().get("items").get(2).get("id").asLong();
        Client.Response run = api.get("/runs/" + firstRunId, alice);
        assertThat(run.json().get("distanceKm").asDouble()).isEqualTo(5.0);
        assertThat(run.json().get("paceSecondsPerKm").asDouble()).isEqualTo(300.0);

        assertThat(api.post("/users/" + id + "/moods", "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\"}", alice)
                .status()).isEqualTo(201);
        assertThat(api.post("/users/me/moods", "{\"description\": \"Motivated\", \"date\": \"" + today + "\", \"energy\": 5}", alice)
                .status()).isEqualTo(201);
        Client.Response latest = api.get("/users/" + id + "/moods/latest", alice);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().get("description").asText()).isEqualTo("Motivated");

        Client.Response dashboard = api.get("/users/" + id + "/dashboard", alice);
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        JsonNode board = dashboard.json();
        assertThat(board.get("user").asText()).isEqualTo("Alice");
        assertThat(board.get("totalRuns").asInt()).isEqualTo(3);
        assertThat(board.get("totalDistanceKm").asDouble()).isEqualTo(12.0);
        assertThat(board.get("averageDistanceKm").asDouble()).isEqualTo(4.0);
        assertThat(board.get("longestRunKm").asDouble()).isEqualTo(5.0);
        assertThat(board.get("averagePaceSecondsPerKm").asDouble()).isEqualTo(300.0);
        assertThat(board.get("latestMood").asText()).isEqualTo("Motivated");

        Client.Response updated = api.patch("/users/" + id, "{\"email\": \"alice@runners.example\"}", alice);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(api.get("/users/" + id, alice).json().get("email").asText()).isEqualTo("alice@runners.example");

        String admin = TestServer.token("coach", "admin");
        assertThat(api.get("/users", admin).json().get("items")).hasSize(1);
        Client.Response stranger = api.get("/users/" + id, TestServer.token("mallory"));
        assertThat(stranger.status()).isEqualTo(404);

        assertThat(api.delete("/users/" + id, alice).status()).isEqualTo(204);
        assertThat(api.get("/users/" + id, alice).status()).isEqualTo(404);
        assertThat(TestServer.count("SELECT count(*) FROM runs") + TestServer.count("SELECT count(*) FROM moods")).isZero();
    }
}
