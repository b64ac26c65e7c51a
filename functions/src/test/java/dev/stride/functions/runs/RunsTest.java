package dev.stride.functions.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTest {

    /** Alice, with her profile in a database that holds nothing else: a new one for each test. */
    private final TestApi alice = TestApi.as("alice-sub");
    private final long aliceId = alice.freshProfile("Alice", "alice@example.com");

    @Test
    void createRun_whenOnlyDistance_thenDefaultsKmAndTodayUtc() {
        TestResponse created = alice.post("/users/" + aliceId + "/runs", "{\"distance\": 5.2}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = created.json();
        assertThat(created.header("Location")).isEqualTo("/runs/" + run.get("id").asLong());
        assertThat(run.get("userId").asLong()).isEqualTo(aliceId);
        assertThat(run.get("distance").asDouble()).isEqualTo(5.2);
        assertThat(run.get("unit").asText()).isEqualTo("km");
        assertThat(run.get("distanceKm").asDouble()).isEqualTo(5.2);
        assertThat(run.get("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(run.get("paceSecondsPerKm").isNull()).isTrue();
        assertThat(run.get("durationSeconds").isNull()).isTrue();
        assertThat(run.get("mood").isNull()).isTrue();
        assertThat(run.get("title").isNull()).isTrue();
        assertThat(run.get("notes").isNull()).isTrue();
        assertThat(run.get("tags")).isEmpty();
    }

    @Test
    void createRun_whenMiles_thenKmAndPaceDerivedAndRounded() {
        TestResponse created = alice.post("/users/me/runs", """
                {"distance": 3.1, "unit": "mi", "date": "2026-11-20", "durationSeconds": 1800,
                 "mood": "Tired", "title": "Evening loop", "notes": "Windy"}""");

        JsonNode run = created.json();
        assertThat(created.status()).isEqualTo(201);
        assertThat(run.get("distance").asDouble()).isEqualTo(3.1);
        assertThat(run.get("unit").asText()).isEqualTo("mi");
        // 3.1 mi = 4.9889664 km; 1800 s / 4.9889664 km = 360.796... s/km
        assertThat(run.get("distanceKm").asDouble()).isEqualTo(4.989);
        assertThat(run.get("paceSecondsPerKm").asDouble()).isEqualTo(360.8);
        assertThat(run.get("mood").asText()).isEqualTo("Tired");
        assertThat(run.get("title").asText()).isEqualTo("Evening loop");
        assertThat(run.get("notes").asText()).isEqualTo("Windy");
    }

    @Test
    void createRun_whenTagsRepeatedAndMixedCase_thenLowerCaseMergedSorted() {
        TestResponse created = alice.post("/users/me/runs",
                "{\"distance\": 5, \"tags\": [\"Trail\", \"morning\", \"TRAIL\", \"Hills\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(texts(created.json().get("tags"))).containsExactly("hills", "morning", "trail");
        assertThat(TestDatabase.count("SELECT count(*) FROM tags")).isEqualTo(3);
    }

    /**
     * Tags travel to the database as one array literal: quotes, backslashes, commas, braces and
     * the word null are kept as text, on create, on read and on a PATCH.
     */
    @Test
    void createRun_whenTagsHoldArraySyntax_thenStoredAndAnsweredAsGiven() {
        TestResponse created = alice.post("/users/me/runs", """
                {"distance": 5, "tags": ["say \\"hi\\"", "back\\\\slash", "a,b", "{x}", "null", "NULL "]}""");

        assertThat(created.status()).isEqualTo(201);
        List<String> expected = List.of("a,b", "back\\slash", "null", "say \"hi\"", "{x}");
        assertThat(texts(created.json().get("tags"))).containsExactlyElementsOf(expected);
        assertThat(texts(alice.get("/runs/" + created.id()).json().get("tags"))).containsExactlyElementsOf(expected);
        assertThat(TestDatabase.count("SELECT count(*) FROM tags")).isEqualTo(5);

        JsonNode changed = alice.patch("/runs/" + created.id(), "{\"tags\": [\"{x}\", \"c\\\"d\"]}").json();
        assertThat(texts(changed.get("tags"))).containsExactly("c\"d", "{x}");
    }

    @Test
    void createRun_whenTagsShared_thenOneTagRowManyRuns() {
        alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"park\"]}");
        alice.post("/users/me/runs", "{\"distance\": 6, \"tags\": [\"Park\", \"rain\"]}");

        assertThat(TestDatabase.count("SELECT count(*) FROM tags")).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM run_tags")).isEqualTo(3);
    }

    @Test
    void createRun_whenDateTomorrow_thenAccepted_andDayAfter_then400() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        TestResponse ok = alice.post("/users/me/runs", "{\"distance\": 5, \"date\": \"" + tomorrow + "\"}");
        TestResponse late = alice.post("/users/me/runs", "{\"distance\": 5, \"date\": \"" + tomorrow.plusDays(1) + "\"}");

        assertThat(ok.status()).isEqualTo(201);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    }

    @Test
    void getRun_whenExists_thenSameAsCreated() {
        TestResponse created = alice.post("/users/me/runs", "{\"distance\": 10, \"tags\": [\"long\"]}");

        alice.get("/runs/" + created.id()).assertOkWithSameBodyAs(created);
    }

    @Test
    void getRun_whenAbsent_then404() {
        assertThat(alice.get("/runs/12345").status()).isEqualTo(404);
    }

    @Test
    void listRuns_whenSeveral_thenNewestFirstByDateThenId() {
        long a = run("2026-11-01", 5);
        long b = run("2026-11-03", 5);
        long c = run("2026-11-03", 6);
        long d = run("2026-10-30", 7);

        TestResponse list = alice.get("/users/me/runs");

        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(c, b, a, d);
        assertThat(list.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void listRuns_whenFromTo_thenInclusiveRange() {
        run("2026-11-01", 5);
        long inside1 = run("2026-11-02", 5);
        long inside2 = run("2026-11-04", 5);
        run("2026-11-05", 5);

        TestResponse list = alice.get("/users/me/runs?from=2026-11-02&to=2026-11-04");

        assertThat(ids(list)).containsExactly(inside2, inside1);
    }

    @Test
    void listRuns_whenTagFilterInOtherCase_thenOnlyTagged() {
        long tagged = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"trail\", \"hills\"]}").id();
        alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"road\"]}");
        alice.post("/users/me/runs", "{\"distance\": 5}");

        TestResponse list = alice.get("/users/me/runs?tag=TRAIL");

        assertThat(ids(list)).containsExactly(tagged);
        assertThat(texts(list.json().get("items").get(0).get("tags"))).containsExactly("hills", "trail");
    }

    @Test
    void listRuns_whenFromAfterTo_then400() {
        TestResponse list = alice.get("/users/me/runs?from=2026-11-05&to=2026-11-01");

        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void updateRun_whenPartial_thenOnlyGivenFieldsChangeAndDerivedRecomputed() {
        TestResponse created = alice.post("/users/me/runs", """
                {"distance": 5, "durationSeconds": 1500, "title": "Easy", "notes": "n", "tags": ["a"]}""");

        TestResponse updated = alice.patch("/runs/" + created.id(), "{\"distance\": 6}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode run = updated.json();
        assertThat(run.get("distance").asDouble()).isEqualTo(6.0);
        assertThat(run.get("distanceKm").asDouble()).isEqualTo(6.0);
        assertThat(run.get("paceSecondsPerKm").asDouble()).isEqualTo(250.0);
        assertThat(run.get("title").asText()).isEqualTo("Easy");
        assertThat(run.get("notes").asText()).isEqualTo("n");
        assertThat(texts(run.get("tags"))).containsExactly("a");
        assertThat(run.get("date").asText()).isEqualTo(created.json().get("date").asText());
        assertThat(alice.get("/runs/" + created.id()).json()).isEqualTo(run);
    }

    @Test
    void updateRun_whenOnlyUnitChanges_thenStoredDistanceReinterpreted() {
        long id = alice.post("/users/me/runs", "{\"distance\": 10, \"durationSeconds\": 3600}").id();

        JsonNode run = alice.patch("/runs/" + id, "{\"unit\": \"mi\"}").json();

        assertThat(run.get("distance").asDouble()).isEqualTo(10.0);
        assertThat(run.get("unit").asText()).isEqualTo("mi");
        assertThat(run.get("distanceKm").asDouble()).isEqualTo(16.093);
        assertThat(run.get("paceSecondsPerKm").asDouble()).isEqualTo(223.7);
    }

    @Test
    void updateRun_whenOptionalFieldsNull_thenCleared() {
        long id = alice.post("/users/me/runs", """
                {"distance": 5, "durationSeconds": 1500, "mood": "Good", "title": "T", "notes": "N", "tags": ["x"]}""").id();

        JsonNode run = alice.patch("/runs/" + id, """
                {"durationSeconds": null, "mood": null, "title": null, "notes": null, "tags": null}""").json();

        assertThat(run.get("durationSeconds").isNull()).isTrue();
        assertThat(run.get("paceSecondsPerKm").isNull()).isTrue();
        assertThat(run.get("mood").isNull()).isTrue();
        assertThat(run.get("title").isNull()).isTrue();
        assertThat(run.get("notes").isNull()).isTrue();
        assertThat(run.get("tags")).isEmpty();
    }

    @Test
    void updateRun_whenRequiredOrDefaultedFieldNull_then400AndUnchanged() {
        TestResponse created = alice.post("/users/me/runs", "{\"distance\": 5}");

        TestResponse rejected = alice.patch("/runs/" + created.id(), "{\"distance\": null, \"unit\": null, \"date\": null}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(fields(rejected)).containsExactly("date", "distance", "unit");
        assertThat(alice.get("/runs/" + created.id()).json()).isEqualTo(created.json());
    }

    @Test
    void updateRun_whenTagsReplaced_thenNewSetAnswered() {
        long id = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"a\", \"b\"]}").id();

        JsonNode run = alice.patch("/runs/" + id, "{\"tags\": [\"C\", \"b\"]}").json();

        assertThat(texts(run.get("tags"))).containsExactly("b", "c");
    }

    @Test
    void updateRun_whenEmptyPatch_thenUnchanged() {
        TestResponse created = alice.post("/users/me/runs", "{\"distance\": 5}");

        TestResponse same = alice.patch("/runs/" + created.id(), "{}");

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(created.json());
    }

    @Test
    void deleteRun_whenExists_then204AndGone() {
        long id = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"a\"]}").id();

        TestResponse deleted = alice.delete("/runs/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(alice.get("/runs/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/runs/" + id).status()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM run_tags")).isZero();
    }

    @Test
    void createRun_whenUserAbsent_then404AndNothingWritten() {
        TestResponse response = alice.post("/users/999/runs", "{\"distance\": 5}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isZero();
    }

    private long run(String date, double distance) {
        TestResponse created = alice.post("/users/me/runs", "{\"distance\": " + distance + ", \"date\": \"" + date + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    static List<Long> ids(TestResponse list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<String> fields(TestResponse problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
