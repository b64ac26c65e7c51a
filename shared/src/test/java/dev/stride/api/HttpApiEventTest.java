package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpApiEventTest {

    @Test
    void requestTime_isApiGatewaysFormat() {
        assertThat(HttpApiEvent.requestTime(Instant.parse("2026-12-02T20:02:08.822Z"))).isEqualTo("02/Dec/2026:20:02:08 +0000");
        assertThat(HttpApiEvent.request("GET", "/runs/{runId}").path("runId", 1).time(Instant.parse("2024-02-29T00:00:00Z"))
                .build().getRequestContext().getTime()).isEqualTo("29/Feb/2024:00:00:00 +0000");
    }

    @Test
    void requestTime_writesWhatTheJdksFormatterWrites_forEveryMonthEdgeAndYear() {
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0099-07-04T09:05:03Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("-0001-06-15T12:00:00Z")));
        for (int month = 1; month <= 12; month++) {
            instants.add(LocalDateTime.of(2026, month, 1, 0, 0).toInstant(ZoneOffset.UTC));
            instants.add(LocalDateTime.of(2026, month, 1, 0, 0).toInstant(ZoneOffset.UTC).minusNanos(1));
        }
        SplittableRandom random = new SplittableRandom(13);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(HttpApiEvent.requestTime(instant)).as(instant.toString())
                    .isEqualTo(HttpApiEvent.Formatted.REQUEST_TIME.format(instant));
        }
    }
}
