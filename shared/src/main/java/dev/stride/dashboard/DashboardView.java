package dev.stride.dashboard;

import java.time.LocalDate;
import java.util.List;

/** A user's runs and moods at a glance, within an optional date range. */
public record DashboardView(
        String user,
        long totalRuns,
        double totalDistanceKm,
        Double averageDistanceKm,
        Double longestRunKm,
        Double averagePaceSecondsPerKm,
        String latestMood,
        List<Week> runsByWeek) {

    /** A week (Monday start) that has at least one run. */
    public record Week(LocalDate weekStart, long runs, double distanceKm) {
    }
}
