package dev.stride.functions.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardTest {

    private final TestApi alice = TestApi.as("alice-sub");

    @BeforeEach
    void aliceWithProfile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @Test
    void dashboard_whenNoRuns_thenZerosAndNulls() {
        TestResponse dashboard = alice.get("/users/me/dashboard");

        assertThat(dashboard.status()).isEqualTo(200);
        JsonNode body = dashboard.json();
        assertThat(body.get("user").asText()).isEqualTo("Alice");
        assertThat(body.get("totalRuns").asLong()).isZero();
        assertThat(body.get("totalDistanceKm").asDouble()).isZero();
        assertThat(body.get("averageDistanceKm").isNull()).isTrue();
        assertThat(body.get("longestRunKm").isNull()).isTrue();
        assertThat(body.get("averagePaceSecondsPerKm").isNull()).isTrue();
        assertThat(body.get("latestMood").isNull()).isTrue();
        assertThat(body.get("runsByWeek")).isEmpty();
    }

    @Test
    void dashboard_whenRunsAndMoods_thenAggregates() {
        // 2026-11-16 is a Monday; 2026-11-22 the Sunday of that week.
        run("{\"distance\": 5, \"date\": \"2026-11-16\", \"durationSeconds\": 1500}");
        run("{\"distance\": 10, \"date\": \"2026-11-22\", \"durationSeconds\": 3300}");
        run("{\"distance\": 2, \"unit\": \"mi\", \"date\": \"2026-11-23\"}");
        run("{\"distance\": 3.3, \"date\": \"2026-11-04\"}");
        mood("Tired", "2026-11-20");
        mood("Motivated", "2026-11-23");

        JsonNode body = alice.get("/users/me/dashboard").json();

        // distances: 5 + 10 + 3.218688 + 3.3 = 21.518688 km over 4 runs
        assertThat(body.get("totalRuns").asLong()).isEqualTo(4);
        assertThat(body.get("totalDistanceKm").asDouble()).isEqualTo(21.519);
        assertThat(body.get("averageDistanceKm").asDouble()).isEqualTo(5.38);
        assertThat(body.get("longestRunKm").asDouble()).isEqualTo(10.0);
        // only timed runs count: (1500 + 3300) s / (5 + 10) km
        assertThat(body.get("averagePaceSecondsPerKm").asDouble()).isEqualTo(320.0);
        assertThat(body.get("latestMood").asText()).isEqualTo("Motivated");
        JsonNode weeks = body.get("runsByWeek");
        assertThat(weeks).hasSize(3);
        assertThat(weeks.get(0).get("weekStart").asText()).isEqualTo("2026-11-02");
        assertThat(weeks.get(0).get("runs").asLong()).isEqualTo(1);
        assertThat(weeks.get(1).get("weekStart").asText()).isEqualTo("2026-11-16");
        assertThat(weeks.get(1).get("runs").asLong()).isEqualTo(2);
        assertThat(weeks.get(1).get("distanceKm").asDouble()).isEqualTo(15.0);
        assertThat(weeks.get(2).get("weekStart").asText()).isEqualTo("2026-11-23");
        assertThat(weeks.get(2).get("distanceKm").asDouble()).isEqualTo(3.219);
    }

    @Test
    void dashboard_whenRange_thenOnlyRunsAndMoodsWithin() {
        run("{\"distance\": 5, \"date\": \"2026-11-16\"}");
        run("{\"distance\": 8, \"date\": \"2026-11-18\", \"durationSeconds\": 2400}");
        run("{\"distance\": 12, \"date\": \"2026-11-25\"}");
        mood("Happy", "2026-11-17");
        mood("Sore", "2026-11-24");

        JsonNode body = alice.get("/users/me/dashboard?from=2026-11-17&to=2026-11-20").json();

        assertThat(body.get("totalRuns").asLong()).isEqualTo(1);
        assertThat(body.get("totalDistanceKm").asDouble()).isEqualTo(8.0);
        assertThat(body.get("longestRunKm").asDouble()).isEqualTo(8.0);
        assertThat(body.get("averagePaceSecondsPerKm").asDouble()).isEqualTo(300.0);
        assertThat(body.get("latestMood").asText()).isEqualTo("Happy");
        assertThat(body.get("runsByWeek")).hasSize(1);
    }

    @Test
    void dashboard_whenNoTimedRuns_thenPaceNull() {
        run("{\"distance\": 5}");

        JsonNode body = alice.get("/users/me/dashboard").json();

        assertThat(body.get("totalRuns").asLong()).isEqualTo(1);
        assertThat(body.get("averagePaceSecondsPerKm").isNull()).isTrue();
    }

    @Test
    void dashboard_whenFromAfterTo_then400() {
        assertThat(alice.get("/users/me/dashboard?from=2026-11-20&to=2026-11-01").status()).isEqualTo(400);
    }

    private void run(String json) {
        TestResponse created = alice.post("/users/me/runs", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private void mood(String description, String date) {
        TestResponse created = alice.post("/users/me/moods",
                "{\"description\": \"" + description + "\", \"date\": \"" + date + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
