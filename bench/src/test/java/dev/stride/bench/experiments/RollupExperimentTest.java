package dev.stride.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scratch database must be on the same server as the one the run was given, whatever its URL looks like. */
class RollupExperimentTest {

    @Test
    void withDatabase_keepsHostPortAndParameters() {
        assertThat(RollupExperiment.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=x&ssl=false", "scratch"))
                .isEqualTo("jdbc:postgresql://localhost:5432/scratch?user=x&ssl=false");
        assertThat(RollupExperiment.withDatabase("jdbc:postgresql://db.example:6543/stride", "scratch"))
                .isEqualTo("jdbc:postgresql://db.example:6543/scratch");
        assertThat(RollupExperiment.withDatabase("jdbc:postgresql://localhost?ssl=true", "scratch"))
                .isEqualTo("jdbc:postgresql://localhost/scratch?ssl=true");
    }
}
