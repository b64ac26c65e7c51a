package dev.stride.bench.warm;

import dev.stride.bench.child.JdbcFloor;
import dev.stride.bench.child.PrimedFloor;
import dev.stride.bench.cold.ColdStart;
import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Fixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first real request a function serves after priming (issue 13: ≤ 2× the floor's warm p50):
 * a fresh JVM per sample, as deployed, whose init primes the function (its {@code _HANDLER}; a
 * read its own statements, a write every path, undone before COMMIT), then one request,
 * timed. Against the floor's warm p50 for the same operation, measured here on one warm
 * connection (the same statements as the warm section's floor), against the floor's call
 * after the same idle as the first request's, and against the floor primed as the function is, in
 * a fresh JVM with the same flags ({@code PrimedFloor}): the yardstick that differs from the
 * handler's first request in nothing but the handler.
 */
public final class PrimedFirstInvoke {

    /**
     * One operation: the first invoke's spread over fresh JVMs after init's priming and after
     * SnapStart's (the target's), with that first request's CPU time, run-queue wait and blocks
     * (medians), the median of the {@value ColdStart#REQUESTS} - 1 requests after it, the
     * hooks' own time; the floor's warm p50 and its first call after the same idle; and the
     * ratios of the first invoke after SnapStart's hooks to each (the target: to the warm p50).
     */
    public record Row(String operation, String handler, Stats.Spread afterInitMs, Stats.Spread firstInvokeMs,
                      Stats.Spread firstCpuMs, Stats.Spread firstRunQueueMs, double firstBlocks, Stats.Spread laterMs,
                      Stats.Spread checkpointMs, Stats.Spread restoreMs, double floorWarmP50Ms, Floor floorAfterIdle,
                      Floor floorPrimed, double ratio, double ratioAfterIdle, double ratioPrimed) {
    }

    /**
     * A floor's call, median wall and CPU time: after {@value ColdStart#IDLE_MILLIS} ms idle on the
     * harness's warm connection ({@value #FLOOR_IDLE_CALLS} calls), or the primed floor's first
     * request (one per fresh JVM).
     */
    public record Floor(double wallMs, double cpuMs) {
    }

    private static final int FLOOR_IDLE_CALLS = 20;

    private static final int FLOOR_WARMUP = 2000;
    private static final int FLOOR_TIMED = 1000;

    /** Prepares one floor call (untimed: a run to delete), and answers the call to time. */
    private interface FloorCall {
        Timed prepare(JdbcFloor floor, Connection setup) throws SQLException;
    }

    private interface Timed {
        void run() throws SQLException;
    }

    private interface EventArgs {
        List<String> next(Connection setup) throws SQLException;
    }

    private PrimedFirstInvoke() {
    }

    public static List<Row> measure(ColdStart cold, ColdStart.Variant deployed, Fixture fixture, int samples)
            throws IOException, InterruptedException, SQLException {
        Fixture.User reader = fixture.reader();
        Fixture.User writer = fixture.writer();
        Fixture.User creator = fixture.creator();
        String today = new Requests(fixture).today.toString();
        double[] distance = {10.0};
        List<Row> rows = new ArrayList<>();
        try (Connection setup = fixture.connect()) {
            rows.add(row(cold, deployed, setup, samples, "get", "dev.stride.functions.runs.GetRunHandler", 200,
                    s -> List.of("method=GET", "route=/runs/{runId}", "path.runId=" + fixture.readerRunId(), "sub=" + reader.sub()),
                    List.of("op=get", "sub=" + reader.sub(), "user=" + reader.id(), "run=" + fixture.readerRunId()),
                    fixture, (f, s) -> () -> Api.expect(f.getRun(reader.sub(), fixture.readerRunId()), "get")));
            rows.add(row(cold, deployed, setup, samples, "list", "dev.stride.functions.runs.ListRunsHandler", 200,
                    s -> List.of("method=GET", "route=/users/{id}/runs", "path.id=" + reader.id(), "sub=" + reader.sub()),
                    List.of("op=list", "sub=" + reader.sub(), "user=" + reader.id()),
                    fixture, (f, s) -> () -> Api.expect(f.listRuns(reader.id(), 20), "list")));
            rows.add(row(cold, deployed, setup, samples, "create", "dev.stride.functions.runs.CreateRunHandler", 201,
                    s -> List.of("method=POST", "route=/users/{id}/runs", "path.id=" + creator.id(), "sub=" + creator.sub(),
                            "body=" + Requests.CREATE_BODY.formatted(today)),
                    List.of("op=create", "sub=" + creator.sub(), "user=" + creator.id(), "tags=" + String.join(",", Requests.CREATE_TAGS)),
                    fixture, (f, s) -> () -> Api.expect(f.createRun(creator.sub(), creator.id(), 7.5, java.time.LocalDate.parse(today),
                            2400, "Lunch run", Requests.CREATE_TAGS), "create")));
            rows.add(row(cold, deployed, setup, samples, "update", "dev.stride.functions.runs.UpdateRunHandler", 200,
                    s -> List.of("method=PATCH", "route=/runs/{runId}", "path.runId=" + fixture.writerRunId(), "sub=" + writer.sub(),
                            "body={\"distance\":" + (distance[0] += 0.25) + "}"),
                    List.of("op=update", "sub=" + writer.sub(), "user=" + writer.id(), "run=" + fixture.writerRunId()),
                    fixture, (f, s) -> () -> Api.expect(f.updateRunDistance(writer.sub(), fixture.writerRunId(), distance[0] += 0.25),
                            "update")));
            rows.add(row(cold, deployed, setup, samples, "delete", "dev.stride.functions.runs.DeleteRunHandler", 204,
                    s -> List.of("method=DELETE", "route=/runs/{runId}", "path.runId=" + Api.insertRunToDelete(s, writer.id()),
                            "sub=" + writer.sub()),
                    List.of("op=delete", "sub=" + writer.sub(), "user=" + writer.id()),
                    fixture, (f, s) -> {
                        long doomed = Api.insertRunToDelete(s, writer.id());
                        return () -> {
                            if (!f.deleteRun(writer.sub(), doomed)) {
                                throw new IllegalStateException("the raw-JDBC delete found nothing");
                            }
                        };
                    }));
            rows.add(row(cold, deployed, setup, samples, "dashboard", "dev.stride.functions.dashboard.GetDashboardHandler", 200,
                    s -> List.of("method=GET", "route=/users/{id}/dashboard", "path.id=" + reader.id(), "sub=" + reader.sub()),
                    List.of("op=dashboard", "sub=" + reader.sub(), "user=" + reader.id()),
                    fixture, (f, s) -> () -> Api.expect(f.dashboard(reader.id()), "dashboard")));
        }
        return rows;
    }

    private static Row row(ColdStart cold, ColdStart.Variant deployed, Connection setup, int samples, String operation,
                           String handler, int expected, EventArgs event, List<String> primedFloor, Fixture fixture,
                           FloorCall floorCall)
            throws IOException, InterruptedException, SQLException {
        List<Double> afterInit = new ArrayList<>();
        List<Double> afterSnapshot = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> runQueue = new ArrayList<>();
        List<Double> blocks = new ArrayList<>();
        List<Double> later = new ArrayList<>();
        List<Double> checkpoint = new ArrayList<>();
        List<Double> restore = new ArrayList<>();
        List<Double> floorWall = new ArrayList<>();
        List<Double> floorCpu = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            afterInit.add(cold.firstInvokeAfterPriming(deployed, handler, event.next(setup), expected, false).firstInvokeMs());
            ColdStart.AfterPriming snapshot = cold.firstInvokeAfterPriming(deployed, handler, event.next(setup), expected, true);
            afterSnapshot.add(snapshot.firstInvokeMs());
            ColdStart.Request first = snapshot.requests().getFirst();
            cpu.add(first.cpuMs());
            runQueue.add(first.runQueueMs());
            blocks.add((double) first.blocks());
            later.add(Stats.spread(snapshot.requests().subList(1, snapshot.requests().size()).stream()
                    .map(ColdStart.Request::wallMs).toList()).median());
            checkpoint.add(snapshot.checkpointMs());
            restore.add(snapshot.restoreMs());
            ColdStart.FloorRequest floorFirst = cold.floorAfterPriming(deployed, primedFloor).getFirst();
            floorWall.add(floorFirst.wallMs());
            floorCpu.add(floorFirst.cpuMs());
            // The runs the primed floor's create wrote while priming (its timed ones stay, as the handler's do).
            try (var cleanup = setup.prepareStatement("DELETE FROM runs WHERE title = ?")) {
                cleanup.setString(1, PrimedFloor.PRIMING_TITLE);
                cleanup.executeUpdate();
            }
        }
        Floor floorPrimed = new Floor(Stats.spread(floorWall).median(), Stats.spread(floorCpu).median());
        FloorTimes floor = floor(fixture, setup, floorCall);
        Stats.Spread spread = Stats.spread(afterSnapshot);
        return new Row(operation, handler, Stats.spread(afterInit), spread, Stats.spread(cpu), Stats.spread(runQueue),
                Stats.spread(blocks).median(), Stats.spread(later), Stats.spread(checkpoint), Stats.spread(restore),
                floor.warmP50Ms(), floor.afterIdle(), floorPrimed, Stats.ratio(spread.median(), floor.warmP50Ms()),
                Stats.ratio(spread.median(), floor.afterIdle().wallMs()), Stats.ratio(spread.median(), floorPrimed.wallMs()));
    }

    /** The floor's warm p50 (ms) and its call after the same idle as the handler's first request. */
    private record FloorTimes(double warmP50Ms, Floor afterIdle) {
    }

    /**
     * On one connection: p50 in ms of the floor's call after {@value #FLOOR_WARMUP} untimed calls
     * ({@value #FLOOR_TIMED} timed), then its call after {@value ColdStart#IDLE_MILLIS} ms of idle,
     * {@value #FLOOR_IDLE_CALLS} times: what waking up costs a call that has nothing left to load or
     * compile, the companion of the handler's first request after the same idle.
     */
    private static FloorTimes floor(Fixture fixture, Connection setup, FloorCall call) throws SQLException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        List<Double> idleWall = new ArrayList<>();
        List<Double> idleCpu = new ArrayList<>();
        try (Connection connection = fixture.connect()) {
            JdbcFloor floor = new JdbcFloor(connection);
            for (int i = 0; i < FLOOR_WARMUP + FLOOR_TIMED; i++) {
                Timed timed = call.prepare(floor, setup);
                long start = System.nanoTime();
                timed.run();
                if (i >= FLOOR_WARMUP) {
                    ms.add((System.nanoTime() - start) / 1e6);
                }
            }
            for (int i = 0; i < FLOOR_IDLE_CALLS; i++) {
                Timed timed = call.prepare(floor, setup);
                Thread.sleep(ColdStart.IDLE_MILLIS);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                timed.run();
                idleWall.add((System.nanoTime() - start) / 1e6);
                idleCpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
        }
        return new FloorTimes(Stats.percentiles(ms).p50(),
                new Floor(Stats.spread(idleWall).median(), Stats.spread(idleCpu).median()));
    }
}
