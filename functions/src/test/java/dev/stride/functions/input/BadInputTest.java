package dev.stride.functions.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input of any kind is a 4xx problem+json, never a 500, and writes nothing. */
class BadInputTest {

    private final TestApi alice = TestApi.as("alice-sub");
    private long runId;
    private String runBefore;

    @BeforeEach
    void aliceWithOneRun() {
        alice.freshProfile("Alice", "alice@example.com");
        TestResponse run = alice.post("/users/me/runs", "{\"distance\": 5, \"title\": \"Keep me\"}");
        runId = run.id();
        runBefore = run.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"distance\": 5",                      // truncated
            "{distance: 5}",                         // not JSON
            "[{\"distance\": 5}]",                   // an array
            "\"distance\"",                          // a string
            "5",                                     // a number
            "null",                                  // null
            "{\"distance\": 5} {\"distance\": 6}",   // two documents
            "{\"distance\": 5, \"distance\": 6}",    // duplicate key
            "{\"distance\": NaN}",                   // not a JSON number
    })
    void createRun_whenBodyIsNotOneJsonObject_then400AndNothingWritten(String body) {
        assertRejected(alice.post("/users/me/runs", body), 400);
    }

    @Test
    void createRun_whenEveryFieldWrong_then400NamingEveryField() {
        TestResponse response = alice.post("/users/me/runs", """
                {"distance": "5", "unit": "yards", "date": "2026-02-30", "durationSeconds": 12.5,
                 "mood": 7, "title": false, "notes": [], "tags": "trail", "speed": 10}""");

        assertRejected(response, 400);
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "distance", "unit", "date", "durationSeconds", "mood", "title", "notes", "tags", "speed");
    }

    @Test
    void createRun_whenValuesOutOfRange_then400NamingEveryField() {
        TestResponse response = alice.post("/users/me/runs", """
                {"distance": 1000.5, "unit": "yards", "date": "1899-12-31", "durationSeconds": 604801,
                 "mood": "%s", "title": "%s", "notes": "%s",
                 "tags": ["ok", "", "%s", "a", "b", "c", "d", "e", "f", "g", "h"]}"""
                .formatted("m".repeat(51), "t".repeat(101), "n".repeat(2001), "x".repeat(31)));

        assertRejected(response, 400);
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "distance", "unit", "date", "durationSeconds", "mood", "title", "notes", "tags", "tags[1]", "tags[2]");
    }

    @Test
    void createRun_whenTypeErrorAndRuleViolation_thenBothReported() {
        TestResponse response = alice.post("/users/me/runs", "{\"distance\": 0, \"pace\": 1, \"durationSeconds\": \"60\"}");

        assertRejected(response, 400);
        assertThat(fields(response)).containsExactly("distance", "durationSeconds", "pace");
    }

    @Test
    void createRun_whenDistanceBelowWhatThreeDecimalsShow_then400() {
        TestResponse response = alice.post("/users/me/runs", "{\"distance\": 0.0004, \"durationSeconds\": 604800}");

        assertRejected(response, 400);
        assertThat(response.json().get("errors").get(0).get("message").asText()).isEqualTo("must be at least 0.001");
        assertThat(alice.post("/users/me/runs", "{\"distance\": 1e-320}").status()).isEqualTo(400);
    }

    @Test
    void createRun_whenTagLongOnlyOnceLowerCased_then400() {
        // U+0130 lower-cases to two code points: 30 of them become 60 characters.
        TestResponse response = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"" + "\u0130".repeat(30) + "\"]}");

        assertRejected(response, 400);
        assertThat(fields(response)).containsExactly("tags[0]");
    }

    @Test
    void createRun_whenTagPaddedWithSpaces_thenTrimmedLengthCounts() {
        TestResponse response = alice.post("/users/me/runs", "{\"distance\": 5, \"tags\": [\"  " + "x".repeat(30) + "  \"]}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("tags").get(0).asText()).isEqualTo("x".repeat(30));
    }

    @Test
    void tagFilter_whenNulOrTooLong_then400() {
        assertThat(alice.get("/users/me/runs?tag=a%00b").status()).isEqualTo(400);
        assertThat(alice.get("/users/me/runs?tag=" + "x".repeat(31)).status()).isEqualTo(400);
    }

    @Test
    void queryParameters_whenNotUsedByTheRoute_thenIgnored() {
        assertThat(alice.get("/users?from=bad").status()).isEqualTo(200);
        assertThat(alice.get("/users/me/dashboard?limit=0&cursor=x").status()).isEqualTo(200);
        assertThat(alice.get("/users/me/moods?tag=%00").status()).isEqualTo(200);
    }

    @Test
    void createRun_whenDistanceZeroOrNegative_thenMessageSaysGreaterThanZero() {
        TestResponse zero = alice.post("/users/me/runs", "{\"distance\": 0}");
        TestResponse negative = alice.post("/users/me/runs", "{\"distance\": -3}");

        assertRejected(zero, 400);
        assertRejected(negative, 400);
        assertThat(zero.json().get("errors").get(0).get("message").asText()).isEqualTo("must be greater than 0");
    }

    @Test
    void createRun_whenDistanceHugeOrIntegerOverflows_then400() {
        assertRejected(alice.post("/users/me/runs", "{\"distance\": 1e400}"), 400);
        assertRejected(alice.post("/users/me/runs", "{\"distance\": 5, \"durationSeconds\": 99999999999999999999}"), 400);
    }

    @Test
    void createRun_whenMilesOverLimitInGivenUnit_then400_butSameInKmIsFine() {
        assertRejected(alice.post("/users/me/runs", "{\"distance\": 1001, \"unit\": \"mi\"}"), 400);
        // 1000 mi is 1609 km: the limit is in the given unit
        assertThat(alice.post("/users/me/runs", "{\"distance\": 1000, \"unit\": \"mi\"}").status()).isEqualTo(201);
    }

    @Test
    void text_whenCountedInCodePoints_thenEmojiCountOnce() {
        String fiftyEmoji = "🏃".repeat(50);

        TestResponse ok = alice.post("/users/me/runs", "{\"distance\": 5, \"mood\": \"" + fiftyEmoji + "\"}");
        TestResponse tooLong = alice.post("/users/me/runs", "{\"distance\": 5, \"mood\": \"" + fiftyEmoji + "🏃\"}");

        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("mood").asText()).isEqualTo(fiftyEmoji);
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void text_whenNulOrLoneSurrogate_then400() {
        assertRejected(alice.post("/users/me/runs", "{\"distance\": 5, \"title\": \"a\\u0000b\"}"), 400);
        assertRejected(alice.post("/users/me/runs", "{\"distance\": 5, \"title\": \"a\\ud800b\"}"), 400);
    }

    @Test
    void body_whenOver64KiB_then413() {
        String big = "{\"distance\": 5, \"notes\": \"" + "x".repeat(70 * 1024) + "\"}";

        TestResponse response = alice.post("/users/me/runs", big);

        assertRejected(response, 413);
    }

    @Test
    void body_whenBase64Encoded_thenDecoded() {
        var event = alice.eventFor("POST", "/users/me/runs").body(
                Base64.getEncoder().encodeToString("{\"distance\": 6}".getBytes(StandardCharsets.UTF_8)));
        var built = event.build();
        built.setIsBase64Encoded(true);

        TestResponse response = new TestResponse("POST", built.getRouteKey(),
                new dev.stride.functions.runs.CreateRunHandler(TestDatabase.stride().runs())
                        .handleRequest(built, new dev.stride.instance.LambdaContext()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("distance").asDouble()).isEqualTo(6.0);
    }

    @Test
    void body_whenNotJsonContentType_then415() {
        var event = alice.eventFor("POST", "/users/me/runs").body("{\"distance\": 5}").header("content-type", "text/plain");

        assertRejected(alice.send("POST", event), 415);
    }

    @Test
    void body_whenMissing_then400() {
        assertRejected(alice.post("/users/me/runs", ""), 400);
        assertRejected(alice.call("POST", "/users/me/runs", null), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "1e3", "99999999999999999999", "9223372036854775808", "%20", "%25", "%C3%A9"})
    void pathId_whenNotAPositive64BitInteger_then400(String id) {
        for (TestResponse response : List.of(
                alice.get("/runs/" + id),
                alice.patch("/runs/" + id, "{\"distance\": 1}"),
                alice.delete("/moods/" + id),
                alice.get("/users/" + id + "/dashboard"))) {
            assertThat(response.status()).as(response.toString()).isIn(400, 404);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(alice.get("/runs/" + runId).body()).isEqualTo(runBefore);
    }

    @Test
    void pathId_whenLargestLong_then404() {
        assertThat(alice.get("/runs/9223372036854775807").status()).isEqualTo(404);
    }

    @Test
    void updateRun_whenBadPatch_then400AndRunUnchanged() {
        for (String patch : List.of("[]", "{\"id\": 9}", "{\"userId\": 2}", "{\"distance\": \"far\"}",
                "{\"tags\": [null]}", "{\"createdAt\": \"2020-01-01T00:00:00Z\"}", "not json")) {
            TestResponse response = alice.patch("/runs/" + runId, patch);
            assertThat(response.status()).as(patch + " -> " + response).isEqualTo(400);
        }
        assertThat(alice.get("/runs/" + runId).body()).isEqualTo(runBefore);
    }

    @Test
    void queryDates_whenInvalid_then400() {
        for (String query : List.of("from=2026-13-01", "to=yesterday", "from=0000-01-01", "from=2026-1-1")) {
            TestResponse response = alice.get("/users/me/runs?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
        }
    }

    @Test
    void createUser_whenEmailInvalidOrFieldsTooLong_then400NamingEach() {
        TestResponse response = alice.post("/users", "{\"username\": \"" + "u".repeat(81) + "\", \"email\": \"not-an-email\"}");

        assertRejected(response, 400);
        assertThat(fields(response)).containsExactlyInAnyOrder("username", "email");
    }

    private void assertRejected(TestResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).as("nothing written").isEqualTo(1);
        assertThat(alice.get("/runs/" + runId).body()).isEqualTo(runBefore);
    }

    private static List<String> fields(TestResponse problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
