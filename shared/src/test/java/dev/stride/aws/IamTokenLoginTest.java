package dev.stride.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.db.Login;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;
import software.amazon.awssdk.services.rds.model.GenerateAuthenticationTokenRequest;

class IamTokenLoginTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger signed = new AtomicInteger();
    private final RdsUtilities rds = counting(RdsUtilities.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTRIDETEST", "not-a-real-key")))
            .build());
    private final IamTokenLogin login = new IamTokenLogin(rds, "stride.proxy-abc.eu-west-1.rds.amazonaws.com", 5432, "stride_app", clock);

    @Test
    void current_whenFirstAsked_thenIsASignedConnectRequestValidFifteenMinutes() {
        Login token = login.current();

        assertThat(token.user()).isEqualTo("stride_app");
        assertThat(token.password())
                .startsWith("stride.proxy-abc.eu-west-1.rds.amazonaws.com:5432/?")
                .contains("Action=connect", "DBUser=stride_app", "X-Amz-Expires=900",
                        "X-Amz-Credential=AKIDSTRIDETEST%2F", "%2Feu-west-1%2Frds-db%2Faws4_request", "X-Amz-Signature=");
        assertThat(token.toString()).doesNotContain("X-Amz-Signature");
    }

    @Test
    void current_whenTokenYoungerThanTenMinutes_thenReusedAndRenewedAfter() {
        Login first = login.current();
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(login.current()).isSameAs(first);

        clock.advance(Duration.ofSeconds(1));
        Login renewed = login.current();

        assertThat(renewed).isNotSameAs(first);
        assertThat(signed).hasValue(2);
    }

    @Test
    void refusedAndRestored_whenCalled_thenNextConnectionGetsANewToken() {
        Login first = login.current();

        assertThat(login.refused(first)).isTrue();
        Login afterRefusal = login.current();
        login.restored();
        Login afterRestore = login.current();

        assertThat(afterRefusal).isNotSameAs(first);
        assertThat(afterRestore).isNotSameAs(afterRefusal);
        assertThat(signed).hasValue(3);
    }

    private RdsUtilities counting(RdsUtilities real) {
        return new RdsUtilities() {
            @Override
            public String generateAuthenticationToken(GenerateAuthenticationTokenRequest request) {
                signed.incrementAndGet();
                return real.generateAuthenticationToken(request);
            }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
