package dev.stride.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Priming before a snapshot goes on while the JIT still compiles, and stops at its cap when it never stops. */
class JitSettlingTest {

    private final AtomicInteger batches = new AtomicInteger();
    // A clock that moves 1 s per batch: the cap is read against it.
    private final AtomicLong clock = new AtomicLong();

    private void batch() {
        batches.incrementAndGet();
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void run_whenTheJitCompilesForThreeBatches_thenStopsAfterTheFirstQuietOne() {
        // Compiles during batches 1-3; batch 4 adds nothing.
        var settled = JitSettling.run(this::batch, () -> Math.min(batches.get(), 3), Duration.ofSeconds(20), clock::get);

        assertThat(settled.settled()).isTrue();
        assertThat(settled.batches()).isEqualTo(4);
        assertThat(batches).hasValue(4);
        assertThat(settled.nanos()).isEqualTo(Duration.ofSeconds(4).toNanos());
    }

    @Test
    void run_whenTheJitNeverStopsCompiling_thenStopsAtTheCap() {
        var settled = JitSettling.run(this::batch, batches::get, Duration.ofSeconds(20), clock::get);

        assertThat(settled.settled()).isFalse();
        assertThat(settled.batches()).isEqualTo(20);
        assertThat(batches).hasValue(20);
    }

    @Test
    void run_whenNothingIsLeftToCompile_thenOneBatch() {
        var settled = JitSettling.run(this::batch, () -> 7, Duration.ofSeconds(20), clock::get);

        assertThat(settled.settled()).isTrue();
        assertThat(settled.batches()).isEqualTo(1);
    }

    @Test
    void thisJvm_whenMethodsAreCompiled_thenMoves() {
        var jit = JitSettling.thisJvm();
        long before = jit.getAsLong();

        // Enough calls of a fresh lambda for any JIT to compile it.
        long sum = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jit.getAsLong() == before && System.nanoTime() < deadline) {
            for (int i = 0; i < 100_000; i++) {
                sum += Long.hashCode(sum * 31 + i) & 7;
            }
        }

        assertThat(jit.getAsLong()).as("after %d", sum).isNotEqualTo(before);
    }
}
