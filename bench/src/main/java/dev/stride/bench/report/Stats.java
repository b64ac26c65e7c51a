package dev.stride.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Summaries of measured samples. Percentiles by the nearest-rank method: always a value that was measured. */
public final class Stats {

    private Stats() {
    }

    /** min / median / max of a handful of samples (fresh-JVM timings, in ms). */
    public record Spread(double min, double median, double max, int n) {
    }

    /** p50 / p99 / mean of many samples (per-request latencies, in µs unless said otherwise). */
    public record Percentiles(double p50, double p99, double mean, long n) {
    }

    public static Spread spread(Collection<Double> samples) {
        double[] sorted = sorted(samples);
        return new Spread(sorted[0], median(sorted), sorted[sorted.length - 1], sorted.length);
    }

    public static Percentiles percentiles(Collection<Double> samples) {
        double[] sorted = sorted(samples);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new Percentiles(rank(sorted, 50), rank(sorted, 99), sum / sorted.length, sorted.length);
    }

    public static double ratio(double value, double floor) {
        return floor <= 0 ? Double.NaN : value / floor;
    }

    private static double[] sorted(Collection<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
