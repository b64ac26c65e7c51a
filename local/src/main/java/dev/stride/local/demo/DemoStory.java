package dev.stride.local.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The tutorial's story, spread over the last weeks: Alice runs short and often in the park and
 * logs how she feels; Bob runs long trails at weekends; Carol (an admin) runs now and then on the
 * track. Deterministic for a given day, so two demo databases made the same day hold the same story.
 */
public final class DemoStory {

    /** A demo user: the token's {@code sub} and groups, the profile. */
    public record Person(String sub, List<String> groups, String username, String email) {
    }

    /** One request of the story, as the API takes it: a path under the person's {@code /users/me} and a JSON body. */
    public record Entry(Person person, String path, Map<String, Object> body) {
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("alice", List.of(), "Alice", "alice@example.com"),
            new Person("bob", List.of(), "Bob", "bob@example.com"),
            new Person("carol", List.of("admin"), "Carol", "carol@example.com"));

    private static final int WEEKS = 6;
    private static final List<String> MOODS = List.of("Great", "Good", "Okay", "Tired", "Sore");

    private DemoStory() {
    }

    /** The runs and moods of every person, oldest first, ending {@code today}. */
    public static List<Entry> entries(LocalDate today) {
        Random random = new Random(today.toEpochDay());
        List<Entry> entries = new ArrayList<>();
        LocalDate start = today.minusWeeks(WEEKS).with(DayOfWeek.MONDAY);
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday == DayOfWeek.TUESDAY || weekday == DayOfWeek.THURSDAY || weekday == DayOfWeek.SATURDAY) {
                entries.add(run(PEOPLE.get(0), day, 4 + random.nextDouble() * 4, 330 + random.nextInt(60), "km",
                        weekday == DayOfWeek.SATURDAY ? List.of("park", "weekend") : List.of("park", "morning"), random));
            }
            if (weekday == DayOfWeek.SUNDAY) {
                entries.add(run(PEOPLE.get(1), day, 8 + random.nextDouble() * 6, 540 + random.nextInt(90), "mi",
                        List.of("trail", "long"), random));
            }
            if (weekday == DayOfWeek.WEDNESDAY && random.nextBoolean()) {
                entries.add(run(PEOPLE.get(2), day, 3 + random.nextDouble() * 2, 280 + random.nextInt(40), "km",
                        List.of("track", "intervals"), random));
            }
            if (weekday != DayOfWeek.SUNDAY && random.nextInt(3) > 0) {
                entries.add(mood(PEOPLE.get(0), day, random));
            }
            if (weekday == DayOfWeek.MONDAY) {
                entries.add(mood(PEOPLE.get(1), day, random));
            }
        }
        return entries;
    }

    private static Entry run(Person person, LocalDate day, double distance, int secondsPerUnit, String unit,
                             List<String> tags, Random random) {
        double rounded = Math.round(distance * 10) / 10.0;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("distance", rounded);
        body.put("unit", unit);
        body.put("date", day.toString());
        body.put("durationSeconds", (int) Math.round(rounded * secondsPerUnit));
        body.put("mood", MOODS.get(random.nextInt(3)));
        body.put("tags", tags);
        if (tags.contains("long")) {
            body.put("title", "Sunday long run");
        }
        return new Entry(person, "/users/me/runs", body);
    }

    private static Entry mood(Person person, LocalDate day, Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", MOODS.get(random.nextInt(MOODS.size())));
        body.put("date", day.toString());
        body.put("positivity", 2 + random.nextInt(4));
        body.put("stress", 1 + random.nextInt(4));
        body.put("energy", 1 + random.nextInt(5));
        body.put("calmness", 2 + random.nextInt(4));
        body.put("motivation", 2 + random.nextInt(4));
        return new Entry(person, "/users/me/moods", body);
    }
}
