package dev.stride.web.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Users with a believable history, written through the API, for the screens that need data. */
public final class Scene {

    private static final List<String> TITLES = List.of("Morning park loop", "River path", "Intervals 6×800 m",
            "Sunday long run", "Hill repeats", "Easy recovery jog");
    private static final List<List<String>> TAGS = List.of(List.of("park", "morning"), List.of("river"),
            List.of("intervals", "track"), List.of("long run", "river"), List.of("hills", "park"), List.of("easy"));
    private static final List<String> RUN_MOODS = List.of("Great", "Strong", "Tired legs", "Flying", "Steady");
    private static final List<String> LEVELS = List.of("positivity", "stress", "energy", "calmness", "motivation");
    private static final List<String> MOODS = List.of("Happy", "Calm", "Motivated", "Stressed", "Content", "Restless");

    private Scene() {
    }

    /** A profile for {@code sub} with about {@code weeks} weeks of runs (three a week) and moods. */
    public static void runner(String sub, String username, int weeks) {
        // The screenshots show the email: a plain one, unless an earlier run on a kept database took it.
        String email = username.toLowerCase() + "@example.com";
        if (StrideServer.call(sub, "POST", "/users", Map.of("username", username, "email", email)).status() != 201) {
            StrideServer.ok(sub, "POST", "/users", Map.of("username", username, "email", sub + "@example.com"));
        }
        Random random = new Random(42);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = today.minusWeeks(weeks).with(DayOfWeek.MONDAY);
        int n = 0;
        int[] levels = {4, 2, 3, 3, 4};
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow == DayOfWeek.TUESDAY || dow == DayOfWeek.THURSDAY || dow == DayOfWeek.SUNDAY) {
                // Sundays the long run; during the week the other kinds in turn.
                int kind = dow == DayOfWeek.SUNDAY ? 3 : List.of(0, 1, 2, 4, 5).get(n++ % 5);
                double km = kind == 3 ? 12 + random.nextInt(60) / 10.0 : 5 + random.nextInt(35) / 10.0;
                // Getting a little faster over the weeks: 6:05 → 5:20 per km, with some noise.
                double progress = (double) (day.toEpochDay() - start.toEpochDay()) / Math.max(1, today.toEpochDay() - start.toEpochDay());
                double pace = 365 - 45 * progress + random.nextInt(30) - 15 + (kind == 3 ? 20 : 0);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("distance", km);
                run.put("date", day.toString());
                run.put("durationSeconds", (int) Math.round(km * pace));
                run.put("title", TITLES.get(kind));
                run.put("tags", TAGS.get(kind));
                run.put("mood", RUN_MOODS.get(random.nextInt(RUN_MOODS.size())));
                StrideServer.ok(sub, "POST", "/users/me/runs", run);
            }
            if (dow == DayOfWeek.MONDAY || dow == DayOfWeek.WEDNESDAY || dow == DayOfWeek.SATURDAY) {
                Map<String, Object> mood = new LinkedHashMap<>();
                mood.put("description", MOODS.get(random.nextInt(MOODS.size())));
                mood.put("date", day.toString());
                // Each level drifts by at most one step from the last, as moods do.
                for (int i = 0; i < LEVELS.size(); i++) {
                    levels[i] = Math.max(1, Math.min(5, levels[i] + random.nextInt(3) - 1));
                    mood.put(LEVELS.get(i), levels[i]);
                }
                if (random.nextInt(3) == 0) {
                    mood.put("note", "Slept well, busy day at work.");
                }
                StrideServer.ok(sub, "POST", "/users/me/moods", mood);
            }
        }
    }
}
