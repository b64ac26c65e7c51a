package dev.stride.functions.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reads weekly totals that a trigger maintains; this checks them against the
 * answer computed here from the runs themselves, after random creates, changes and deletes,
 * for ranges that cut weeks at either end.
 */
class DashboardConsistencyTest {

    private static final LocalDate START = LocalDate.of(2026, 8, 3);

    private final TestApi alice = TestApi.as("alice-sub");
    private final Map<Long, Run> runs = new LinkedHashMap<>();
    private final Random random = new Random(20261125);

    private record Run(LocalDate date, double km, Integer seconds) {
    }

    @BeforeEach
    void aliceWithProfile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @Test
    void dashboard_afterRandomChanges_thenMatchesAggregatesOfTheRuns() {
        for (int i = 0; i < 60; i++) {
            create();
        }
        for (int i = 0; i < 40; i++) {
            List<Long> ids = new ArrayList<>(runs.keySet());
            long id = ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(3)) {
                case 0 -> delete(id);
                case 1 -> update(id);
                default -> create();
            }
        }
        // the longest run deleted: its week's longest must be looked up again
        long longest = runs.entrySet().stream().max((a, b) -> Double.compare(a.getValue().km, b.getValue().km)).orElseThrow().getKey();
        delete(longest);

        assertMatches(null, null);
        for (int i = 0; i < 25; i++) {
            LocalDate from = START.plusDays(random.nextInt(80));
            LocalDate to = from.plusDays(random.nextInt(40));
            assertMatches(random.nextInt(5) == 0 ? null : from, random.nextInt(5) == 0 ? null : to);
        }
        assertMatches(LocalDate.of(2026, 8, 12), LocalDate.of(2026, 8, 14)); // inside one week
        assertMatches(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 16)); // exactly one week
    }

    @Test
    void dashboard_whenUserDeleted_thenWeeklyTotalsGoneToo() {
        create();
        create();

        alice.delete("/users/me");

        assertThat(TestDatabase.count("SELECT count(*) FROM run_weeks")).isZero();
    }

    private void create() {
        LocalDate date = START.plusDays(random.nextInt(100));
        double km = 1 + random.nextInt(20_000) / 1000.0;
        Integer seconds = random.nextBoolean() ? 300 + random.nextInt(7200) : null;
        TestResponse created = alice.post("/users/me/runs", "{\"distance\": " + km + ", \"date\": \"" + date + "\""
                + (seconds == null ? "" : ", \"durationSeconds\": " + seconds) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        runs.put(created.id(), new Run(date, km, seconds));
    }

    private void update(long id) {
        Run old = runs.get(id);
        LocalDate date = random.nextBoolean() ? old.date : START.plusDays(random.nextInt(100));
        double km = random.nextBoolean() ? old.km : 1 + random.nextInt(20_000) / 1000.0;
        Integer seconds = random.nextBoolean() ? null : 300 + random.nextInt(7200);
        TestResponse updated = alice.patch("/runs/" + id, "{\"distance\": " + km + ", \"date\": \"" + date
                + "\", \"durationSeconds\": " + seconds + "}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        runs.put(id, new Run(date, km, seconds));
    }

    private void delete(long id) {
        assertThat(alice.delete("/runs/" + id).status()).isEqualTo(204);
        runs.remove(id);
    }

    private void assertMatches(LocalDate from, LocalDate to) {
        String query = (from == null ? "" : "from=" + from) + (from != null && to != null ? "&" : "") + (to == null ? "" : "to=" + to);
        TestResponse response = alice.get("/users/me/dashboard" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();

        List<Run> inRange = runs.values().stream()
                .filter(r -> from == null || !r.date.isBefore(from))
                .filter(r -> to == null || !r.date.isAfter(to))
                .toList();
        double km = inRange.stream().mapToDouble(Run::km).sum();
        double timedKm = inRange.stream().filter(r -> r.seconds != null).mapToDouble(Run::km).sum();
        double timedSeconds = inRange.stream().filter(r -> r.seconds != null).mapToDouble(Run::seconds).sum();
        String range = "range " + from + ".." + to;

        assertThat(body.get("totalRuns").asLong()).as(range).isEqualTo(inRange.size());
        assertThat(body.get("totalDistanceKm").asDouble()).as(range).isCloseTo(round(km, 3), within(0.0011));
        if (inRange.isEmpty()) {
            assertThat(body.get("averageDistanceKm").isNull()).as(range).isTrue();
            assertThat(body.get("longestRunKm").isNull()).as(range).isTrue();
        } else {
            assertThat(body.get("averageDistanceKm").asDouble()).as(range).isCloseTo(round(km / inRange.size(), 3), within(0.0011));
            assertThat(body.get("longestRunKm").asDouble()).as(range)
                    .isEqualTo(round(inRange.stream().mapToDouble(Run::km).max().orElseThrow(), 3));
        }
        if (timedKm == 0) {
            assertThat(body.get("averagePaceSecondsPerKm").isNull()).as(range).isTrue();
        } else {
            assertThat(body.get("averagePaceSecondsPerKm").asDouble()).as(range).isCloseTo(round(timedSeconds / timedKm, 1), within(0.11));
        }

        TreeMap<LocalDate, double[]> weeks = new TreeMap<>();
        for (Run run : inRange) {
            double[] week = weeks.computeIfAbsent(run.date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), w -> new double[2]);
            week[0]++;
            week[1] += run.km;
        }
        JsonNode answered = body.get("runsByWeek");
        assertThat(answered).as(range).hasSize(weeks.size());
        int i = 0;
        for (Map.Entry<LocalDate, double[]> week : weeks.entrySet()) {
            JsonNode row = answered.get(i++);
            assertThat(row.get("weekStart").asText()).as(range).isEqualTo(week.getKey().toString());
            assertThat(row.get("runs").asLong()).as(range).isEqualTo((long) week.getValue()[0]);
            assertThat(row.get("distanceKm").asDouble()).as(range).isCloseTo(round(week.getValue()[1], 3), within(0.0011));
        }
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
