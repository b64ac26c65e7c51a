package dev.stride.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.stride.bench.child.Events;
import dev.stride.bench.seed.Fixture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The events each benchmarked operation sends, for the fixture's users and runs. */
public final class Requests {

    public static final String CREATE_BODY =
            "{\"distance\":7.5,\"unit\":\"km\",\"date\":\"%s\",\"durationSeconds\":2400,\"title\":\"Lunch run\",\"tags\":[\"easy\",\"Bench\"]}";
    public static final List<String> CREATE_TAGS = List.of("easy", "Bench");

    public final Fixture fixture;
    public final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    public Requests(Fixture fixture) {
        this.fixture = fixture;
    }

    public APIGatewayV2HTTPEvent getEvent() {
        return Events.of("GET", "/runs/{runId}", Map.of("runId", String.valueOf(fixture.readerRunId())), Map.of(),
                fixture.reader().sub(), null);
    }

    public APIGatewayV2HTTPEvent listEvent(Fixture.User user) {
        return Events.of("GET", "/users/{id}/runs", Map.of("id", String.valueOf(user.id())), Map.of(), user.sub(), null);
    }

    public APIGatewayV2HTTPEvent createEvent() {
        return Events.of("POST", "/users/{id}/runs", Map.of("id", String.valueOf(fixture.creator().id())), Map.of(),
                fixture.creator().sub(), CREATE_BODY.formatted(today));
    }

    public APIGatewayV2HTTPEvent updateEvent(double distance) {
        return Events.of("PATCH", "/runs/{runId}", Map.of("runId", String.valueOf(fixture.writerRunId())), Map.of(),
                fixture.writer().sub(), "{\"distance\":" + distance + "}");
    }

    public APIGatewayV2HTTPEvent deleteEvent(long runId) {
        return Events.of("DELETE", "/runs/{runId}", Map.of("runId", String.valueOf(runId)), Map.of(),
                fixture.writer().sub(), null);
    }

    public APIGatewayV2HTTPEvent dashboardEvent(Fixture.User user) {
        return Events.of("GET", "/users/{id}/dashboard", Map.of("id", String.valueOf(user.id())), Map.of(), user.sub(), null);
    }

}
