package dev.stride.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stride.bench.Results;
import dev.stride.bench.cold.ColdStart;
import dev.stride.bench.experiments.RollupExperiment;
import dev.stride.bench.http.Throughput;
import dev.stride.bench.warm.Jmh;
import dev.stride.bench.warm.RoundTrips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** latest.json (everything) and latest.md (the tables a reader needs), from one {@link Results}. */
public final class Report {

    private Report() {
    }

    public static void write(Results results, Path json, Path markdown) throws IOException {
        // Results are committed: paths are written relative to the project, not this machine's.
        String root = Path.of("").toAbsolutePath() + "/";
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results);
        Files.writeString(json, text.replace(root, ""));
        Files.writeString(markdown, markdown(results).replace(root, ""));
    }

    /** Each target of the issues against what this run measured. */
    public static void targets(Results r) {
        if (r.warm != null) {
            Map<String, Jmh.Result> warm = Jmh.index(r.warm);
            for (String op : List.of("get", "list", "create", "update", "delete", "dashboard")) {
                double ratio = p50Ratio(warm, op, null);
                r.targets.add(new Results.Target("warm " + op + " p50 ≤ 1.5× raw-JDBC floor (issues 5, 13)", times(ratio), ratio <= 1.5));
            }
            for (String op : List.of("get", "create")) {
                double ratio = p50Ratio(warm, op, null);
                r.targets.add(new Results.Target("warm " + op + " p50 ≤ 2× raw JDBC (issue 2)", times(ratio), ratio <= 2));
            }
        }
        if (r.coldStart != null) {
            // The targets hold for the function as deployed; the other variants are levers, reported beside it.
            for (ColdStart.VariantResult variant : r.coldStart) {
                if (variant.skipped() == null && variant.name().equals(ColdStart.AS_DEPLOYED)) {
                    for (String metric : List.of("total", "firstInvoke")) {
                        double ratio = variant.ratios().get(metric);
                        r.targets.add(new Results.Target("cold start as deployed, " + (metric.equals("total")
                                ? "spawn to first response" : "first invoke") + " ≤ 2× raw-JDBC floor (issue 13; goal 1.5×)",
                                times(ratio) + " (" + ms(variant.handler().ms().get(metric).median()) + " vs "
                                        + ms(variant.floor().ms().get(metric).median()) + ", medians)", ratio <= 2));
                    }
                }
            }
        }
        if (r.primedFirstInvoke != null) {
            for (var row : r.primedFirstInvoke) {
                r.targets.add(new Results.Target("first " + row.operation() + " after SnapStart's priming ≤ 2× the floor's warm p50 (issue 13)",
                        times(row.ratio()) + " (" + fine(row.firstInvokeMs().median()) + " vs " + fine(row.floorWarmP50Ms())
                                + "; " + times(row.ratioAfterIdle()) + " against the floor's call after the same idle, "
                                + fine(row.floorAfterIdle().wallMs()) + "; " + times(row.ratioPrimed())
                                + " against the floor primed alike in a fresh JVM, " + fine(row.floorPrimed().wallMs()) + ")",
                        row.ratio() <= 2));
            }
        }
        if (r.classOrigins != null) {
            long classes = r.classOrigins.get("handler").values().stream().mapToLong(Long::longValue).sum();
            r.targets.add(new Results.Target("classes loaded to the first response ≤ 3,000 (issue 13)",
                    classes + " (raw JDBC: " + r.classOrigins.get("floor").values().stream().mapToLong(Long::longValue).sum() + ")",
                    classes <= 3000));
        }
        if (r.scale != null) {
            Map<String, Jmh.Result> scale = Jmh.index(r.scale);
            Jmh.Result small = scale.get(Jmh.key("dashboard", "handler", "10"));
            Jmh.Result large = scale.get(Jmh.key("dashboard", "handler", "100000"));
            if (small != null && large != null) {
                double growth = large.micros().p50() / small.micros().p50();
                r.targets.add(new Results.Target("dashboard p50 at 100 000 runs ≤ 3× at 10 runs (issue 5)",
                        times(growth) + " (" + msFromUs(large.micros().p50()) + " vs " + msFromUs(small.micros().p50()) + ")",
                        growth <= 3));
            }
        }
        if (r.zip != null) {
            r.targets.add(new Results.Target("Lambda zip ≤ 20 MB (issue 2)", mb(r.zip.bytes()), r.zip.bytes() <= 20L * 1000 * 1000));
        }
        if (r.iamTokenFromZip != null) {
            r.targets.add(new Results.Target("the zip's classes sign an RDS IAM token (docs/aws.md §7)",
                    r.iamTokenFromZip ? "yes" : "no", r.iamTokenFromZip));
        }
    }

    private static double p50Ratio(Map<String, Jmh.Result> results, String op, String parameter) {
        Jmh.Result handler = results.get(Jmh.key(op, "handler", parameter));
        Jmh.Result floor = results.get(Jmh.key(op, "jdbc", parameter));
        return handler == null || floor == null ? Double.NaN : handler.micros().p50() / floor.micros().p50();
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("# Stride benchmark results\n\n");
        md.append("- taken: ").append(r.takenAt).append(", ").append(r.mode).append(", ").append(r.minutes).append(" min\n");
        md.append("- command: `").append(r.command).append("`\n");
        md.append("- machine: ").append(r.machine.cpu()).append(", ").append(r.machine.cores()).append(" cores, ")
                .append(mb(r.machine.memoryBytes())).append(" memory; ").append(r.machine.os()).append(" (")
                .append(r.machine.kernel()).append(")\n");
        md.append("- JDK: ").append(r.machine.jdk()).append(" (the code is compiled for release 21, Lambda's java21 runtime)\n");
        md.append("- load average (1/5/15 min): ").append(r.machine.loadAtStart()).append(" at start, ").append(r.loadAtEnd)
                .append(" at end; above ").append(r.machine.cores()).append(" means other work competed for the cores\n");
        md.append("- database: ").append(r.postgres).append(", ").append(r.database).append("\n\n");

        if (!r.failures.isEmpty()) {
            md.append("**Failed sections** (their tables are missing; see the harness's output):\n\n");
            r.failures.forEach((name, why) -> md.append("- ").append(name).append(": ").append(why).append('\n'));
            md.append('\n');
        }
        md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (Results.Target target : r.targets) {
            md.append("| ").append(target.target()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.met() == null ? "n/a" : target.met() ? "met" : "**missed**").append(" |\n");
        }
        md.append('\n');

        if (r.coldStart != null) {
            md.append("## Cold start: fresh JVM per sample, `GetRunHandler` from the Lambda zip vs a raw-JDBC handler\n\n");
            md.append("ms, median (min–max). *JVM start*: spawn to `main`; *init*: handler constructor (persistence unit, pool, ")
                    .append("connection); *Lambda init* = both, what Lambda reports as Init Duration; *first invoke*: the first ")
                    .append("event; *total*: spawn to first response. Ratio = handler median / floor median.\n\n");
            md.append("JVM options as deployed: Lambda java21's own `").append(String.join(" ", ColdStart.LAMBDA_JAVA21))
                    .append("`, and ").append(r.javaToolOptions == null || r.javaToolOptions.isEmpty()
                            ? "no `JAVA_TOOL_OPTIONS` (template.yaml sets none)"
                            : "`JAVA_TOOL_OPTIONS=" + r.javaToolOptions + "` from template.yaml").append(".\n\n");
            md.append("*CPU*: CPU time of all the JVM's threads from spawn to the second response; a loaded machine inflates")
                    .append(" wall time with waits, far less the CPU time, and at 1 024 MB a Lambda function has well under one")
                    .append(" vCPU, so there its cold start is CPU-bound.\n\n");
            md.append("| variant | side | JVM start | init | Lambda init | first invoke | total | second invoke | CPU | classes | samples |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (ColdStart.VariantResult v : r.coldStart) {
                if (v.skipped() != null) {
                    md.append("| ").append(v.name()).append(" | skipped: ").append(v.skipped()).append(" | | | | | | | | | |\n");
                    continue;
                }
                coldRow(md, v.name(), "handler", v.handler(), v.classes() > 0 ? String.valueOf(v.classes()) : "");
                coldRow(md, "", "raw JDBC", v.floor(), "");
                md.append("| | **ratio** | | | **").append(times(v.ratios().get("lambdaInit"))).append("** | **")
                        .append(times(v.ratios().get("firstInvoke"))).append("** | **").append(times(v.ratios().get("total")))
                        .append("** | | **").append(times(v.ratios().get("cpu"))).append("** | | |\n");
            }
            md.append("\nVariants: ");
            for (ColdStart.VariantResult v : r.coldStart) {
                md.append("*").append(v.name()).append("* ").append(v.flags().isEmpty() ? "(no flags)" : "`" + String.join(" ", v.flags()) + "`")
                        .append(": ").append(v.why()).append(". ");
            }
            md.append("\n\n");
        }
        if (r.initBreakdown != null) {
            md.append("### Where the handler's cold start goes\n\n| step | ms | classes loaded |\n|---|---|---|\n");
            for (ColdStart.Step step : r.initBreakdown.steps()) {
                md.append("| ").append(step.name()).append(" | ").append(ms(step.ms())).append(" | ").append(step.classes()).append(" |\n");
            }
            md.append("| **sum** | **").append(ms(r.initBreakdown.sumMs())).append("** | |\n\n").append(r.initBreakdown.note()).append(".\n\n");
        }
        if (r.classOrigins != null) {
            md.append("### Classes loaded from spawn to first response, by origin\n\n| origin | handler | raw JDBC |\n|---|---|---|\n");
            Map<String, Long> handler = r.classOrigins.get("handler");
            Map<String, Long> floor = r.classOrigins.get("floor");
            md.append("| **total** | **").append(handler.values().stream().mapToLong(Long::longValue).sum()).append("** | **")
                    .append(floor.values().stream().mapToLong(Long::longValue).sum()).append("** |\n");
            handler.entrySet().stream().limit(16).forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue())
                    .append(" | ").append(floor.getOrDefault(e.getKey(), 0L)).append(" |\n"));
            md.append('\n');
        }
        if (r.primedFirstInvoke != null) {
            md.append("## First request after priming, per function (issue 13: ≤ 2× the floor's warm p50)\n\n")
                    .append("A fresh JVM per sample, as deployed, whose init primes the function once (`_HANDLER`; a read its own")
                    .append(" statements, as a caller without a profile; a write every path, undone before COMMIT), then ")
                    .append(ColdStart.IDLE_MILLIS).append(" ms idle, then ").append(ColdStart.REQUESTS)
                    .append(" real requests, the first timed from the moment its event and context are ready: *after init*, what")
                    .append(" an on-demand cold start's first request costs. *After SnapStart's hooks*: the same, then the hooks")
                    .append(" Lambda runs around a snapshot (*checkpoint hook*: the path primed until the JIT compiles nothing new;")
                    .append(" *restore hook*: a fresh connection warmed by the path, which the first request after a restore also")
                    .append(" waits for), then the requests; the snapshot itself cannot be taken here. For that first request:")
                    .append(" the thread's CPU time, its wait in the run queue and how often it blocked (a round trip is one), and")
                    .append(" the median of the requests after it. Floor: the same statements on one warm connection, p50 after")
                    .append(" 2 000 calls, and its call after the same idle (median of 20); and *primed alike*: the floor")
                    .append(" primed as the function is, in a fresh JVM per sample with the same flags (")
                    .append(ColdStart.FLOOR_PRIMING_ROUNDS).append(" calls on one connection, a new connection and 6 calls on it (statements prepared at their first run, as Stride's),")
                    .append(" the same idle), its first request (median). Ratio: the first request after SnapStart's hooks against")
                    .append(" the floor's warm p50 (the target), against its call after the idle, and against the floor primed alike.\n\n")
                    .append("| operation | handler | after init, median (min–max) | after SnapStart's hooks, median (min–max) | its CPU | run-queue wait | blocks | requests 2–")
                    .append(ColdStart.REQUESTS).append(", median | checkpoint hook | restore hook | floor warm p50 | floor after idle (CPU) | floor primed alike (CPU) | ratio | ratio to floor after idle | ratio to floor primed alike |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (var row : r.primedFirstInvoke) {
                md.append("| ").append(row.operation()).append(" | `").append(row.handler().substring(row.handler().lastIndexOf('.') + 1))
                        .append("` | ").append(fineSpread(row.afterInitMs())).append(" | ").append(fineSpread(row.firstInvokeMs()))
                        .append(" | ").append(fine(row.firstCpuMs().median())).append(" | ").append(fine(row.firstRunQueueMs().median()))
                        .append(" | ").append(num(row.firstBlocks(), 0)).append(" | ").append(fine(row.laterMs().median()))
                        .append(" | ").append(ms(row.checkpointMs().median())).append(" | ").append(ms(row.restoreMs().median()))
                        .append(" | ").append(fine(row.floorWarmP50Ms())).append(" | ").append(fine(row.floorAfterIdle().wallMs()))
                        .append(" (").append(fine(row.floorAfterIdle().cpuMs())).append(") | ").append(fine(row.floorPrimed().wallMs()))
                        .append(" (").append(fine(row.floorPrimed().cpuMs())).append(") | **").append(times(row.ratio()))
                        .append("** | ").append(times(row.ratioAfterIdle())).append(" | ").append(times(row.ratioPrimed())).append(" |\n");
            }
            md.append('\n');
        }
        if (r.memory != null) {
            md.append("## Memory of a handler's JVM after warm-up\n\nAfter the first invoke and ")
                    .append(r.memory.isEmpty() ? 0 : r.memory.getFirst().warmInvocations())
                    .append(" more, then two `System.gc()`: heap in use and committed, resident set now (VmRSS) and at its peak (VmHWM).")
                    .append(" Also the p50 latency of `GET /runs/{id}` over the instance's first 100 warm calls and its last 100:")
                    .append(" how long a young instance takes to reach the steady state JMH measures below.\n\n");
            md.append("| variant | side | heap used | heap committed | RSS | peak RSS | p50 calls 2–101 | p50 last 100 |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (ColdStart.Memory m : r.memory) {
                memoryRow(md, m.variant(), "handler", m.handler());
                memoryRow(md, "", "raw JDBC", m.floor());
            }
            md.append('\n');
        }
        if (r.warm != null) {
            md.append("## Warm latency per operation (JMH sample time, one warm instance)\n\n");
            if (r.mode.startsWith("quick")) {
                md.append("> **Quick mode:** each fork serves 300 calls and warms up for 1 s, which on a slow or loaded machine does ")
                        .append("not reach the handlers' steady state (C2 needs thousands of calls through EclipseLink and Jackson): ")
                        .append("the handler columns may overstate the overhead. Compare only the full run's warm numbers with the targets.\n\n");
            }
            md.append("ms per request. Handler: the real handler class with a real HTTP API event; floor: the same SQL statements ")
                    .append("over raw JDBC on one connection, JSON written by hand. Round trips and statements: counted on the wire ")
                    .append("(PostgreSQL driver protocol trace), BEGIN/COMMIT included, on the 2nd call of a fresh connection and in the steady state (the 10th: statements prepared on the server); one round trip (`SELECT 1`) costs ")
                    .append(num(r.roundTripMicros, 0)).append(" µs p50 here, over loopback.\n\n");
            md.append("| operation | handler p50 | handler p99 | floor p50 | floor p99 | p50 ratio | round trips (handler / floor) | statements |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            Map<String, Jmh.Result> warm = Jmh.index(r.warm);
            for (String op : List.of("get", "list", "create", "update", "delete", "dashboard")) {
                Jmh.Result h = warm.get(Jmh.key(op, "handler", null));
                Jmh.Result f = warm.get(Jmh.key(op, "jdbc", null));
                if (h == null || f == null) {
                    continue;
                }
                RoundTrips.Pair trips = r.roundTrips == null ? null : r.roundTrips.get(op);
                md.append("| ").append(op).append(" | ").append(msFromUs(h.micros().p50())).append(" | ").append(msFromUs(h.micros().p99()))
                        .append(" | ").append(msFromUs(f.micros().p50())).append(" | ").append(msFromUs(f.micros().p99()))
                        .append(" | ").append(times(h.micros().p50() / f.micros().p50())).append(" | ")
                        .append(trips == null ? "" : trips.handler().roundTrips() + " / " + trips.floor().roundTrips()
                                + (trips.steadyHandler() == null ? "" : " (steady " + trips.steadyHandler().roundTrips() + " / "
                                        + trips.steadyFloor().roundTrips() + ")")).append(" | ")
                        .append(trips == null ? "" : trips.handler().statements() + " / " + trips.floor().statements()).append(" |\n");
            }
            md.append('\n');
        }
        if (r.scale != null) {
            md.append("## Scale: one user with 10, 1 000 and 100 000 runs (spread over two years)\n\n");
            md.append("Growth = p50 at the largest size / p50 at the smallest. The dashboard's answer itself grows from about 10 weeks to 105 ")
                    .append("(a run every week for two years), so a flat dashboard is not expected, only one that stops growing with runs.\n\n");
            md.append("| runs | dashboard handler p50 | dashboard floor p50 | list handler p50 | list floor p50 |\n|---|---|---|---|---|\n");
            Map<String, Jmh.Result> scale = Jmh.index(r.scale);
            String first = null;
            String last = null;
            for (Jmh.Result result : r.scale) {
                if (!result.operation().equals("dashboard") || !result.side().equals("handler")) {
                    continue;
                }
                String size = result.parameter();
                first = first == null ? size : first;
                last = size;
                md.append("| ").append(size).append(" | ").append(p50(scale, "dashboard", "handler", size)).append(" | ")
                        .append(p50(scale, "dashboard", "jdbc", size)).append(" | ").append(p50(scale, "list", "handler", size))
                        .append(" | ").append(p50(scale, "list", "jdbc", size)).append(" |\n");
            }
            if (first != null && !first.equals(last)) {
                md.append("| **growth " + first + " → " + last + "** | **")
                        .append(growth(scale, "dashboard", "handler", first, last)).append("** | ")
                        .append(growth(scale, "dashboard", "jdbc", first, last)).append(" | **")
                        .append(growth(scale, "list", "handler", first, last)).append("** | ")
                        .append(growth(scale, "list", "jdbc", first, last)).append(" |\n");
            }
            md.append('\n');
        }
        if (r.throughput != null) {
            Throughput.Result t = r.throughput;
            md.append("## Throughput through the local server, ").append(t.clients()).append(" concurrent clients\n\n");
            if (t.skipped() != null) {
                md.append("Skipped: ").append(t.skipped()).append(".\n\n");
            } else {
                md.append("Closed loop, ").append(t.measureSeconds()).append(" s measured after ").append(t.warmupSeconds())
                        .append(" s warm-up, against ").append(t.server()).append(". Floor: the same operations over raw JDBC from ")
                        .append(t.clients()).append(" threads, one connection each. Clients, server and database share the machine's cores.\n\n");
                md.append("| operation | req/s | p50 ms | p99 ms | errors | floor req/s | floor p50 ms | share of floor throughput | p50 ratio |\n")
                        .append("|---|---|---|---|---|---|---|---|---|\n");
                for (Throughput.Operation op : t.operations()) {
                    md.append("| ").append(op.name()).append(" | ").append(Math.round(op.requestsPerSecond())).append(" | ")
                            .append(num(op.latencyMs().p50(), 2)).append(" | ").append(num(op.latencyMs().p99(), 2)).append(" | ")
                            .append(op.errors()).append(" | ").append(Math.round(op.floorRequestsPerSecond())).append(" | ")
                            .append(num(op.floorLatencyMs().p50(), 2)).append(" | ").append(num(op.throughputShareOfFloor() * 100, 0))
                            .append(" % | ").append(times(op.p50Ratio())).append(" |\n");
                }
                md.append('\n');
            }
        }
        if (r.zip != null) {
            md.append("## Lambda zip\n\n`").append(r.zip.path()).append("`: **").append(mb(r.zip.bytes()))
                    .append("** compressed. Largest jars inside (uncompressed):\n\n| jar | size |\n|---|---|\n");
            r.zip.largestJars().stream().limit(10).forEach(j -> md.append("| ").append(j.name()).append(" | ").append(mb(j.bytes())).append(" |\n"));
            md.append('\n');
            if (r.iamTokenFromZip != null) {
                md.append("The zip's own classes (the few of the SDK's rds module the assembly keeps) sign an RDS IAM token in a fresh JVM: **")
                        .append(r.iamTokenFromZip ? "yes" : "no").append("**.\n\n");
            }
        }
        if (r.rollupExperiment != null) {
            RollupExperiment.Result x = r.rollupExperiment;
            md.append("## Experiment: the dashboard's weekly totals (V2) against plain aggregates (V1)\n\n");
            if (x.skipped() != null) {
                md.append("Skipped: ").append(x.skipped()).append(".\n\n");
            } else {
                md.append(x.note()).append("; ").append(x.repetitions()).append(" repetitions. Both designs answer the same JSON: ")
                        .append(x.sameAnswer() ? "yes" : "**no** (see latest.json)").append(". Seeding the large user by COPY through the trigger took ")
                        .append(num(x.seedSeconds(), 1)).append(" s.\n\n");
                md.append("| dashboard SQL | p50 at 10 runs | p50 at the large size | growth |\n|---|---|---|---|\n");
                for (RollupExperiment.Case c : x.dashboard()) {
                    md.append("| ").append(c.name()).append(" | ").append(msFromUs(c.p50Us10())).append(" | ")
                            .append(msFromUs(c.p50Us100k())).append(" | ").append(times(c.growth())).append(" |\n");
                }
                md.append("\nInsert one run, p50: ");
                x.insertP50Us().forEach((k, v) -> md.append(k).append(" ").append(msFromUs(v)).append("; "));
                md.append("\n\n");
            }
        }
        return md.toString();
    }

    private static void coldRow(StringBuilder md, String variant, String side, ColdStart.Side s, String classes) {
        md.append("| ").append(variant).append(" | ").append(side).append(" | ").append(spread(s.ms().get("jvmStart"))).append(" | ")
                .append(spread(s.ms().get("handlerInit"))).append(" | ").append(spread(s.ms().get("lambdaInit"))).append(" | ")
                .append(spread(s.ms().get("firstInvoke"))).append(s.ms().containsKey("prime")
                        ? " (after priming: " + ms(s.ms().get("prime").median()) + ")" : "")
                .append(" | ").append(spread(s.ms().get("total"))).append(" | ").append(spread(s.ms().get("secondInvoke")))
                .append(" | ").append(spread(s.ms().get("cpu"))).append(" | ").append(classes).append(" | ").append(s.samples()).append(" |\n");
    }

    private static void memoryRow(StringBuilder md, String variant, String side, Map<String, Long> m) {
        md.append("| ").append(variant).append(" | ").append(side).append(" | ").append(mb(m.get("heap-used"))).append(" | ")
                .append(mb(m.get("heap-committed"))).append(" | ").append(mb(m.get("vmrss"))).append(" | ")
                .append(mb(m.get("vmhwm"))).append(" | ").append(msFromUs(m.get("early-p50") / 1e3)).append(" | ")
                .append(msFromUs(m.get("late-p50") / 1e3)).append(" |\n");
    }

    private static String p50(Map<String, Jmh.Result> results, String op, String side, String size) {
        Jmh.Result result = results.get(Jmh.key(op, side, size));
        return result == null ? "" : msFromUs(result.micros().p50());
    }

    private static String growth(Map<String, Jmh.Result> results, String op, String side, String from, String to) {
        Jmh.Result a = results.get(Jmh.key(op, side, from));
        Jmh.Result b = results.get(Jmh.key(op, side, to));
        return a == null || b == null ? "" : times(b.micros().p50() / a.micros().p50());
    }

    private static String spread(Stats.Spread s) {
        return ms(s.median()) + " (" + ms(s.min()) + "–" + ms(s.max()) + ")";
    }

    /** ms with two decimals below 10 ms: the primed table's requests are fractions of a millisecond. */
    private static String fine(double ms) {
        return ms >= 10 ? ms(ms) : num(ms, 2) + " ms";
    }

    private static String fineSpread(Stats.Spread s) {
        return fine(s.median()) + " (" + fine(s.min()) + "–" + fine(s.max()) + ")";
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : num(ratio, 2) + "×";
    }

    static String ms(double ms) {
        return ms >= 100 ? num(ms, 0) + " ms" : num(ms, 1) + " ms";
    }

    static String msFromUs(double us) {
        return num(us / 1000, us >= 100_000 ? 1 : 2) + " ms";
    }

    static String mb(long bytes) {
        return num(bytes / 1e6, 1) + " MB";
    }

    private static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
