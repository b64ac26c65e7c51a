package dev.stride.bench;

import dev.stride.bench.cold.ColdStart;
import dev.stride.bench.experiments.RollupExperiment;
import dev.stride.bench.http.Throughput;
import dev.stride.bench.report.Machine;
import dev.stride.bench.warm.Jmh;
import dev.stride.bench.warm.RoundTrips;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one run measured: what latest.json holds and latest.md shows. Sections not run stay null. */
public final class Results {

    public record Zip(String path, long bytes, List<Jar> largestJars) {
    }

    public record Jar(String name, long bytes) {
    }

    /** A target from the issues, the value measured against it, and whether it was met. */
    public record Target(String target, String measured, Boolean met) {
    }

    public String takenAt;
    public String mode;
    public String command;
    public Machine machine;
    public String loadAtEnd;
    public String database;
    public String postgres;
    public double minutes;
    public Zip zip;
    /** JAVA_TOOL_OPTIONS as template.yaml sets it for the functions ("" when it sets none). */
    public String javaToolOptions;
    /** Whether the zip's own classes signed an RDS IAM token in a fresh JVM (null: not checked). */
    public Boolean iamTokenFromZip;
    public Map<String, RoundTrips.Pair> roundTrips;
    public double roundTripMicros;
    public List<ColdStart.VariantResult> coldStart;
    public List<dev.stride.bench.warm.PrimedFirstInvoke.Row> primedFirstInvoke;
    public List<ColdStart.Memory> memory;
    public ColdStart.Breakdown initBreakdown;
    public Map<String, Map<String, Long>> classOrigins;
    public List<Jmh.Result> warm;
    public List<Jmh.Result> scale;
    public Throughput.Result throughput;
    public RollupExperiment.Result rollupExperiment;
    public List<Target> targets = new ArrayList<>();
    /** Sections that threw, and why: their tables are missing from this run. */
    public Map<String, String> failures = new java.util.LinkedHashMap<>();
}
