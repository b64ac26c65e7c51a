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
 * How many round trips and statements each operation sends, handler against floor, counted twice
 * on a fresh connection per side: on the second call (one untraced call first, so lazy one-offs
 * are out of the way and no statement has yet become a server-prepared one, whose text the driver
 * no longer sends) and in the steady state, on the {@value #STEADY}th call (the driver prepares a
 * statement on the server at its fifth execution, {@code prepareThreshold}, and sends a prepared
 * one differently: a warm instance's calls are these).
 */
public final class RoundTrips {

    /** The second call's trace per side, then the steady state's ({@value #STEADY}th call). */
    public record Pair(WireTrace.Trace handler, WireTrace.Trace floor, WireTrace.Trace steadyHandler, WireTrace.Trace steadyFloor) {
    }

    /** The call counted in the steady state: every statement of it prepared on the server by then. */
    static final int STEADY = 10;

    private RoundTrips() {
    }

    public static Map<String, Pair> measure(Fixture fixture) throws SQLException {
        Map<String, Pair> result = new LinkedHashMap<>();
        Requests events = new Requests(fixture);
        try (Connection setup = fixture.connect()) {
            Fixture.User reader = fixture.reader();
            Fixture.User writer = fixture.writer();
            result.put("get", pair(
                    nth -> handler(fixture, s -> new GetRunHandler(s.runs()), () -> events.getEvent(), 200, nth),
                    nth -> floor(fixture, f -> f.getRun(reader.sub(), fixture.readerRunId()), nth)));
            result.put("list", pair(
                    nth -> handler(fixture, s -> new ListRunsHandler(s.runs()), () -> events.listEvent(reader), 200, nth),
                    nth -> floor(fixture, f -> f.listRuns(reader.id(), 20), nth)));
            result.put("create", pair(
                    nth -> handler(fixture, s -> new CreateRunHandler(s.runs()), events::createEvent, 201, nth),
                    nth -> floor(fixture, f -> f.createRun(fixture.creator().sub(), fixture.creator().id(), 7.5, events.today, 2400,
                            "Lunch run", Requests.CREATE_TAGS), nth)));
            double[] distance = {8.25};
            result.put("update", pair(
                    nth -> handler(fixture, s -> new UpdateRunHandler(s.runs()), () -> events.updateEvent(distance[0] += 0.5), 200, nth),
                    nth -> floor(fixture, f -> f.updateRunDistance(writer.sub(), fixture.writerRunId(), distance[0] += 0.5), nth)));
            result.put("delete", pair(
                    nth -> handler(fixture, s -> new DeleteRunHandler(s.runs()),
                            () -> events.deleteEvent(doomed(setup, writer.id())), 204, nth),
                    nth -> floorDelete(fixture, writer, setup, nth)));
            result.put("dashboard", pair(
                    nth -> handler(fixture, s -> new GetDashboardHandler(s.dashboard()), () -> events.dashboardEvent(reader), 200, nth),
                    nth -> floor(fixture, f -> f.dashboard(reader.id()), nth)));
        }
        return result;
    }

    private interface Counted {
        WireTrace.Trace at(int nth) throws SQLException;
    }

    private static Pair pair(Counted handler, Counted floor) throws SQLException {
        return new Pair(handler.at(2), floor.at(2), handler.at(STEADY), floor.at(STEADY));
    }

    private interface EventSource {
        APIGatewayV2HTTPEvent next() throws SQLException;
    }

    private interface FloorCall {
        String run(JdbcFloor floor) throws SQLException;
    }

    /** The trace of call number {@code nth} on a fresh connection; the calls before it run untraced. */
    private static WireTrace.Trace handler(Fixture fixture, Function<Services, ApiHandler> build, EventSource events, int expected,
                                           int nth) throws SQLException {
        try (Database database = Database.open(fixture.database())) {
            var handler = build.apply(Services.over(database));
            for (int i = 1; i < nth; i++) {
                Api.call(handler, events.next(), expected);
            }
            APIGatewayV2HTTPEvent event = events.next();
            return WireTrace.of(() -> Api.call(handler, event, expected));
        }
    }

    private static WireTrace.Trace floor(Fixture fixture, FloorCall call, int nth) throws SQLException {
        try (Connection connection = fixture.connect()) {
            JdbcFloor floor = new JdbcFloor(connection);
            for (int i = 1; i < nth; i++) {
                Api.expect(call.run(floor), "call");
            }
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
    private static WireTrace.Trace floorDelete(Fixture fixture, Fixture.User writer, Connection setup, int nth) throws SQLException {
        long[] ids = new long[nth];
        for (int i = 0; i < nth; i++) {
            ids[i] = doomed(setup, writer.id());
        }
        int[] next = {0};
        return floor(fixture, f -> f.deleteRun(writer.sub(), ids[next[0]++]) ? "" : null, nth);
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
