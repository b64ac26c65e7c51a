package dev.stride.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.stride.api.ApiHandler;
import dev.stride.bench.child.JdbcFloor;
import dev.stride.bench.report.Stats;
import dev.stride.bench.seed.Fixture;
import dev.stride.db.Database;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.DeleteRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.runs.UpdateRunHandler;
import dev.stride.instance.Services;
import dev.stride.testkit.WireTrace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How many round trips and statements each operation sends, handler against floor. Each side
 * gets a fresh connection and one untraced call first, so lazy one-offs are out of the way and
 * no statement has yet become a server-prepared one (whose text the driver no longer sends).
 */
public final class RoundTrips {

    public record Pair(WireTrace.Trace handler, WireTrace.Trace floor) {
    }

    private RoundTrips() {
    }

    public static Map<String, Pair> measure(Fixture fixture) throws SQLException {
        Map<String, Pair> result = new LinkedHashMap<>();
        Requests events = new Requests(fixture);
        try (Connection setup = fixture.connect()) {
            Fixture.User reader = fixture.reader();
            Fixture.User writer = fixture.writer();
            result.put("get", new Pair(
                    handler(fixture, s -> new GetRunHandler(s.runs()), () -> events.getEvent(), 200),
                    floor(fixture, f -> f.getRun(reader.sub(), fixture.readerRunId()))));
            result.put("list", new Pair(
                    handler(fixture, s -> new ListRunsHandler(s.runs()), () -> events.listEvent(reader), 200),
                    floor(fixture, f -> f.listRuns(reader.id(), 20))));
            result.put("create", new Pair(
                    handler(fixture, s -> new CreateRunHandler(s.runs()), events::createEvent, 201),
                    floor(fixture, f -> f.createRun(fixture.creator().sub(), fixture.creator().id(), 7.5, events.today, 2400, "Lunch run", Requests.CREATE_TAGS))));
            double[] distance = {8.25};
            result.put("update", new Pair(
                    handler(fixture, s -> new UpdateRunHandler(s.runs()), () -> events.updateEvent(distance[0] += 0.5), 200),
                    floor(fixture, f -> f.updateRunDistance(writer.sub(), fixture.writerRunId(), distance[0] += 0.5))));
            result.put("delete", new Pair(
                    handler(fixture, s -> new DeleteRunHandler(s.runs()),
                            () -> events.deleteEvent(doomed(setup, writer.id())), 204),
                    floorDelete(fixture, writer, doomed(setup, writer.id()), doomed(setup, writer.id()))));
            result.put("dashboard", new Pair(
                    handler(fixture, s -> new GetDashboardHandler(s.dashboard()), () -> events.dashboardEvent(reader), 200),
                    floor(fixture, f -> f.dashboard(reader.id()))));
        }
        return result;
    }

    private interface EventSource {
        APIGatewayV2HTTPEvent next() throws SQLException;
    }

    private interface FloorCall {
        String run(JdbcFloor floor) throws SQLException;
    }

    private static WireTrace.Trace handler(Fixture fixture, Function<Services, ApiHandler> build, EventSource events, int expected)
            throws SQLException {
        try (Database database = Database.open(fixture.database())) {
            var handler = build.apply(Services.over(database));
            Api.call(handler, events.next(), expected);
            APIGatewayV2HTTPEvent event = events.next();
            return WireTrace.of(() -> Api.call(handler, event, expected));
        }
    }

    private static WireTrace.Trace floor(Fixture fixture, FloorCall call) throws SQLException {
        try (Connection connection = fixture.connect()) {
            JdbcFloor floor = new JdbcFloor(connection);
            Api.expect(call.run(floor), "call");
            return WireTrace.capture(() -> {
                try {
                    return Api.expect(call.run(floor), "call");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).trace();
        }
    }

    /** Delete needs a fresh run per call, inserted before tracing starts (the trace sees every connection). */
    private static WireTrace.Trace floorDelete(Fixture fixture, Fixture.User writer, long first, long second) throws SQLException {
        long[] ids = {first, second};
        int[] next = {0};
        return floor(fixture, f -> f.deleteRun(writer.sub(), ids[next[0]++]) ? "" : null);
    }

    /**
     * What one round trip costs on this connection: p50 of {@code SELECT 1}, in µs. Multiplied by
     * the counts above, it says how much of an operation is waiting on the network; on Lambda
     * against RDS a round trip is an order of magnitude dearer than over loopback.
     */
    public static double roundTripMicros(Fixture fixture) throws SQLException {
        List<Double> us = new ArrayList<>();
        try (Connection connection = fixture.connect(); var select = connection.prepareStatement("SELECT 1")) {
            for (int i = 0; i < 2200; i++) {
                long start = System.nanoTime();
                try (var row = select.executeQuery()) {
                    row.next();
                }
                if (i >= 200) {
                    us.add((System.nanoTime() - start) / 1e3);
                }
            }
        }
        return Stats.percentiles(us).p50();
    }

    private static long doomed(Connection setup, long userId) throws SQLException {
        return Api.insertRunToDelete(setup, userId);
    }
}
