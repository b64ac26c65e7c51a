package dev.stride.functions.moods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoodsTest {

    /** Alice, with her profile in a database that holds nothing else: a new one for each test. */
    private final TestApi alice = TestApi.as("alice-sub");
    private final long aliceId = alice.freshProfile("Alice", "alice@example.com");

    @Test
    void createMood_whenAllFields_thenCreatedWithEveryLevel() {
        TestResponse created = alice.post("/users/" + aliceId + "/moods", """
                {"description": "Motivated", "date": "2026-11-20", "positivity": 5, "stress": 1,
                 "energy": 4, "calmness": 3, "motivation": 5, "note": "Race week"}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/moods/" + created.id());
        JsonNode mood = created.json();
        assertThat(mood.get("userId").asLong()).isEqualTo(aliceId);
        assertThat(mood.get("description").asText()).isEqualTo("Motivated");
        assertThat(mood.get("date").asText()).isEqualTo("2026-11-20");
        assertThat(mood.get("positivity").asInt()).isEqualTo(5);
        assertThat(mood.get("stress").asInt()).isEqualTo(1);
        assertThat(mood.get("energy").asInt()).isEqualTo(4);
        assertThat(mood.get("calmness").asInt()).isEqualTo(3);
        assertThat(mood.get("motivation").asInt()).isEqualTo(5);
        assertThat(mood.get("note").asText()).isEqualTo("Race week");
    }

    @Test
    void createMood_whenDescriptionAndDateMissing_then400NamingBoth() {
        TestResponse rejected = alice.post("/users/me/moods", "{\"positivity\": 9}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(fields(rejected)).containsExactly("date", "description", "positivity");
        assertThat(TestDatabase.count("SELECT count(*) FROM moods")).isZero();
    }

    @Test
    void latestMood_whenSeveral_thenLatestDateAndNewestOnTie() {
        mood("Happy", "2026-11-01");
        mood("Tired", "2026-11-10");
        long newest = mood("Motivated", "2026-11-10");
        mood("Calm", "2026-11-05");

        TestResponse latest = alice.get("/users/me/moods/latest");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.id()).isEqualTo(newest);
        assertThat(latest.json().get("description").asText()).isEqualTo("Motivated");
    }

    @Test
    void latestMood_whenNone_then404() {
        TestResponse latest = alice.get("/users/" + aliceId + "/moods/latest");

        assertThat(latest.status()).isEqualTo(404);
        assertThat(latest.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void listMoods_whenRange_thenInclusiveNewestFirst() {
        mood("A", "2026-11-01");
        long b = mood("B", "2026-11-02");
        long c = mood("C", "2026-11-03");
        mood("D", "2026-11-04");

        TestResponse list = alice.get("/users/me/moods?from=2026-11-02&to=2026-11-03");

        assertThat(ids(list)).containsExactly(c, b);
    }

    @Test
    void getMood_whenExists_thenSameAsCreated() {
        TestResponse created = alice.post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"2026-11-20\"}");

        alice.get("/moods/" + created.id()).assertOkWithSameBodyAs(created);
    }

    @Test
    void updateMood_whenPartialAndNull_thenChangedAndCleared() {
        long id = alice.post("/users/me/moods", """
                {"description": "Happy", "date": "2026-11-20", "stress": 2, "note": "ok"}""").id();

        TestResponse updated = alice.patch("/moods/" + id, "{\"description\": \"Tired\", \"stress\": null}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("description").asText()).isEqualTo("Tired");
        assertThat(updated.json().get("stress").isNull()).isTrue();
        assertThat(updated.json().get("note").asText()).isEqualTo("ok");
        assertThat(updated.json().get("date").asText()).isEqualTo("2026-11-20");
    }

    @Test
    void updateMood_whenRequiredNull_then400AndUnchanged() {
        TestResponse created = alice.post("/users/me/moods", "{\"description\": \"Happy\", \"date\": \"2026-11-20\"}");

        TestResponse rejected = alice.patch("/moods/" + created.id(), "{\"date\": null, \"energy\": 0}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(fields(rejected)).containsExactly("date", "energy");
        assertThat(alice.get("/moods/" + created.id()).json()).isEqualTo(created.json());
    }

    @Test
    void deleteMood_whenExists_then204AndGone() {
        long id = mood("Happy", "2026-11-20");

        assertThat(alice.delete("/moods/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/moods/" + id).status()).isEqualTo(404);
    }

    private long mood(String description, String date) {
        TestResponse created = alice.post("/users/me/moods",
                "{\"description\": \"" + description + "\", \"date\": \"" + date + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static List<Long> ids(TestResponse list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> fields(TestResponse problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
