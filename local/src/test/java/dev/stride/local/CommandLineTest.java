package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The serve command's defaults that shape its performance. */
class CommandLineTest {

    @Test
    void serve_whenNoMaxInstances_thenOnePerCoreAndTwoAtLeast() {
        CommandLine.Serve serve = (CommandLine.Serve) CommandLine.parse(List.of("serve"));

        assertThat(serve.maxInstances()).isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertThat(serve.provisioned()).isEqualTo(1);
    }

    @Test
    void serve_whenMaxInstancesGiven_thenThatMany() {
        CommandLine.Serve serve = (CommandLine.Serve) CommandLine.parse(List.of("serve", "--max-instances", "6"));

        assertThat(serve.maxInstances()).isEqualTo(6);
    }
}
